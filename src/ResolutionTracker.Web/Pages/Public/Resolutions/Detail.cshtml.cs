using Microsoft.AspNetCore.OutputCaching;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Resolutions;
using ResolutionTracker.Web.Briefings;
using ResolutionTracker.Web.Data;
using ResolutionTracker.Web.Pages.Shared;

namespace ResolutionTracker.Web.Pages.Public.Resolutions;

// The public view of one resolution. Each part is one query with a projection, so the page costs the
// same number of round trips however long the text, the sponsor list or the vote.
// Anonymous readers get it from the output cache, refreshed whenever a public record is saved.
[OutputCache(PolicyName = PublicCache.PolicyName)]
public sealed class DetailModel(AppDbContext db) : PageModel
{
    private const int MaxSymbolInput = 200;
    private const int SummaryLength = 180;

    public ResolutionView Resolution { get; private set; } = null!;
    public IReadOnlyList<VersionView> Versions { get; private set; } = [];
    public VersionView? Latest { get; private set; }
    public string? SponsorsOf { get; private set; }
    public IReadOnlyList<SponsorView> MainSponsors { get; private set; } = [];
    public IReadOnlyList<SponsorView> CoSponsors { get; private set; } = [];
    public IReadOnlyList<LinkView> Predecessors { get; private set; } = [];
    public IReadOnlyList<LinkView> Successors { get; private set; } = [];
    public IReadOnlyList<TextLine> Preambular { get; private set; } = [];
    public IReadOnlyList<TextLine> Operative { get; private set; } = [];
    public ILookup<Guid, ConcernCard> ConcernsByParagraph { get; private set; } = Enumerable.Empty<ConcernCard>().ToLookup(c => Guid.Empty);
    public IReadOnlyList<ConcernCard> WholeTextConcerns { get; private set; } = [];
    public IReadOnlyList<ConcernCard> EarlierTextConcerns { get; private set; } = [];
    public IReadOnlyList<VoteView> Votes { get; private set; } = [];
    public IReadOnlyList<BriefingView> Briefings { get; private set; } = [];
    public bool ShowConcernState => User.SeesUnpublished();
    public int ConcernCount { get; private set; }

    public string Cite => Latest?.Symbol ?? Resolution.Symbol;

    // "/resolutions/A/HRC/43/L.31": the symbol keeps its slashes; each part is escaped on its own.
    public static string PathFor(string symbol)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        return "/resolutions/" + string.Join('/', symbol.Split('/').Select(Uri.EscapeDataString));
    }

    public static string Anchor(ParagraphKind kind, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"{(kind == ParagraphKind.Preambular ? "pp" : "op")}{number}");

    public async Task<IActionResult> OnGetAsync(string? symbol, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(symbol) || symbol.Length > MaxSymbolInput)
            return NotFound();
        // Routing leaves an escaped slash (%2F) escaped in a catch-all value.
        var wanted = Uri.UnescapeDataString(symbol).Trim().TrimEnd('/');
        if (wanted.Length == 0 || wanted.Any(char.IsControl))
            return NotFound();

        var resolution = await FindAsync(r => r.Symbol == wanted, cancellationToken);
        if (resolution is not null && Request.Path != PathString.FromUriComponent(PathFor(resolution.Symbol)))
            return RedirectPermanent(PathFor(resolution.Symbol));
        if (resolution is null)
        {
            // The slug form (a-hrc-43-l-31) or the symbol in other letter case: answer with the one address.
            var slug = Slug.From(wanted);
            if (slug.Length == 0)
                return NotFound();
            var canonical = await db.Resolutions.AsNoTracking()
                .Where(r => r.Slug == slug)
                .Select(r => r.Symbol)
                .FirstOrDefaultAsync(cancellationToken);
            return canonical is null ? NotFound() : RedirectPermanent(PathFor(canonical));
        }
        Resolution = resolution;
        var id = resolution.Id;

        Versions = await db.Versions.AsNoTracking()
            .Where(v => v.ResolutionId == id)
            .OrderBy(v => v.Sequence)
            .Select(v => new VersionView(v.Id, v.Sequence, v.Label, v.Symbol, v.Kind, v.Date, v.Completeness, v.Paragraphs.Count))
            .ToListAsync(cancellationToken);
        Latest = Versions.Count == 0 ? null : Versions[^1];

        await LoadSponsorsAsync(id, cancellationToken);
        await LoadLinksAsync(id, cancellationToken);
        await LoadTextAndConcernsAsync(id, cancellationToken);
        await LoadVotesAsync(id, cancellationToken);

        return Page();
    }

    private Task<ResolutionView?> FindAsync(System.Linq.Expressions.Expression<Func<Resolution, bool>> predicate, CancellationToken cancellationToken) =>
        db.Resolutions.AsNoTracking()
            .Where(predicate)
            .Select(r => new ResolutionView(r.Id, r.Symbol, r.Title, r.Body, r.AgendaItem, r.Status, r.AdoptedOn,
                r.Session.Number, r.Session.OpenedOn, r.Session.ClosedOn, r.Session.Notes))
            .FirstOrDefaultAsync(cancellationToken);

    private async Task LoadSponsorsAsync(int id, CancellationToken cancellationToken)
    {
        var sponsors = await db.Sponsorships.AsNoTracking()
            .Where(s => s.Version.ResolutionId == id)
            .Select(s => new { s.Version.Sequence, s.Version.Label, s.Role, s.Position, s.Organisation.Name, s.Organisation.Slug })
            .ToListAsync(cancellationToken);
        if (sponsors.Count == 0)
            return;
        var sequence = sponsors.Max(s => s.Sequence);
        var ofVersion = sponsors.Where(s => s.Sequence == sequence).OrderBy(s => s.Position).ToList();
        SponsorsOf = ofVersion[0].Label;
        MainSponsors = ofVersion.Where(s => s.Role == SponsorRole.MainSponsor).Select(s => new SponsorView(s.Name, s.Slug)).ToList();
        CoSponsors = ofVersion.Where(s => s.Role == SponsorRole.CoSponsor)
            .OrderBy(s => s.Name, StringComparer.Create(CultureInfo.GetCultureInfo("en-GB"), ignoreCase: true))
            .Select(s => new SponsorView(s.Name, s.Slug)).ToList();
    }

    private async Task LoadLinksAsync(int id, CancellationToken cancellationToken)
    {
        var links = await db.ResolutionLinks.AsNoTracking()
            .Where(l => l.ResolutionId == id || l.PredecessorId == id)
            .Select(l => l.ResolutionId == id
                ? new { Earlier = true, l.Predecessor.Symbol, l.Predecessor.Title, l.Predecessor.Status, l.Predecessor.AdoptedOn, l.Predecessor.Session.Number }
                : new { Earlier = false, l.Resolution.Symbol, l.Resolution.Title, l.Resolution.Status, l.Resolution.AdoptedOn, l.Resolution.Session.Number })
            .ToListAsync(cancellationToken);
        Predecessors = links.Where(l => l.Earlier).OrderBy(l => l.Number)
            .Select(l => new LinkView(l.Symbol, l.Title, l.Status, l.AdoptedOn)).ToList();
        Successors = links.Where(l => !l.Earlier).OrderBy(l => l.Number)
            .Select(l => new LinkView(l.Symbol, l.Title, l.Status, l.AdoptedOn)).ToList();
    }

    private async Task LoadTextAndConcernsAsync(int id, CancellationToken cancellationToken)
    {
        var lines = new List<TextLine>();
        if (Latest is { ParagraphCount: > 0 } latest)
        {
            lines = await db.Paragraphs.AsNoTracking()
                .Where(p => p.VersionId == latest.Id)
                .OrderBy(p => p.Position)
                .Select(p => new TextLine(p.StableId, p.Kind, p.Number, p.Text, p.Source,
                    p.SubItems.OrderBy(s => s.Position).Select(s => new SubItemView(s.Label, s.Text, s.Level)).ToList()))
                .ToListAsync(cancellationToken);
        }
        Preambular = lines.Where(l => l.Kind == ParagraphKind.Preambular).OrderBy(l => l.Number).ToList();
        Operative = lines.Where(l => l.Kind == ParagraphKind.Operative).OrderBy(l => l.Number).ToList();

        var published = await PublishedAsync(id, cancellationToken);
        Briefings = published.Select(d => new BriefingView(d.Slug, d.Title, Enum.TryParse<BriefingStance>(d.Stance, out var stance) ? stance : BriefingStance.Neutral, d.PublishedAt)).ToList();
        var cards = User.SeesUnpublished()
            ? await LiveCardsAsync(id, cancellationToken)
            : PublishedCards(published);
        ConcernCount = cards.Count;

        var shown = lines.ToDictionary(l => l.Anchor, l => l.StableId, StringComparer.Ordinal);
        var byParagraph = new List<(Guid StableId, ConcernCard Card)>();
        var whole = new List<ConcernCard>();
        var earlier = new List<ConcernCard>();
        foreach (var card in cards)
        {
            if (card.Anchors.Count == 0)
            {
                whole.Add(card);
                continue;
            }
            foreach (var anchor in card.Anchors.Where(shown.ContainsKey))
                byParagraph.Add((shown[anchor], card));
            if (card.Anchors.Any(a => !shown.ContainsKey(a)))
                earlier.Add(card);
        }
        ConcernsByParagraph = byParagraph.ToLookup(x => x.StableId, x => x.Card);
        WholeTextConcerns = whole;
        EarlierTextConcerns = earlier;
    }

    // The latest snapshot of each published briefing on this resolution, newest first: what the public reads.
    private async Task<IReadOnlyList<BriefingDocument>> PublishedAsync(int id, CancellationToken cancellationToken)
    {
        var contents = await db.BriefingSnapshots.AsNoTracking()
            .Where(s => s.Briefing.ResolutionId == id && s.Number == s.Briefing.Snapshots.Max(x => x.Number))
            .OrderByDescending(s => s.PublishedAt)
            .Select(s => s.Content)
            .ToListAsync(cancellationToken);
        return contents.Select(BriefingDocument.FromJson).ToList();
    }

    // Visitors see concerns as published: the frozen sections of the briefings, each linking to its permalink.
    // A concern in several briefings is shown once, from the newest.
    private static List<ConcernCard> PublishedCards(IReadOnlyList<BriefingDocument> documents) =>
        documents
            .SelectMany(d => d.Concerns.Select((c, index) => (Document: d, Concern: c, Index: index)))
            .DistinctBy(x => x.Concern.ConcernId)
            .Select(x => new ConcernCard(x.Concern.ConcernId, x.Concern.Heading, Shorten(x.Concern.Summary),
                Enum.TryParse<Severity>(x.Concern.Severity, out var severity) ? severity : Severity.Medium,
                ConcernState.Approved,
                x.Concern.Paragraphs.Select(p => p.Reference).ToList())
            {
                Href = ResolutionTracker.Web.Pages.Public.Briefings.SnapshotPageModel.LatestPath(x.Document.Slug) + "#" + x.Concern.Anchor,
                Anchors = x.Concern.Paragraphs.Select(p => p.Anchor).ToList(),
            })
            .OrderByDescending(c => c.Severity)
            .ToList();

    // Signed-in users see every concern, live, in whatever state (the Visibility rule).
    private async Task<List<ConcernCard>> LiveCardsAsync(int id, CancellationToken cancellationToken)
    {
        var concerns = await db.Concerns.AsNoTracking()
            .VisibleTo(User)
            .Where(c => c.ResolutionId == id)
            .OrderByDescending(c => c.Severity == Severity.Critical)
            .ThenByDescending(c => c.Severity == Severity.High)
            .ThenByDescending(c => c.Severity == Severity.Medium)
            .ThenBy(c => c.Id)
            .Select(c => new
            {
                c.Id,
                c.Heading,
                c.Summary,
                c.Severity,
                c.State,
                Paragraphs = c.Paragraphs.OrderBy(cp => cp.Position)
                    .Select(cp => new { cp.Paragraph.Kind, cp.Paragraph.Number })
                    .ToList(),
            })
            .ToListAsync(cancellationToken);
        return concerns.Select(c => new ConcernCard(c.Id, c.Heading, Shorten(c.Summary), c.Severity, c.State,
                c.Paragraphs.Select(p => Paragraph.Reference(p.Kind, p.Number)).ToList())
            {
                Anchors = c.Paragraphs.Select(p => Anchor(p.Kind, p.Number)).ToList(),
            })
            .ToList();
    }

    private async Task LoadVotesAsync(int id, CancellationToken cancellationToken)
    {
        var votes = await db.Votes.AsNoTracking()
            .Where(v => v.Version.ResolutionId == id)
            .OrderBy(v => v.Date).ThenBy(v => v.Id)
            .Select(v => new
            {
                v.Id,
                v.Version.Label,
                v.Kind,
                v.Date,
                v.Meeting,
                v.Notes,
                Rows = v.Rows.Select(r => new VoteRowView(r.Organisation.Name, r.Organisation.Slug, r.Organisation.RegionalGroup, r.Choice)).ToList(),
            })
            .ToListAsync(cancellationToken);
        var byName = StringComparer.Create(CultureInfo.GetCultureInfo("en-GB"), ignoreCase: true);
        Votes = votes.Select(v => new VoteView(v.Id, v.Label, v.Kind, v.Date, v.Meeting, v.Notes,
            v.Rows.OrderBy(r => r.Choice).ThenBy(r => r.State, byName).ToList())).ToList();
    }

    private static string? Shorten(string? summary)
    {
        if (string.IsNullOrWhiteSpace(summary) || summary.Length <= SummaryLength)
            return summary;
        var cut = summary.LastIndexOf(' ', SummaryLength);
        return summary[..(cut > SummaryLength / 2 ? cut : SummaryLength)].TrimEnd(',', ';', ':', '.') + "…";
    }

    // Numbers the app does not hold between two it does ("pp.5–10"), so a partial text never looks whole.
    public static IReadOnlyList<object> WithGaps(IReadOnlyList<TextLine> lines)
    {
        var result = new List<object>();
        var expected = 1;
        foreach (var line in lines)
        {
            if (line.Number > expected)
                result.Add(new Gap(line.Kind, expected, line.Number - 1));
            result.Add(line);
            expected = line.Number + 1;
        }
        return result;
    }

    public sealed record ResolutionView(int Id, string Symbol, string Title, UnBody Body, string? AgendaItem, ResolutionStatus Status,
        DateOnly? AdoptedOn, int SessionNumber, DateOnly? SessionOpened, DateOnly? SessionClosed, string? SessionNotes);

    public sealed record VersionView(int Id, int Sequence, string Label, string? Symbol, VersionKind Kind, DateOnly? Date,
        TextCompleteness Completeness, int ParagraphCount);

    public sealed record SponsorView(string Name, string Slug);

    public sealed record LinkView(string Symbol, string Title, ResolutionStatus Status, DateOnly? AdoptedOn);

    public sealed record SubItemView(string Label, string Text, int Level);

    public sealed record TextLine(Guid StableId, ParagraphKind Kind, int Number, string Text, TextSource Source, IReadOnlyList<SubItemView> SubItems)
    {
        public string Anchor => DetailModel.Anchor(Kind, Number);
        public string Reference => Paragraph.Reference(Kind, Number);
    }

    public sealed record Gap(ParagraphKind Kind, int From, int To)
    {
        public string Label => From == To
            ? Paragraph.Reference(Kind, From)
            : string.Create(CultureInfo.InvariantCulture, $"{Paragraph.Reference(Kind, From)}–{To}");
    }

    // Href: where the heading links (a published concern's permalink in its briefing; else the concern page).
    // Anchors: the paragraphs it is about ("pp4"), matched against the text shown.
    public sealed record ConcernCard(int Id, string Heading, string? Summary, Severity Severity, ConcernState State, IReadOnlyList<string> References)
    {
        public string? Href { get; init; }
        public IReadOnlyList<string> Anchors { get; init; } = [];
    }

    public sealed record VoteRowView(string State, string Slug, RegionalGroup? Group, VoteChoice Choice);

    public sealed record VoteView(int Id, string VersionLabel, VoteKind Kind, DateOnly Date, string? Meeting, string? Notes, IReadOnlyList<VoteRowView> Rows)
    {
        public int Count(VoteChoice choice) => Rows.Count(r => r.Choice == choice);
    }

    public sealed record BriefingView(string Slug, string Title, BriefingStance Stance, DateTimeOffset? PublishedAt);
}

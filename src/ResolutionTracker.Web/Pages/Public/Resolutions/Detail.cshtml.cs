using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Resolutions;
using ResolutionTracker.Web.Briefings;
using ResolutionTracker.Web.Data;
using ResolutionTracker.Web.Infrastructure;
using ResolutionTracker.Web.Pages.Public.Briefings;
using BriefingPage = ResolutionTracker.Web.Pages.Public.Briefings.DetailModel;
using ResolutionTracker.Web.Pages.Shared;
using ResolutionTracker.Web.Resolutions;

namespace ResolutionTracker.Web.Pages.Public.Resolutions;

// The public view of one resolution, read in one SQL statement (PageSql), plus one the first time this
// process meets a published snapshot (DocumentsAsync); signed-in users' live concerns take one more. The
// count does not grow with the text, the sponsor list, the vote or the concerns.
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

    public async Task<IActionResult> OnGetAsync(string? symbol, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(symbol) || symbol.Length > MaxSymbolInput)
            return NotFound();
        // Routing leaves an escaped slash (%2F) escaped in a catch-all value.
        var wanted = Uri.UnescapeDataString(symbol).Trim().TrimEnd('/');
        if (wanted.Length == 0 || wanted.Any(char.IsControl))
            return NotFound();

        var data = await ReadAsync(wanted, cancellationToken);
        if (data is not null && Request.Path != PathString.FromUriComponent(ResolutionLinks.PublicPath(data.Resolution.Symbol)))
            return RedirectPermanent(ResolutionLinks.PublicPath(data.Resolution.Symbol));
        if (data is null)
        {
            // The slug form (a-hrc-43-l-31) or the symbol in other letter case: answer with the one address.
            var slug = Slug.From(wanted);
            if (slug.Length == 0)
                return NotFound();
            var canonical = await db.Resolutions.AsNoTracking()
                .Where(r => r.Slug == slug)
                .Select(r => r.Symbol)
                .FirstOrDefaultAsync(cancellationToken);
            return canonical is null ? NotFound() : RedirectPermanent(ResolutionLinks.PublicPath(canonical));
        }

        Resolution = data.Resolution;
        Versions = data.Versions;
        Latest = Versions.Count == 0 ? null : Versions[^1];
        ShowSponsors(data.Sponsors);
        ShowLinks(data.Links);
        Preambular = data.Paragraphs.Where(l => l.Kind == ParagraphKind.Preambular).OrderBy(l => l.Number).ToList();
        Operative = data.Paragraphs.Where(l => l.Kind == ParagraphKind.Operative).OrderBy(l => l.Number).ToList();
        var published = await DocumentsAsync(data.Published, cancellationToken);
        Briefings = published.Select(d => new BriefingView(d.Slug, d.Title, Enum.TryParse<BriefingStance>(d.Stance, out var stance) ? stance : BriefingStance.Neutral, d.PublishedAt)).ToList();
        var cards = User.SeesUnpublished()
            ? await LiveCardsAsync(data.Resolution.Id, cancellationToken)
            : PublishedCards(published);
        PlaceConcerns(data.Paragraphs, cards);
        ShowVotes(data.Votes);

        return Page();
    }

    // Everything public about the resolution in one statement and one round trip: each part is a subquery
    // aggregated to JSON by PostgreSQL, so the page costs one statement however long the text, the sponsor
    // list or the vote, and no part multiplies the rows of another (as joined collections would). The SQL
    // follows the schema's snake_case names (the integration tests read every part of the page). Of each
    // published briefing it names the latest snapshot and its content digest only: see DocumentsAsync.
    private const string PageSql = """
        SELECT json_build_object(
            'resolution', json_build_object('id', r.id, 'symbol', r.symbol, 'title', r.title, 'body', r.body,
                'agendaItem', r.agenda_item, 'status', r.status, 'adoptedOn', r.adopted_on, 'sessionNumber', se.number,
                'sessionOpened', se.opened_on, 'sessionClosed', se.closed_on, 'sessionNotes', se.notes),
            'versions', coalesce((
                SELECT json_agg(json_build_object('id', v.id, 'sequence', v.sequence, 'label', v.label, 'symbol', v.symbol,
                           'kind', v.kind, 'date', v.date, 'completeness', v.completeness,
                           'paragraphCount', (SELECT count(*) FROM paragraphs p WHERE p.version_id = v.id)) ORDER BY v.sequence)
                FROM versions v WHERE v.resolution_id = r.id), '[]'),
            'paragraphs', coalesce((
                SELECT json_agg(json_build_object('stableId', p.stable_id, 'kind', p.kind, 'number', p.number, 'text', p.text,
                           'source', p.source,
                           'subItems', coalesce((
                               SELECT json_agg(json_build_object('label', i.label, 'text', i.text, 'level', i.level) ORDER BY i.position)
                               FROM paragraph_sub_items i WHERE i.paragraph_id = p.id), '[]')) ORDER BY p.position)
                FROM paragraphs p
                WHERE p.version_id = (SELECT v.id FROM versions v WHERE v.resolution_id = r.id ORDER BY v.sequence DESC LIMIT 1)), '[]'),
            'sponsors', coalesce((
                SELECT json_agg(json_build_object('sequence', v.sequence, 'label', v.label, 'role', s.role, 'position', s.position,
                           'name', o.name, 'slug', o.slug))
                FROM sponsorships s JOIN versions v ON v.id = s.version_id JOIN organisations o ON o.id = s.organisation_id
                WHERE v.resolution_id = r.id), '[]'),
            'links', coalesce((
                SELECT json_agg(json_build_object('earlier', l.resolution_id = r.id, 'symbol', o.symbol, 'title', o.title,
                           'status', o.status, 'adoptedOn', o.adopted_on, 'session', os.number))
                FROM resolution_links l
                JOIN resolutions o ON o.id = CASE WHEN l.resolution_id = r.id THEN l.predecessor_id ELSE l.resolution_id END
                JOIN sessions os ON os.id = o.session_id
                WHERE l.resolution_id = r.id OR l.predecessor_id = r.id), '[]'),
            'published', coalesce((
                SELECT json_agg(json_build_object('id', s.id, 'contentHash', s.content_hash) ORDER BY s.published_at DESC)
                FROM briefing_snapshots s JOIN briefings b ON b.id = s.briefing_id
                WHERE b.resolution_id = r.id
                  AND s.number = (SELECT max(m.number) FROM briefing_snapshots m WHERE m.briefing_id = s.briefing_id)), '[]'),
            'votes', coalesce((
                SELECT json_agg(json_build_object('id', vo.id, 'label', v.label, 'kind', vo.kind, 'date', vo.date,
                           'meeting', vo.meeting, 'notes', vo.notes,
                           'rows', coalesce((
                               SELECT json_agg(json_build_object('state', o.name, 'slug', o.slug, 'group', o.regional_group, 'choice', w.choice))
                               FROM vote_rows w JOIN organisations o ON o.id = w.organisation_id WHERE w.vote_id = vo.id), '[]'))
                           ORDER BY vo.date, vo.id)
                FROM votes vo JOIN versions v ON v.id = vo.version_id
                WHERE v.resolution_id = r.id), '[]')
        )
        FROM resolutions r JOIN sessions se ON se.id = r.session_id
        WHERE r.symbol = $1
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    // Run on the context's connection as a plain command with a positional parameter, not through
    // SqlQueryRaw: EF builds the command text of a raw query with parameters again on every execution and
    // Npgsql then rewrites its named parameter: for this long statement that measured about 45 kB of
    // allocation and 15 % of the app's CPU per request. Npgsql still prepares it once per connection.
    private async Task<PageData?> ReadAsync(string symbol, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand(PageSql, (NpgsqlConnection)db.Database.GetDbConnection());
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = symbol });
            return await command.ExecuteScalarAsync(cancellationToken) is string json
                ? JsonSerializer.Deserialize<PageData>(json, Json)
                : null;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    // The latest snapshot of each published briefing on this resolution, newest first: what the public reads.
    // A snapshot never changes, so its parsed document is kept by its content digest (Rendered) and read from
    // the database only the first time this process meets it: one more statement then, for all of them.
    private async Task<IReadOnlyList<BriefingDocument>> DocumentsAsync(IReadOnlyList<SnapshotRef> snapshots, CancellationToken cancellationToken)
    {
        var documents = snapshots.Select(s => Rendered.Known(s.ContentHash)).ToArray();
        var missing = snapshots.Where((_, i) => documents[i] is null).Select(s => s.Id).ToList();
        if (missing.Count > 0)
        {
            var read = await db.BriefingSnapshots.AsNoTracking()
                .Where(s => missing.Contains(s.Id))
                .Select(s => new { s.Id, s.ContentHash, s.Content })
                .ToDictionaryAsync(s => s.Id, cancellationToken);
            for (var i = 0; i < snapshots.Count; i++)
            {
                if (documents[i] is null && read.TryGetValue(snapshots[i].Id, out var row))
                    documents[i] = Rendered.Document(row.ContentHash, row.Content);
            }
        }
        // A snapshot deleted between the two statements is left out, as it would have been a moment later.
        return documents.OfType<BriefingDocument>().ToList();
    }

    private void ShowSponsors(IReadOnlyList<SponsorRow> sponsors)
    {
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

    private void ShowLinks(IReadOnlyList<LinkRow> links)
    {
        Predecessors = links.Where(l => l.Earlier).OrderBy(l => l.Session)
            .Select(l => new LinkView(l.Symbol, l.Title, l.Status, l.AdoptedOn)).ToList();
        Successors = links.Where(l => !l.Earlier).OrderBy(l => l.Session)
            .Select(l => new LinkView(l.Symbol, l.Title, l.Status, l.AdoptedOn)).ToList();
    }

    private void PlaceConcerns(IReadOnlyList<TextLine> lines, List<ConcernCard> cards)
    {
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
                Href = BriefingPage.LatestPath(x.Document.Slug) + "#" + x.Concern.Anchor,
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
            .MostSevereFirst()
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
                Anchors = c.Paragraphs.Select(p => Paragraph.AnchorFor(p.Kind, p.Number)).ToList(),
            })
            .ToList();
    }

    private void ShowVotes(IReadOnlyList<VoteData> votes)
    {
        var byName = StringComparer.Create(CultureInfo.GetCultureInfo("en-GB"), ignoreCase: true);
        Votes = votes.Select(v => new VoteView(v.Id, v.Label, v.Kind, v.Date, v.Meeting, v.Notes,
            v.Rows.OrderBy(r => r.Choice).ThenBy(r => r.State, byName).ToList())).ToList();
    }

    private static string? Shorten(string? summary) =>
        string.IsNullOrWhiteSpace(summary) ? null : DocumentText.Trim(summary, SummaryLength);

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
        public string Anchor => Paragraph.AnchorFor(Kind, Number);
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

    // The shape of PageSql's JSON.
    private sealed record PageData(ResolutionView Resolution, IReadOnlyList<VersionView> Versions, IReadOnlyList<TextLine> Paragraphs,
        IReadOnlyList<SponsorRow> Sponsors, IReadOnlyList<LinkRow> Links, IReadOnlyList<SnapshotRef> Published, IReadOnlyList<VoteData> Votes);

    private sealed record SponsorRow(int Sequence, string Label, SponsorRole Role, int Position, string Name, string Slug);

    private sealed record LinkRow(bool Earlier, string Symbol, string Title, ResolutionStatus Status, DateOnly? AdoptedOn, int Session);

    private sealed record SnapshotRef(int Id, string ContentHash);

    private sealed record VoteData(int Id, string Label, VoteKind Kind, DateOnly Date, string? Meeting, string? Notes, IReadOnlyList<VoteRowView> Rows);
}

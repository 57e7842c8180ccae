using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Resolutions;
using ResolutionTracker.Web.Data;
using ResolutionTracker.Web.Formatting;
using ResolutionTracker.Web.Pages.Shared;
using ResolutionTracker.Web.Resolutions;
using ResolutionTracker.Web.Search;

namespace ResolutionTracker.Web.Pages.Public;

// One search box over everything published; signed-in users also find concerns in every state.
// Without a kind the page shows each group's best hits (at most GroupCap) with a link to the rest; with a
// kind it pages through that group. Filter values the page does not know are ignored and said so, as on
// the resolutions list. Input too long for a search is refused (400); an empty box, only stop words or
// only excluded words get a message and no search.
public sealed class SearchModel(AppDbContext db) : PageModel
{
    public const int GroupCap = 10;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? QueryText { get; set; }

    [BindProperty(SupportsGet = true, Name = "kind")]
    public string? KindText { get; set; }

    [BindProperty(SupportsGet = true, Name = "body")]
    public string? BodyText { get; set; }

    [BindProperty(SupportsGet = true, Name = "session")]
    public string? SessionText { get; set; }

    public string Query { get; private set; } = "";
    public SearchKind? Kind { get; private set; }
    public UnBody? Body { get; private set; }
    public int? Session { get; private set; }
    public Outcome Result { get; private set; } = Outcome.NoQuery;
    public IReadOnlyList<string> Ignored { get; private set; } = [];
    public IReadOnlyList<SearchKind> Kinds { get; private set; } = [];
    public IReadOnlyList<SessionOption> Sessions { get; private set; } = [];
    public IReadOnlyList<Group> Groups { get; private set; } = [];
    public Paging? Paging { get; private set; }
    public bool Internal => User.SeesUnpublished();
    public bool Filtered => Body is not null || Session is not null;
    public int Total => Groups.Sum(g => g.Total);
    public bool OrganisationsLeftOut => Filtered && (Kind is null or SearchKind.Organisations);

    public enum Outcome
    {
        NoQuery,
        TooLong,
        OnlyCommonWords,
        OnlyExcludedWords,
        Searched,
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Kinds = Enum.GetValues<SearchKind>().Where(k => k != SearchKind.Concerns || Internal).ToList();
        ReadFilters();
        Sessions = await SessionOption.WithResolutionsAsync(db.Resolutions, cancellationToken);

        Query = FullText.Clean(QueryText);
        if (Query.Length == 0)
            return Page();
        if (Query.Length > FullText.MaxQueryLength)
        {
            Result = Outcome.TooLong;
            ModelState.AddModelError("q", string.Create(CultureInfo.InvariantCulture,
                $"Search at most {FullText.MaxQueryLength} characters; this search has {Format.Number(Query.Length)}. Keep the few words that matter most."));
            return this.Invalid();
        }

        var shape = await SiteSearch.ShapeAsync(db, Query, cancellationToken);
        if (shape.IsEmpty)
        {
            Result = Outcome.OnlyCommonWords;
            return Page();
        }
        if (shape.OnlyExcludes)
        {
            Result = Outcome.OnlyExcludedWords;
            return Page();
        }

        Result = Outcome.Searched;
        var filter = new SiteSearch.Filter(Body, Session);
        var kinds = Kind is { } only ? [only] : Kinds;
        var counts = await SiteSearch.CountAsync(db, Query, filter, kinds, cancellationToken);
        var groups = new List<Group>();
        foreach (var kind in kinds)
        {
            var total = counts.GetValueOrDefault(kind);
            IReadOnlyList<SiteSearch.Hit> hits = [];
            if (Kind is not null)
            {
                Paging = Paging.For(Request, total);
                if (total > 0)
                    hits = await SiteSearch.FindAsync(db, kind, Query, filter, Paging.Skip, Paging.PageSize, cancellationToken);
            }
            else if (total > 0)
            {
                hits = await SiteSearch.FindAsync(db, kind, Query, filter, 0, GroupCap, cancellationToken);
            }
            groups.Add(new Group(kind, total, hits.Select(h => View(kind, h)).ToList(), total > hits.Count ? MoreUrl(kind) : null));
        }
        Groups = groups;
        return Page();
    }

    public static string Title(SearchKind kind) => kind switch
    {
        SearchKind.Concerns => "Concerns (internal)",
        _ => kind.ToString(),
    };

    public static string Noun(SearchKind kind, int count) => kind switch
    {
        SearchKind.Briefings => Format.Count(count, "briefing"),
        SearchKind.Resolutions => Format.Count(count, "resolution"),
        SearchKind.Paragraphs => Format.Count(count, "paragraph"),
        SearchKind.Concerns => Format.Count(count, "concern"),
        _ => Format.Count(count, "organisation"),
    };

    public static string Anchor(SearchKind kind) => "results-" + kind.ToString().ToLowerInvariant();

    // The same search and filters with another kind (or none).
    public string UrlFor(SearchKind? kind)
    {
        var query = new Dictionary<string, string?>
        {
            ["q"] = Query,
            ["kind"] = kind?.ToString().ToLowerInvariant(),
            ["body"] = Body?.ToString(),
            ["session"] = Session?.ToString(CultureInfo.InvariantCulture),
        };
        return QueryHelpers.AddQueryString("/search", query.Where(p => !string.IsNullOrEmpty(p.Value)));
    }

    // The same words, every kind, no filters.
    public string ClearUrl => Query.Length == 0 ? "/search" : QueryHelpers.AddQueryString("/search", "q", Query);

    private string MoreUrl(SearchKind kind) => UrlFor(kind);

    private void ReadFilters()
    {
        var filters = new ListFilters();
        var kind = filters.Choice<SearchKind>(KindText, "kind");
        if (kind == SearchKind.Concerns && !Internal)
            filters.Ignore("kind \u201cconcerns\u201d (concerns in progress are for signed-in staff; published concerns are found in their briefings)");
        else
            Kind = kind;
        Body = filters.Choice<UnBody>(BodyText, "body");
        Session = filters.PositiveNumber(SessionText, "session");
        Ignored = filters.Ignored;
    }

    private static Item View(SearchKind kind, SiteSearch.Hit hit)
    {
        var meta = new List<string>();
        if (hit.Body is { } body && Enum.TryParse<UnBody>(body, out var unBody) && hit.Session is { } session)
            meta.Add($"{Format.ShortLabel(unBody)} {Format.Session(session)}");
        switch (kind)
        {
            case SearchKind.Briefings:
                if (Enum.TryParse<BriefingStance>(hit.Label, out var stance))
                    meta.Add("Position: " + Format.Label(stance));
                meta.Add("Published " + Format.Date(hit.Published));
                return new Item($"/briefings/{Uri.EscapeDataString(hit.Slug ?? "")}", Headline(hit.Heading, hit.Title), hit.Symbol,
                    meta, Snippet.Render(hit.Snippet), null, null);
            case SearchKind.Resolutions:
                if (Enum.TryParse<ResolutionStatus>(hit.Label, out var status))
                    meta.Add(Format.Label(status));
                return new Item(ResolutionLinks.PublicPath(hit.Symbol ?? ""), new StringHtmlContent(hit.Symbol ?? ""), null,
                    meta, Snippet.Render(hit.Heading ?? hit.Title), null, null);
            case SearchKind.Paragraphs:
                var paragraphKind = Enum.TryParse<ParagraphKind>(hit.Title, out var pk) ? pk : ParagraphKind.Operative;
                var number = hit.Number ?? 0;
                meta.Add("Version " + hit.Label);
                return new Item(ResolutionLinks.ParagraphPath(hit.Symbol ?? "", paragraphKind, number),
                    new StringHtmlContent($"{hit.Symbol}, {Paragraph.Reference(paragraphKind, number)}"),
                    null, meta, Snippet.Render(hit.Snippet), null, null);
            case SearchKind.Concerns:
                var state = Enum.TryParse<ConcernState>(hit.Label, out var s) ? s : ConcernState.Draft;
                if (Enum.TryParse<Severity>(hit.Detail, out var severity))
                    meta.Add("Severity: " + Format.Label(severity));
                meta.Add(string.Create(CultureInfo.InvariantCulture, $"Revision {hit.Number}"));
                meta.Add("Updated " + Format.Date(hit.Published));
                return new Item(string.Create(CultureInfo.InvariantCulture, $"/desk/concerns/{hit.Id}"), Headline(hit.Heading, hit.Title), hit.Symbol,
                    meta, Snippet.Render(hit.Snippet), Format.Label(state), "concern-state-" + state.ToString().ToLowerInvariant());
            default:
                if (Enum.TryParse<OrganisationKind>(hit.Label, out var orgKind))
                    meta.Add(Format.Label(orgKind));
                return new Item($"/organisations/{Uri.EscapeDataString(hit.Slug ?? "")}", Headline(hit.Heading, hit.Title), null,
                    meta, HtmlString.Empty, null, null);
        }
    }

    // Titles sit inside the result's link, so their symbols are not linked again.
    private static IHtmlContent Headline(string? heading, string title) =>
        string.IsNullOrEmpty(heading) ? new StringHtmlContent(title) : Snippet.Render(heading, linkSymbols: false);

    public sealed record Group(SearchKind Kind, int Total, IReadOnlyList<Item> Results, string? More);

    // Symbol: the resolution the hit is about, linked in the result's details.
    public sealed record Item(string Href, IHtmlContent Title, string? Symbol, IReadOnlyList<string> Meta, IHtmlContent Snippet,
        string? Badge, string? BadgeCss);
}

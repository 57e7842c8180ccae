using Microsoft.AspNetCore.OutputCaching;
using ResolutionTracker.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.Web.Data;
using ResolutionTracker.Web.Formatting;
using ResolutionTracker.Web.Pages.Shared;
using ResolutionTracker.Web.Search;

namespace ResolutionTracker.Web.Pages.Public.Organisations;

// Anonymous readers get it from the output cache, refreshed whenever a public record is saved.
[OutputCache(PolicyName = PublicCache.PolicyName)]
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public const int MaxSearchLength = 100;

    // Filter values in the address are readable slugs of the enum names: ?kind=un-body&group=asia-pacific.
    public static IReadOnlyList<(string Value, string Label)> KindOptions { get; } =
        Enum.GetValues<OrganisationKind>().Select(k => (ToValue(k), Format.Label(k))).ToList();

    public static IReadOnlyList<(string Value, string Label)> GroupOptions { get; } =
        Enum.GetValues<RegionalGroup>().Select(g => (ToValue(g), Format.Label(g))).ToList();

    [BindProperty(SupportsGet = true, Name = "kind")]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "group")]
    public string? Group { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    public string? SearchError { get; private set; }
    public bool IsFiltered { get; private set; }
    public IReadOnlyList<Row> Organisations { get; private set; } = [];
    public Paging Paging { get; private set; } = Paging.For(1, 0);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!TryParse<OrganisationKind>(Kind, out var kind) || !TryParse<RegionalGroup>(Group, out var group))
            return BadRequest();

        var search = Search?.Trim();
        if (search?.Length > MaxSearchLength)
        {
            SearchError = $"Search for at most {MaxSearchLength} characters of a name.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var query = db.Organisations.AsNoTracking();
        if (kind is not null)
            query = query.Where(o => o.Kind == kind);
        if (group is not null)
            query = query.Where(o => o.RegionalGroup == group);
        if (!string.IsNullOrEmpty(search))
            query = query.NameContains(search);
        IsFiltered = kind is not null || group is not null || !string.IsNullOrEmpty(search);

        var total = await query.CountAsync(cancellationToken);
        Paging = Paging.For(Request, total);
        Organisations = await query
            .OrderBy(o => o.Name)
            .Skip(Paging.Skip)
            .Take(Paging.PageSize)
            .Select(o => new Row(o.Slug, o.Name, o.ShortName, o.Kind, o.RegionalGroup))
            .ToListAsync(cancellationToken);
        return Page();
    }

    public static string ToValue(Enum value) => Slug.From(Format.Words(value));

    // An empty value means "any"; anything that is not one of the offered values is a bad request.
    private static bool TryParse<TEnum>(string? value, out TEnum? result) where TEnum : struct, Enum
    {
        result = null;
        if (string.IsNullOrWhiteSpace(value))
            return true;
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(ToValue(candidate), value.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                result = candidate;
                return true;
            }
        }
        return false;
    }

    public sealed record Row(string Slug, string Name, string? ShortName, OrganisationKind Kind, RegionalGroup? RegionalGroup);
}

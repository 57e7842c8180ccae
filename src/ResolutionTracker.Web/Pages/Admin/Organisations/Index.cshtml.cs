using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.Web.Data;
using ResolutionTracker.Web.Pages.Shared;
using ResolutionTracker.Web.Search;

namespace ResolutionTracker.Web.Pages.Admin.Organisations;

public sealed class IndexModel(AppDbContext db) : PageModel
{
    public const int MaxSearchLength = 100;

    [BindProperty(SupportsGet = true, Name = "kind")]
    public OrganisationKind? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    public string? SearchError { get; private set; }
    public bool IsFiltered { get; private set; }
    public IReadOnlyList<Row> Organisations { get; private set; } = [];
    public Paging Paging { get; private set; } = Paging.For(1, 0);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
            return BadRequest();
        var search = Search?.Trim();
        if (search?.Length > MaxSearchLength)
        {
            SearchError = $"Search for at most {MaxSearchLength} characters of a name.";
            return this.Invalid();
        }

        var query = db.Organisations.AsNoTracking();
        if (Kind is { } kind)
            query = query.Where(o => o.Kind == kind);
        if (!string.IsNullOrEmpty(search))
            query = query.NameContains(search);
        IsFiltered = Kind is not null || !string.IsNullOrEmpty(search);

        var total = await query.CountAsync(cancellationToken);
        Paging = Paging.For(Request, total);
        Organisations = await query
            .OrderBy(o => o.Name)
            .Skip(Paging.Skip)
            .Take(Paging.PageSize)
            .Select(o => new Row(o.Id, o.Slug, o.Name, o.ShortName, o.Kind, o.RegionalGroup))
            .ToListAsync(cancellationToken);
        return Page();
    }

    public sealed record Row(int Id, string Slug, string Name, string? ShortName, OrganisationKind Kind, RegionalGroup? RegionalGroup);
}

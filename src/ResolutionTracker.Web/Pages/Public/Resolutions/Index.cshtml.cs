using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.Web.Data;
using ResolutionTracker.Web.Infrastructure;
using ResolutionTracker.Web.Pages.Shared;

namespace ResolutionTracker.Web.Pages.Public.Resolutions;

// Filters come from the query string as text. A value the page does not know (a misspelt status, a
// session that is not a number) is ignored and said so on the page, never an error; see Paging for pages.
// Anonymous readers get it from the output cache, refreshed whenever a public record is saved.
[OutputCache(PolicyName = PublicCache.PolicyName)]
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public ResolutionList List { get; private set; } = ResolutionList.Empty;
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(string? body, string? session, string? status, CancellationToken cancellationToken)
    {
        List = await ResolutionList.ReadAsync(db.Resolutions, Request, body, session, status, cancellationToken);
        Rows = await List.OnPage
            .Select(r => new Row(r.Symbol, r.Title, r.Body, r.Session.Number, r.Status, r.AdoptedOn))
            .ToListAsync(cancellationToken);
    }

    public sealed record Row(string Symbol, string Title, UnBody Body, int Session, ResolutionStatus Status, DateOnly? AdoptedOn);
}

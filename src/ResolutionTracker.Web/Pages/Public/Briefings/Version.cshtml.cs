using Microsoft.AspNetCore.Mvc;
using ResolutionTracker.Web.Data;

namespace ResolutionTracker.Web.Pages.Public.Briefings;

// One published snapshot by number: each keeps its own address after newer ones are published.
public sealed class VersionModel(AppDbContext db) : SnapshotPageModel(db)
{
    public Task<IActionResult> OnGetAsync(string slug, int number, CancellationToken cancellationToken) =>
        RenderAsync(slug, number, cancellationToken);
}

using Microsoft.AspNetCore.Mvc;
using ResolutionTracker.Web.Data;

namespace ResolutionTracker.Web.Pages.Public.Briefings;

// The latest published snapshot of a briefing.
public sealed class DetailModel(AppDbContext db) : SnapshotPageModel(db)
{
    public Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken) =>
        RenderAsync(slug, null, cancellationToken);
}

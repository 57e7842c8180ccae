using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using ResolutionTracker.Web.Data;

namespace ResolutionTracker.Web.Pages.Public.Briefings;

// A published briefing: the latest snapshot at /briefings/{slug}, or one snapshot by number at
// /briefings/{slug}/v/{number} (each keeps its own address after newer ones are published).
public sealed class DetailModel(AppDbContext db, IOutputCacheStore store) : SnapshotPageModel(db, store)
{
    // The route of one version by number, added to the page's own in Infrastructure/Services.cs.
    public const string VersionRoute = "briefings/{slug}/v/{number:int}";

    public Task<IActionResult> OnGetAsync(string slug, int? number, CancellationToken cancellationToken) =>
        RenderAsync(slug, number, cancellationToken);
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResolutionTracker.Web.Data;
using ResolutionTracker.Web.Exports;

namespace ResolutionTracker.Web.Pages.Public.Exports;

// /briefings/{slug}/briefing.docx (latest snapshot) and /briefings/{slug}/v/{n}/briefing.docx (snapshot n).
public class BriefingDocxModel(AppDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string slug, int? n, CancellationToken cancellationToken)
    {
        var published = await PublishedBriefings.FindAsync(db, slug, n, cancellationToken);
        if (published is null)
            return NotFound();
        ExportHttp.SetCaching(Response, versioned: n is not null);
        var bytes = BriefingDocx.Build(published.Document, ExportHttp.SiteUrl(Request));
        return new FileContentResult(bytes, BriefingDocx.ContentType)
        {
            FileDownloadName = published.Document.Slug + ".docx",
            LastModified = published.PublishedAt,
            EntityTag = ExportHttp.ETag("docx", published),
        };
    }
}

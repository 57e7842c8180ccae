using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using ResolutionTracker.Web.Briefings;
using ResolutionTracker.Web.Data;

namespace ResolutionTracker.Web.Pages.Public.Briefings;

// A published briefing as the public reads it: always from a frozen snapshot, never from live data.
// One SQL statement per page whatever the briefing holds (the document is one jsonb value), conditional
// GETs answered with 304, and the page output-cached for anonymous readers until the next publish.
[OutputCache(PolicyName = PublicCache.PolicyName)]
public abstract class SnapshotPageModel(AppDbContext db) : PageModel
{
    public BriefingDocument Document { get; private set; } = null!;
    public IReadOnlyList<VersionRow> Versions { get; private set; } = [];
    public VersionRow Latest => Versions[^1];
    public bool IsLatest => Document.Number == Latest.Number;
    public string Slug { get; private set; } = "";
    public string CanonicalPath { get; private set; } = "";
    public string AbsoluteUrl => $"{Request.Scheme}://{Request.Host}{Request.PathBase}{CanonicalPath}";
    public string Description => DocumentText.Description(Document);

    // Where this document's exports are served (the export routes live with the exports).
    public string ExportPath(string extension) => IsLatest && CanonicalPath == LatestPath(Slug)
        ? $"{LatestPath(Slug)}/briefing.{extension}"
        : $"{VersionPath(Slug, Document.Number)}/briefing.{extension}";

    public static string LatestPath(string slug) => "/briefings/" + Uri.EscapeDataString(slug);

    public static string VersionPath(string slug, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"/briefings/{Uri.EscapeDataString(slug)}/v/{number}");

    protected async Task<IActionResult> RenderAsync(string slug, int? number, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(slug) || slug.Length > Domain.Limits.Slug || number is <= 0)
            return NotFound();
        var snapshots = db.BriefingSnapshots.AsNoTracking().Where(s => s.Briefing.Slug == slug);
        snapshots = number is { } n
            ? snapshots.Where(s => s.Number == n)
            : snapshots.Where(s => s.Number == s.Briefing.Snapshots.Max(x => x.Number));
        var row = await snapshots
            .Select(s => new SnapshotRow(s.Id, s.Number, s.Content,
                s.Briefing.Snapshots.OrderBy(x => x.Number).Select(x => new VersionRow(x.Number, x.PublishedAt)).ToList()))
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
            return NotFound();

        Slug = slug;
        Versions = row.Versions;
        Document = Rendered.Document(row.Content);
        CanonicalPath = row.Number == Latest.Number ? LatestPath(slug) : VersionPath(slug, row.Number);

        // An earlier version changes when a newer one is published (its notice), so both numbers are in the tag.
        var etag = PublicCache.ETagFor("briefing", row.Id, Latest.Number);
        var lastModified = Latest.PublishedAt;
        return Conditional(etag, lastModified) ? StatusCode(StatusCodes.Status304NotModified) : Page();
    }

    // True when the browser's copy is current. Signed-in readers see a different page chrome from the
    // copy an anonymous visit may have left in the browser, so they always get the full page.
    private bool Conditional(string etag, DateTimeOffset lastModified)
    {
        var response = Response.GetTypedHeaders();
        if (User.Identity?.IsAuthenticated == true)
        {
            Response.Headers.CacheControl = "private, no-cache";
            return false;
        }
        var seconds = new DateTimeOffset(lastModified.UtcDateTime.Ticks - (lastModified.UtcDateTime.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        response.ETag = EntityTagHeaderValue.Parse(etag);
        response.LastModified = seconds;
        Response.Headers.CacheControl = "public, no-cache";

        var request = Request.GetTypedHeaders();
        if (request.IfNoneMatch is { Count: > 0 } tags)
            return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(response.ETag, useStrongComparison: false));
        return request.IfModifiedSince is { } since && since >= seconds;
    }

    public sealed record VersionRow(int Number, DateTimeOffset PublishedAt);

    private sealed record SnapshotRow(int Id, int Number, string Content, IReadOnlyList<VersionRow> Versions);
}

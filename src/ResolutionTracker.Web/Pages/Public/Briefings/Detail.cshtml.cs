using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using ResolutionTracker.Web.Briefings;
using ResolutionTracker.Web.Data;
using ResolutionTracker.Web.Infrastructure;
using ResolutionTracker.Web.Pages.Shared;

namespace ResolutionTracker.Web.Pages.Public.Briefings;

// A published briefing as the public reads it: the latest snapshot at /briefings/{slug}, or one snapshot by number
// at /briefings/{slug}/v/{number} (each keeps its own address after newer ones are published); always from a
// frozen snapshot, never from live data.
// The list of published versions comes from the version index (VersionIndex), or else from one small SQL
// statement, whatever the briefing holds; a document this process has not seen yet costs one more (it is one
// jsonb value). Conditional GETs are answered with 304, and the page is output-cached for anonymous readers
// until the next publish.
[OutputCache(PolicyName = PublicCache.PolicyName)]
public sealed class DetailModel(AppDbContext db, IOutputCacheStore store) : PageModel
{
    // The route of one version by number, added to the page's own in Infrastructure/Services.cs.
    public const string VersionRoute = "briefings/{slug}/v/{number:int}";

    public BriefingDocument Document { get; private set; } = null!;
    public IReadOnlyList<VersionRow> Versions { get; private set; } = [];
    public VersionRow Latest => Versions[^1];
    public bool IsLatest => Document.Number == Latest.Number;
    public string Slug { get; private set; } = "";
    public string CanonicalPath { get; private set; } = "";
    public string AbsoluteUrl => SiteRoot.Of(Request) + CanonicalPath;
    public string Description => Rendered.Description(ContentHash, Document);

    // Where this document's exports are served (the export routes live with the exports).
    public string ExportPath(string extension) => IsLatest && CanonicalPath == LatestPath(Slug)
        ? $"{LatestPath(Slug)}/briefing.{extension}"
        : $"{VersionPath(Slug, Document.Number)}/briefing.{extension}";

    public static string LatestPath(string slug) => "/briefings/" + Uri.EscapeDataString(slug);

    public static string VersionPath(string slug, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"/briefings/{Uri.EscapeDataString(slug)}/v/{number}");

    // The digest of this snapshot's content: what is derived from it (parsed, rendered) is memoised under it.
    public string ContentHash { get; private set; } = "";

    // Every published version of a briefing, oldest first: small columns only, never the documents.
    private static readonly Func<AppDbContext, string, IAsyncEnumerable<VersionIndex.Line>> Lines =
        EF.CompileAsyncQuery((AppDbContext context, string slug) => context.BriefingSnapshots.AsNoTracking()
            .Where(s => s.Briefing.Slug == slug)
            .OrderBy(s => s.Number)
            .Select(s => new VersionIndex.Line(s.Id, s.Number, s.PublishedAt, s.ContentHash)));

    // One snapshot's document, read only when this process has not parsed that content yet.
    private static readonly Func<AppDbContext, int, string, Task<string?>> DocumentJson =
        EF.CompileAsyncQuery((AppDbContext context, int id, string hash) => context.BriefingSnapshots.AsNoTracking()
            .Where(s => s.Id == id && s.ContentHash == hash)
            .Select(s => s.Content)
            .SingleOrDefault());

    public async Task<IActionResult> OnGetAsync(string slug, int? number, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(slug) || slug.Length > Domain.Limits.Slug || number is <= 0)
            return NotFound();
        var key = VersionIndex.KeyFor(store, slug);
        var lines = await VersionIndex.FindAsync(store, key, cancellationToken);
        if (lines is null)
        {
            var read = new List<VersionIndex.Line>();
            await foreach (var line in Lines(db, slug).WithCancellation(cancellationToken))
                read.Add(line);
            await VersionIndex.RememberAsync(store, key, read, cancellationToken);
            lines = read;
        }
        if (lines.Count == 0)
            return NotFound();
        var row = number is { } n ? lines.FirstOrDefault(l => l.Number == n) : lines[^1];
        if (row is null)
            return NotFound();

        // A snapshot never changes, so its parsed document is kept by content digest; a miss reads it (one more
        // statement, whatever the briefing holds).
        var document = Rendered.Known(row.ContentHash);
        if (document is null)
        {
            var json = await DocumentJson(db, row.Id, row.ContentHash);
            if (json is null)
                return NotFound();
            document = Rendered.Document(row.ContentHash, json);
        }

        Slug = slug;
        Versions = lines.Select(l => new VersionRow(l.Number, l.PublishedAt)).ToList();
        Document = document;
        ContentHash = row.ContentHash;
        CanonicalPath = row.Number == Latest.Number ? LatestPath(slug) : VersionPath(slug, row.Number);

        // An earlier version changes when a newer one is published (its notice), so both numbers are in the tag,
        // with the content's digest.
        var etag = PublicCache.ETagFor("briefing:" + row.ContentHash, row.Id, Latest.Number);
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
}

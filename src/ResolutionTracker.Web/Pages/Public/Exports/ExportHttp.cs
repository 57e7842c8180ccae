using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;
using ResolutionTracker.Web.Exports;

namespace ResolutionTracker.Web.Pages.Public.Exports;

// Caching of the downloads. A snapshot never changes, so its export is identified by the snapshot and the
// build (a deploy that changes the layout changes the ETag). The latest address is revalidated on every use
// (a new publish moves it); a numbered version may be kept for a day.
internal static class ExportHttp
{
    public static EntityTagHeaderValue ETag(string kind, PublishedBriefings.Published published)
    {
        var input = FormattableString.Invariant($"{kind}:{published.SnapshotId}:{published.Number}:{typeof(ExportHttp).Assembly.ManifestModule.ModuleVersionId}");
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(input));
        return new EntityTagHeaderValue("\"" + Convert.ToHexStringLower(hash.AsSpan(0, 12)) + "\"");
    }

    public static void SetCaching(HttpResponse response, bool versioned) =>
        response.Headers.CacheControl = versioned ? "public, max-age=86400" : "public, no-cache";

    public static bool IsNotModified(HttpRequest request, EntityTagHeaderValue etag)
    {
        var wanted = request.GetTypedHeaders().IfNoneMatch;
        return wanted is { Count: > 0 } && wanted.Any(w => w.Equals(EntityTagHeaderValue.Any) || w.Compare(etag, useStrongComparison: false));
    }

    public static Uri SiteUrl(HttpRequest request) => new(Shared.SiteRoot.Of(request) + "/", UriKind.Absolute);

    public static string BriefingPath(string slug, int? number) =>
        number is null ? $"/briefings/{slug}" : FormattableString.Invariant($"/briefings/{slug}/v/{number}");
}

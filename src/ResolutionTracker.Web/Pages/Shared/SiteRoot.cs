using ResolutionTracker.Web.Infrastructure;

namespace ResolutionTracker.Web.Pages.Shared;

public static class SiteRoot
{
    // The site's own absolute address ("https://host", no trailing slash), for canonical links, feeds, the sitemap,
    // robots.txt, exports and invitation links, which must name pages in full. It is the configured public address
    // (Site:PublicUrl), whatever Host header the request came with; only Development, where the app does not insist
    // on one, falls back to the request's own address (PublicSite.CheckOnStart).
    public static string Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.HttpContext.RequestServices.GetRequiredService<PublicSite>().Root
            ?? $"{request.Scheme}://{request.Host}{request.PathBase}";
    }

    // An address the app generated for this request (Url.Page, which starts it with the request's PathBase), in full.
    public static Uri Absolute(HttpRequest request, string localUrl)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(localUrl);
        var path = request.PathBase.HasValue && localUrl.StartsWith(request.PathBase.Value!, StringComparison.OrdinalIgnoreCase)
            ? localUrl[request.PathBase.Value!.Length..]
            : localUrl;
        return new Uri(Of(request) + path, UriKind.Absolute);
    }
}

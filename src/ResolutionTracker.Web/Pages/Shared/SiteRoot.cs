namespace ResolutionTracker.Web.Pages.Shared;

public static class SiteRoot
{
    // The site's own absolute address ("https://host/base", no trailing slash), for canonical links, feeds,
    // the sitemap and robots.txt, which must name pages in full.
    public static string Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return $"{request.Scheme}://{request.Host}{request.PathBase}";
    }
}

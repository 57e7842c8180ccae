using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using ResolutionTracker.Web.Infrastructure;
using ResolutionTracker.Web.Pages.Shared;

namespace ResolutionTracker.Web.Pages.Public;

// Where crawlers may go (the public pages) and where the full list of them is (the sitemap). The desk,
// administration and account pages only send a crawler to sign in; search results are endless combinations
// of what the sitemap lists once.
[OutputCache(PolicyName = PublicCache.PolicyName)]
public sealed class RobotsModel : PageModel
{
    private static readonly string[] Disallowed = ["/desk", "/admin", "/account", "/search"];

    public IActionResult OnGet()
    {
        var root = SiteRoot.Of(Request);
        var lines = new List<string> { "User-agent: *" };
        lines.AddRange(Disallowed.Select(path => "Disallow: " + Request.PathBase + path));
        lines.Add("");
        lines.Add("Sitemap: " + root + "/sitemap.xml");
        return Content(string.Join('\n', lines) + "\n", "text/plain; charset=utf-8");
    }
}

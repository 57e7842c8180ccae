using Microsoft.AspNetCore.OutputCaching;
using ResolutionTracker.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ResolutionTracker.Web.Pages.Public;

// Anonymous readers get it from the output cache, refreshed whenever a public record is saved.
[OutputCache(PolicyName = PublicCache.PolicyName)]
public sealed class AboutModel : PageModel
{
}

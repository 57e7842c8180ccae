using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ResolutionTracker.Web.Pages.Public;

public sealed class AboutModel : PageModel
{
}

using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ResolutionTracker.Web.Pages;

// Re-executed by the status code pages middleware for an empty error response; the original status
// stays on the response. Visited directly, it answers with the status it describes.
[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class StatusCodeModel : PageModel
{
    public int Code { get; private set; }
    public string? OriginalPath { get; private set; }

    public IActionResult OnGet() => Show();

    public IActionResult OnPost() => Show();

    // The code is taken from the route, not bound as a handler parameter: binding reads the form of a
    // re-executed POST, and the body of one answered 413 is the very body that was too large (binding then
    // failed, and the page said 404).
    private PageResult Show()
    {
        var code = int.TryParse(Convert.ToString(RouteData.Values["code"], CultureInfo.InvariantCulture), NumberStyles.None, CultureInfo.InvariantCulture, out var routed)
            ? routed
            : 0;
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        Code = code is >= 400 and <= 599 ? code : StatusCodes.Status404NotFound;
        OriginalPath = reExecuted?.OriginalPath;
        if (reExecuted is null)
            Response.StatusCode = Code;
        return Page();
    }
}

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

    public IActionResult OnGet(int code) => Show(code);

    public IActionResult OnPost(int code) => Show(code);

    private PageResult Show(int code)
    {
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        Code = code is >= 400 and <= 599 ? code : StatusCodes.Status404NotFound;
        OriginalPath = reExecuted?.OriginalPath;
        if (reExecuted is null)
            Response.StatusCode = Code;
        return Page();
    }
}

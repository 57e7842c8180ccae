using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ResolutionTracker.Web.Pages;

// Shown for an unhandled exception outside Development. It says nothing about the failure itself;
// the request id lets an administrator find the logged error.
[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ErrorModel : PageModel
{
    public string RequestId { get; private set; } = "";

    public void OnGet() => Prepare();

    public void OnPost() => Prepare();

    private void Prepare()
    {
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        if (Response.StatusCode < 500)
            Response.StatusCode = StatusCodes.Status500InternalServerError;
    }
}

using Microsoft.AspNetCore.Mvc.RazorPages;
using ResolutionTracker.Domain;

namespace ResolutionTracker.Web.Pages.Shared;

// Bad input is answered with the page, its messages, and a 4xx status: never a 200 that looks like success.
public static class PageResults
{
    public static PageResult Invalid(this PageModel page, int statusCode = StatusCodes.Status400BadRequest)
    {
        ArgumentNullException.ThrowIfNull(page);
        page.Response.StatusCode = statusCode;
        return page.Page();
    }

    // A rule of the domain said no: show its message at the top of the form.
    public static PageResult Refused(this PageModel page, DomainException refusal, int statusCode = StatusCodes.Status400BadRequest)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(refusal);
        page.ModelState.AddModelError(string.Empty, refusal.Message);
        return page.Invalid(statusCode);
    }

    // Someone else saved first: 409, with the page showing both versions.
    public static PageResult Conflict(this PageModel page) => page.Invalid(StatusCodes.Status409Conflict);
}

using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResolutionTracker.Web.Data;

namespace ResolutionTracker.Web.Pages.Account;

// Signing out is a POST so a link or an image elsewhere cannot sign someone out; GET only offers the button.
public sealed class SignOutModel(SignInManager<ApplicationUser> signInManager) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signInManager.SignOutAsync();
        TempData["Status"] = "Signed out.";
        return LocalRedirect("/");
    }
}

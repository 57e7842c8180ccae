using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResolutionTracker.Web.Data;
using ResolutionTracker.Web.Pages.Shared;

namespace ResolutionTracker.Web.Pages.Account;

public sealed class SignInModel(SignInManager<ApplicationUser> signInManager, TimeProvider timeProvider) : PageModel
{
    public const string IncorrectMessage = "Email or password is incorrect.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    // Only a local address is honoured, so a crafted link cannot send someone elsewhere after signing in.
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
            return this.Invalid();

        var user = await signInManager.UserManager.FindByEmailAsync(Input.Email);
        if (user is null)
        {
            ModelState.AddModelError(string.Empty, IncorrectMessage);
            return this.Invalid();
        }

        var result = await signInManager.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            TempData["Status"] = $"Signed in as {UserNames.Of(user)}.";
            return LocalRedirect(LocalReturnUrl());
        }
        if (result.IsLockedOut)
        {
            // An administrator's lock runs for years; the automatic one after failed attempts for minutes.
            var byAdministrator = user.LockoutEnd > timeProvider.GetUtcNow().AddYears(1);
            var minutes = (int)Math.Ceiling(signInManager.Options.Lockout.DefaultLockoutTimeSpan.TotalMinutes);
            ModelState.AddModelError(string.Empty, byAdministrator
                ? "This account has been locked by an administrator."
                : $"This account is locked after too many failed attempts. Try again in {minutes} minutes, or ask an administrator.");
            return this.Invalid();
        }
        if (result.IsNotAllowed)
        {
            ModelState.AddModelError(string.Empty, "This account may not sign in yet. Ask an administrator.");
            return this.Invalid();
        }
        ModelState.AddModelError(string.Empty, IncorrectMessage);
        return this.Invalid();
    }

    private string LocalReturnUrl() =>
        !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter an email address such as name@example.org.")]
        [StringLength(256)]
        [Display(Name = "Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        [StringLength(256)]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string Password { get; set; } = "";

        [Display(Name = "Keep me signed in on this device")]
        public bool RememberMe { get; set; }
    }
}

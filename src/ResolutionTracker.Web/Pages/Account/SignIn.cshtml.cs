using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResolutionTracker.Web.Data;
using ResolutionTracker.Web.Pages.Shared;

namespace ResolutionTracker.Web.Pages.Account;

public sealed class SignInModel(SignInManager<ApplicationUser> signInManager) : PageModel
{
    // One answer for a wrong password, an address without an account, a locked account and one that may not sign
    // in, so the form cannot be used to find out who has an account or whose account is locked.
    public const string IncorrectMessage =
        "Email or password is incorrect, or the account is locked. After several failed attempts an account is locked for a few minutes; if it stays locked, ask an administrator.";

    // A hash of a password nobody knows, made by the app's own hasher the first time it is needed, so checking a
    // password against it costs what checking a real one costs.
    private static string? _decoyHash;

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

        var users = signInManager.UserManager;
        var user = await users.FindByEmailAsync(Input.Email);
        // Identity answers these without hashing the password, measurably faster than a wrong password: the
        // password is checked against the decoy instead, so every refusal takes as long as a real check.
        if (user is null || user.PasswordHash is null || await users.IsLockedOutAsync(user) || !await signInManager.CanSignInAsync(user))
        {
            CheckAgainstDecoy(users.PasswordHasher, Input.Password);
            return Refused();
        }

        var result = await signInManager.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (!result.Succeeded)
            return Refused();
        TempData["Status"] = $"Signed in as {UserNames.Of(user)}.";
        return LocalRedirect(LocalReturnUrl());
    }

    private static void CheckAgainstDecoy(IPasswordHasher<ApplicationUser> hasher, string password)
    {
        var decoy = new ApplicationUser();
        var hash = _decoyHash ??= hasher.HashPassword(decoy, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        hasher.VerifyHashedPassword(decoy, hash, password);
    }

    private PageResult Refused()
    {
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

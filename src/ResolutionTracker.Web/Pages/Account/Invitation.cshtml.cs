using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResolutionTracker.Web.Authorization;
using ResolutionTracker.Web.Data;
using ResolutionTracker.Web.Email;
using ResolutionTracker.Web.Pages.Shared;

namespace ResolutionTracker.Web.Pages.Account;

// Accepting an invitation: the link's token proves the e-mail address; the person chooses a password and is
// signed in. Setting the password changes the security stamp, which the token embeds, so the link works once.
public sealed class InvitationModel(SignInManager<ApplicationUser> signInManager) : PageModel
{
    public const string InvalidLinkMessage =
        "This invitation link is not valid: it has already been used, has expired, or was copied incompletely. Ask your administrator for a new one.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool LinkValid { get; private set; }
    public string? DisplayName { get; private set; }

    private UserManager<ApplicationUser> Users => signInManager.UserManager;

    public async Task<IActionResult> OnGetAsync(string? email, string? token)
    {
        Input = new InputModel { Email = email ?? "", Token = token ?? "" };
        if (await InvitedUserAsync() is null)
            return LinkRefused();
        LinkValid = true;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await InvitedUserAsync();
        if (user is null)
            return LinkRefused();
        LinkValid = true;
        if (!ModelState.IsValid)
            return this.Invalid();

        // Saved together with the password, in one write.
        user.EmailConfirmed = true;
        var result = await Users.AddPasswordAsync(user, Input.Password);
        if (!result.Succeeded)
        {
            // Every rule the password breaks, listed together at the top of the form.
            foreach (var error in result.Errors)
                ModelState.AddModelError(string.Empty, error.Description);
            return this.Invalid();
        }
        await signInManager.SignInAsync(user, isPersistent: false);
        TempData["Status"] = $"Welcome, {UserNames.Of(user)}. Your password is set and you are signed in.";
        return LocalRedirect("/desk");
    }

    // The user the link was made for, when the token is still good and no password has been chosen yet.
    private async Task<ApplicationUser?> InvitedUserAsync()
    {
        if (string.IsNullOrWhiteSpace(Input.Email) || string.IsNullOrWhiteSpace(Input.Token) || Input.Token.Length > InputModel.MaxTokenLength)
            return null;
        var user = await Users.FindByEmailAsync(Input.Email);
        if (user is null || user.PasswordHash is not null)
            return null;
        if (!await InvitationLinks.IsValidAsync(Users, user, Input.Token))
            return null;
        DisplayName = UserNames.Of(user);
        return user;
    }

    private PageResult LinkRefused()
    {
        LinkValid = false;
        ModelState.Clear();
        ModelState.AddModelError(string.Empty, InvalidLinkMessage);
        return this.Invalid();
    }

    public sealed class InputModel
    {
        public const int MaxTokenLength = 2_000;

        [Required]
        [StringLength(256)]
        public string Email { get; set; } = "";

        [Required]
        [StringLength(MaxTokenLength)]
        public string Token { get; set; } = "";

        [Required(ErrorMessage = "Choose a password.")]
        [StringLength(PasswordPolicy.MaxLength, ErrorMessage = "The password must be at most {1} characters.")]
        [DataType(DataType.Password)]
        [Display(Name = "New password")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Type the password again.")]
        [DataType(DataType.Password)]
        [Compare(nameof(Password), ErrorMessage = "The two passwords are not the same.")]
        [Display(Name = "Confirm the password")]
        public string ConfirmPassword { get; set; } = "";
    }
}

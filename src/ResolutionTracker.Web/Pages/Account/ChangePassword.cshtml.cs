using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResolutionTracker.Web.Authorization;
using ResolutionTracker.Web.Data;
using ResolutionTracker.Web.Pages.Shared;

namespace ResolutionTracker.Web.Pages.Account;

[Authorize]
public sealed class ChangePasswordModel(SignInManager<ApplicationUser> signInManager) : PageModel
{
    public const string WrongCurrentPasswordMessage = "Your current password is not correct.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync() =>
        await signInManager.UserManager.GetUserAsync(User) is null ? Challenge() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var users = signInManager.UserManager;
        // The /Account folder is open to anonymous readers (sign-in, invitation); this page is not.
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        if (!ModelState.IsValid)
            return this.Invalid();

        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                if (error.Code == nameof(IdentityErrorDescriber.PasswordMismatch))
                    ModelState.AddModelError("Input.CurrentPassword", WrongCurrentPasswordMessage);
                else
                    ModelState.AddModelError(string.Empty, error.Description);
            }
            return this.Invalid();
        }
        // The password change renewed the security stamp; a fresh cookie keeps this session while other devices are signed out.
        await signInManager.RefreshSignInAsync(user);
        TempData["Status"] = "Your password is changed. Other devices signed in to this account will be asked to sign in again.";
        return RedirectToPage();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your current password.")]
        [StringLength(256)]
        [DataType(DataType.Password)]
        [Display(Name = "Current password")]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "Choose a new password.")]
        [StringLength(PasswordPolicy.MaxLength, ErrorMessage = "The password must be at most {1} characters.")]
        [DataType(DataType.Password)]
        [Display(Name = "New password")]
        public string NewPassword { get; set; } = "";

        [Required(ErrorMessage = "Type the new password again.")]
        [DataType(DataType.Password)]
        [Compare(nameof(NewPassword), ErrorMessage = "The two new passwords are not the same.")]
        [Display(Name = "Confirm the new password")]
        public string ConfirmPassword { get; set; } = "";
    }
}

using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.Web.Authorization;
using ResolutionTracker.Web.Data;
using ResolutionTracker.Web.Email;
using ResolutionTracker.Web.Pages.Shared;

namespace ResolutionTracker.Web.Pages.Admin.Users;

// Creates the account without a password; the person chooses one through the one-time invitation link.
public sealed class InviteModel(AppDbContext db, UserManager<ApplicationUser> users, InvitationMailer mailer) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<(int Id, string Name)> Organisations { get; private set; } = [];
    public bool MailConfigured => mailer.IsConfigured;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (!ModelState.IsValid)
            return this.Invalid();
        if (!Roles.All.Contains(Input.Role, StringComparer.Ordinal))
        {
            ModelState.AddModelError("Input.Role", "Choose one of the roles offered.");
            return this.Invalid();
        }
        if (Input.OrganisationId is { } orgId && !Organisations.Any(o => o.Id == orgId))
        {
            ModelState.AddModelError("Input.OrganisationId", "Choose an organisation from the list, or none.");
            return this.Invalid();
        }
        var email = Input.Email.Trim();
        if (await users.FindByEmailAsync(email) is not null)
        {
            ModelState.AddModelError("Input.Email", $"An account with the e-mail address {email} already exists. Open it from the user list instead.");
            return this.Invalid();
        }

        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            DisplayName = Input.DisplayName.Trim(),
            OrganisationId = Input.OrganisationId,
        };
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var created = await users.CreateAsync(user);
            if (created.Succeeded)
                created = await users.AddToRoleAsync(user, Input.Role);
            if (!created.Succeeded)
            {
                foreach (var error in created.Errors)
                    ModelState.AddModelError(string.Empty, error.Description);
                return this.Invalid();
            }
            await transaction.CommitAsync(cancellationToken);
        }

        var link = await InvitationLinks.CreateAsync(users, user, Url);
        if (await mailer.TrySendAsync(user.Id, email, user.DisplayName, link, cancellationToken))
        {
            TempData["Status"] = $"{user.DisplayName} is invited as {UserLock.RoleLabel(Input.Role)}. The invitation was e-mailed to {email}.";
        }
        else
        {
            TempData["Status"] = $"{user.DisplayName} is invited as {UserLock.RoleLabel(Input.Role)}.";
            TempData[InvitationLinks.TempDataKey] = link.AbsoluteUri;
            if (mailer.IsConfigured)
                TempData["Warning"] = "The invitation e-mail could not be sent. Send the link below yourself.";
        }
        return RedirectToPage("/Admin/Users/Detail", new { id = user.Id });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Organisations.AsNoTracking()
            .Where(o => o.Kind != OrganisationKind.State)
            .OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name })
            .ToListAsync(cancellationToken);
        Organisations = rows.Select(o => (o.Id, o.Name)).ToList();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the person's e-mail address.")]
        [EmailAddress(ErrorMessage = "Enter an e-mail address such as name@example.org.")]
        [StringLength(256, ErrorMessage = "The e-mail address must be at most 256 characters.")]
        [Display(Name = "E-mail address")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter the person's name as colleagues should see it.")]
        [StringLength(Limits.Name, ErrorMessage = "The name must be at most {1} characters.")]
        [Display(Name = "Display name")]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "Choose a role.")]
        [Display(Name = "Role")]
        public string Role { get; set; } = Roles.Staff;

        [Display(Name = "Organisation (optional)")]
        public int? OrganisationId { get; set; }
    }
}

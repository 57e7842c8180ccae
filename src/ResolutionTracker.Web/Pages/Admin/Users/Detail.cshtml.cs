using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Web.Authorization;
using ResolutionTracker.Web.Data;
using ResolutionTracker.Web.Email;
using ResolutionTracker.Web.Pages.Shared;

namespace ResolutionTracker.Web.Pages.Admin.Users;

// One account: its role (one of Admin, CoalitionLead, Staff), locking, and a fresh invitation while it is unaccepted.
// Role and lock changes go through Identity's UserManager, so they land in the users and user_roles tables,
// whose changes the audit trail records with the acting Admin.
public sealed class DetailModel(AppDbContext db, UserManager<ApplicationUser> users, InvitationMailer mailer, TimeProvider clock) : PageModel
{
    public const string SelfDemotionMessage = "You cannot take away your own Admin role. Ask another administrator to do it.";
    public const string LastAdminMessage = "This is the last active administrator: make someone else an Admin first.";
    public const string SelfLockMessage = "You cannot lock your own account.";

    [BindProperty]
    public RoleInput Input { get; set; } = new();

    public ApplicationUser Account { get; private set; } = null!;
    public string? CurrentRole { get; private set; }
    public string? OrganisationName { get; private set; }
    public UserStatus Status { get; private set; }
    public bool IsSelf { get; private set; }
    public string? InvitationLink { get; private set; }
    public string? Warning { get; private set; }
    public IReadOnlyList<ConflictField>? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (!await LoadAsync(id))
            return NotFound();
        Input = new RoleInput { Role = CurrentRole ?? Roles.Staff, ConcurrencyStamp = Account.ConcurrencyStamp ?? "" };
        InvitationLink = TempData[InvitationLinks.TempDataKey] as string;
        Warning = TempData["Warning"] as string;
        return Page();
    }

    public async Task<IActionResult> OnPostRoleAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id))
            return NotFound();
        if (!ModelState.IsValid)
            return this.Invalid();
        if (!Roles.All.Contains(Input.Role, StringComparer.Ordinal))
        {
            ModelState.AddModelError("Input.Role", "Choose one of the roles offered.");
            return this.Invalid();
        }
        if (!string.Equals(Account.ConcurrencyStamp, Input.ConcurrencyStamp, StringComparison.Ordinal))
            return RoleConflict();
        if (string.Equals(Input.Role, CurrentRole, StringComparison.Ordinal))
        {
            TempData["Status"] = $"{Name} is already {UserLock.RoleLabel(Input.Role)}; nothing changed.";
            return RedirectToPage(new { id });
        }
        if (CurrentRole == Roles.Admin)
        {
            if (IsSelf)
                return Refuse(SelfDemotionMessage);
            if (!await AnotherActiveAdminExistsAsync(cancellationToken))
                return Refuse(LastAdminMessage);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = CurrentRole is null ? IdentityResult.Success : await users.RemoveFromRoleAsync(Account, CurrentRole);
        if (result.Succeeded)
            result = await users.AddToRoleAsync(Account, Input.Role);
        // An accepted account's sessions end at their next check, so a new role (above all a lesser one) takes effect;
        // an unaccepted one keeps its stamp so the invitation link still works.
        if (result.Succeeded && Account.PasswordHash is not null)
            result = await users.UpdateSecurityStampAsync(Account);
        if (!result.Succeeded)
        {
            await transaction.RollbackAsync(cancellationToken);
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
            {
                await LoadAsync(id);
                return RoleConflict();
            }
            foreach (var error in result.Errors)
                ModelState.AddModelError(string.Empty, error.Description);
            return this.Invalid();
        }
        await transaction.CommitAsync(cancellationToken);
        TempData["Status"] = $"{Name} is now {UserLock.RoleLabel(Input.Role)}.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostLockAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id))
            return NotFound();
        ModelState.Clear();
        ResetRoleForm();
        if (IsSelf)
            return Refuse(SelfLockMessage);
        if (CurrentRole == Roles.Admin && Status != UserStatus.LockedByAdmin && !await AnotherActiveAdminExistsAsync(cancellationToken))
            return Refuse(LastAdminMessage);
        Account.LockoutEnabled = true;
        Account.LockoutEnd = UserLock.ByAdmin;
        // A new security stamp ends the account's open sessions at their next check.
        var result = await users.UpdateSecurityStampAsync(Account);
        if (!result.Succeeded)
            return Errors(result);
        TempData["Status"] = $"{Name} is locked and cannot sign in until unlocked.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostUnlockAsync(string id)
    {
        if (!await LoadAsync(id))
            return NotFound();
        ModelState.Clear();
        ResetRoleForm();
        Account.LockoutEnd = null;
        Account.AccessFailedCount = 0;
        var result = await users.UpdateAsync(Account);
        if (!result.Succeeded)
            return Errors(result);
        TempData["Status"] = $"{Name} is unlocked and can sign in again.";
        return RedirectToPage(new { id });
    }

    // A new link for an invitation that was lost or expired; earlier links stop working.
    public async Task<IActionResult> OnPostReinviteAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id))
            return NotFound();
        ModelState.Clear();
        ResetRoleForm();
        if (Account.PasswordHash is not null)
        {
            ModelState.AddModelError(string.Empty, $"{Name} has already accepted the invitation and chosen a password.");
            return this.Invalid();
        }
        var result = await users.UpdateSecurityStampAsync(Account);
        if (!result.Succeeded)
            return Errors(result);
        var link = await InvitationLinks.CreateAsync(users, Account, Url);
        if (await mailer.TrySendAsync(Account.Id, Account.Email!, Account.DisplayName, link, cancellationToken))
        {
            TempData["Status"] = $"A new invitation was e-mailed to {Account.Email}. Earlier links no longer work.";
        }
        else
        {
            TempData["Status"] = "A new invitation link was made. Earlier links no longer work.";
            TempData[InvitationLinks.TempDataKey] = link.AbsoluteUri;
            if (mailer.IsConfigured)
                TempData["Warning"] = "The invitation e-mail could not be sent. Send the link below yourself.";
        }
        return RedirectToPage(new { id });
    }

    public string Name => UserNames.Of(Account);

    private async Task<bool> LoadAsync(string id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > Domain.Limits.UserId || await users.FindByIdAsync(id) is not { } account)
            return false;
        Account = account;
        CurrentRole = (await users.GetRolesAsync(account)).Order(StringComparer.Ordinal).FirstOrDefault();
        OrganisationName = account.OrganisationId is { } orgId
            ? await db.Organisations.AsNoTracking().Where(o => o.Id == orgId).Select(o => o.Name).FirstOrDefaultAsync()
            : null;
        Status = UserLock.StatusOf(account, clock.GetUtcNow());
        IsSelf = string.Equals(account.Id, User.UserId(), StringComparison.Ordinal);
        return true;
    }

    private async Task<bool> AnotherActiveAdminExistsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await db.UserRoles
            .Where(ur => ur.UserId != Account.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Admin))
            .Join(db.Users, ur => ur.UserId, u => u.Id, (ur, u) => u)
            .AnyAsync(u => u.PasswordHash != null && (u.LockoutEnd == null || u.LockoutEnd <= now), cancellationToken);
    }

    // The role form after a lock or unlock attempt shows the account as it is.
    private void ResetRoleForm() =>
        Input = new RoleInput { Role = CurrentRole ?? Roles.Staff, ConcurrencyStamp = Account.ConcurrencyStamp ?? "" };

    private PageResult RoleConflict()
    {
        Conflict = [new ConflictField("Role", UserLock.RoleLabel(CurrentRole), UserLock.RoleLabel(Input.Role))];
        // The next save compares against what is stored now, so choosing again goes through.
        Input.ConcurrencyStamp = Account.ConcurrencyStamp ?? "";
        ModelState.Remove("Input.ConcurrencyStamp");
        return this.Conflict();
    }

    private PageResult Refuse(string message)
    {
        ModelState.AddModelError(string.Empty, message);
        return this.Invalid();
    }

    private PageResult Errors(IdentityResult result)
    {
        foreach (var error in result.Errors)
            ModelState.AddModelError(string.Empty, error.Description);
        return this.Invalid();
    }

    public sealed class RoleInput
    {
        [Required(ErrorMessage = "Choose a role.")]
        [Display(Name = "Role")]
        public string Role { get; set; } = Roles.Staff;

        [Required]
        [StringLength(100)]
        public string ConcurrencyStamp { get; set; } = "";
    }
}

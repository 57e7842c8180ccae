using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ResolutionTracker.Domain.Settings;
using ResolutionTracker.Web.Data;
using ResolutionTracker.Web.Pages.Shared;

namespace ResolutionTracker.Web.Pages.Admin;

// The coalition's settings, one record: for now whether a lead may approve a concern they wrote. The form carries the
// record's row version, so a second administrator saving meanwhile gets 409; every change goes to the audit trail,
// and the page lists the latest ones.
public sealed class SettingsModel(AppDbContext db) : PageModel
{
    public const int ChangesShown = 10;
    public const string Damaged = "Nothing was saved: the form did not say whether self-approval is on or off. Here are the settings as saved; try again.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<ChangeView> Changes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await ShowSavedAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // The form always sends on or off and the version it was loaded with; anything else did not come from it.
        if (!ModelState.IsValid)
        {
            ModelState.Clear();
            await ShowSavedAsync(cancellationToken);
            ModelState.AddModelError(string.Empty, Damaged);
            return this.Invalid();
        }

        var settings = await db.CoalitionSettings.FirstOrDefaultAsync(cancellationToken);
        uint? expected = Input.RowVersion;
        if (settings is null)
        {
            // Nothing saved yet: the page showed the defaults, and this save creates the record.
            settings = new CoalitionSettings();
            db.CoalitionSettings.Add(settings);
            expected = null;
        }

        var allowed = Input.SelfApprovalAllowed;
        var save = new FormSave(this, db, () => ShowSavedAsync(cancellationToken));
        try
        {
            return await save.SaveAsync(settings, expected,
                () => settings.AllowSelfApproval(allowed),
                () => allowed
                    ? "Self-approval is on: a lead may approve a concern they wrote."
                    : "Self-approval is off: a concern needs a reviewer other than its author.",
                () => RedirectToPage(), cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another administrator saved the first settings at the same moment: theirs stand, as with any other conflict.
            db.ChangeTracker.Clear();
            await ShowSavedAsync(cancellationToken);
            ModelState.AddModelError(string.Empty, save.Stale);
            return this.Conflict();
        }
    }

    private static string SelfApprovalKey => $"{nameof(Input)}.{nameof(InputModel.SelfApprovalAllowed)}";

    // The settings as saved (the defaults until the first save), and their latest changes.
    private async Task<bool> ShowSavedAsync(CancellationToken cancellationToken)
    {
        var saved = await db.CoalitionSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken) ?? new CoalitionSettings();
        ModelState.Remove(SelfApprovalKey);
        ModelState.Remove($"{nameof(Input)}.{nameof(InputModel.RowVersion)}");
        Input = new InputModel { SelfApprovalAllowed = saved.SelfApprovalAllowed, RowVersion = saved.RowVersion };
        Changes = await ChangesAsync(cancellationToken);
        return true;
    }

    private async Task<List<ChangeView>> ChangesAsync(CancellationToken cancellationToken)
    {
        var changes = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(CoalitionSettings) && a.Field == nameof(CoalitionSettings.SelfApprovalAllowed))
            .OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id)
            .Take(ChangesShown)
            .Select(a => new { a.OccurredAt, Allowed = a.NewValue == bool.TrueString, a.ActorId })
            .ToListAsync(cancellationToken);
        var names = await db.Users.ByIdAsync(changes.Select(c => c.ActorId), cancellationToken);
        return changes.Select(c => new ChangeView(c.OccurredAt, c.Allowed, names.NameOf(c.ActorId))).ToList();
    }

    public sealed class InputModel
    {
        [BindRequired]
        [Display(Name = "Allow a lead to approve a concern they wrote")]
        public bool SelfApprovalAllowed { get; set; }

        public uint RowVersion { get; set; }
    }

    public sealed record ChangeView(DateTimeOffset At, bool SelfApprovalAllowed, string ActorName);
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResolutionTracker.Domain;
using ResolutionTracker.Web.Data;

namespace ResolutionTracker.Web.Pages.Shared;

// How a form changes a record, for every page that does: expect the row version the form was loaded with, let the
// domain make the change, save. A rule that says no shows the page again with its reason (400); a record that moved
// on since the form was loaded shows the page again as it is now (409); success is a status line and a redirect.
// ShowAgain loads what the page shows and answers false when the record is gone (404).
public sealed class FormSave(PageModel page, AppDbContext db, Func<Task<bool>> showAgain)
{
    // The conflict message, for pages that do not show both versions side by side.
    public string Stale { get; init; } = "Someone changed this after you opened the page, so nothing was saved. Here it is as it is now; try again.";

    // rowVersion: null when the form carries none, and only a save at the same moment is a conflict.
    // onConflict: instead of the Stale message, e.g. to show both versions; it gets the record as the other person saved it.
    public async Task<IActionResult> SaveAsync<T>(T entity, uint? rowVersion, Action change, Func<string> status, Func<IActionResult> next,
        CancellationToken cancellationToken, Func<T?, Task>? onConflict = null) where T : EditableEntity
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(next);
        if (rowVersion is { } version)
            db.ExpectVersion(entity, version);
        try
        {
            change();
        }
        catch (DomainException refusal)
        {
            db.ChangeTracker.Clear();
            return await showAgain() ? page.Refused(refusal) : page.NotFound();
        }

        var saved = await db.TrySaveAsync(entity, cancellationToken);
        if (!saved.Conflicted)
        {
            page.TempData["Status"] = status();
            return next();
        }
        if (!await showAgain())
            return page.NotFound();
        if (onConflict is null)
            page.ModelState.AddModelError(string.Empty, Stale);
        else
            await onConflict(saved.Theirs);
        return page.Conflict();
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.Web.Data;
using ResolutionTracker.Web.Formatting;
using ResolutionTracker.Web.Pages.Shared;

namespace ResolutionTracker.Web.Pages.Admin.Organisations;

// Deleting asks once, on this page. An organisation that any record points at stays: deleting it would
// rewrite votes, sponsorships and signed briefings, so the page says what refers to it instead.
public sealed class DeleteModel(AppDbContext db) : PageModel
{
    public string Name { get; private set; } = "";
    public OrganisationKind Kind { get; private set; }
    public IReadOnlyList<string> References { get; private set; } = [];

    public string RefusalMessage =>
        $"{Name} cannot be deleted because other records refer to it: {string.Join(", ", References)}. Remove those references first, or keep the organisation.";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        if (References.Count > 0)
        {
            ModelState.AddModelError(string.Empty, RefusalMessage);
            return this.Invalid();
        }
        var organisation = await db.Organisations.FirstAsync(o => o.Id == id, cancellationToken);
        db.Organisations.Remove(organisation);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone linked it between the check and the delete: show the page again with what refers to it now.
            db.ChangeTracker.Clear();
            await LoadAsync(id, cancellationToken);
            ModelState.AddModelError(string.Empty, References.Count > 0 ? RefusalMessage : $"{Name} could not be deleted. Try again.");
            return this.Invalid(StatusCodes.Status409Conflict);
        }
        TempData["Status"] = $"{Name} is deleted.";
        return RedirectToPage("/Admin/Organisations/Index");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.AsNoTracking()
            .Where(o => o.Id == id)
            .Select(o => new
            {
                o.Name,
                o.Kind,
                Sponsorships = db.Sponsorships.Count(s => s.OrganisationId == id),
                VoteRows = db.VoteRows.Count(r => r.OrganisationId == id),
                Signatures = db.BriefingSignatories.Count(s => s.OrganisationId == id),
                Memberships = db.Memberships.Count(m => m.OrganisationId == id),
                Positions = db.StatePositions.Count(p => p.OrganisationId == id),
                Users = db.Users.Count(u => u.OrganisationId == id),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (organisation is null)
            return false;
        Name = organisation.Name;
        Kind = organisation.Kind;
        var references = new List<string>();
        void Add(int count, string singular, string plural)
        {
            if (count > 0)
                references.Add(Format.Count(count, singular, plural));
        }
        Add(organisation.Sponsorships, "sponsorship", "sponsorships");
        Add(organisation.VoteRows, "recorded vote", "recorded votes");
        Add(organisation.Signatures, "signed briefing", "signed briefings");
        Add(organisation.Memberships, "membership of a UN body", "memberships of UN bodies");
        Add(organisation.Positions, "state position", "state positions");
        Add(organisation.Users, "user account", "user accounts");
        References = references;
        return true;
    }
}

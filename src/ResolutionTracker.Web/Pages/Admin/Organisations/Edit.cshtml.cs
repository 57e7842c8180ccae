using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Organisations;
using ResolutionTracker.Web.Data;
using ResolutionTracker.Web.Formatting;
using ResolutionTracker.Web.Pages.Shared;

namespace ResolutionTracker.Web.Pages.Admin.Organisations;

// Name, short name and regional group. The kind stays what it was created as: states sponsor and vote,
// NGOs sign, and changing one into the other would break those records.
public sealed class EditModel(AppDbContext db) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string CurrentName { get; private set; } = "";
    public OrganisationKind Kind { get; private set; }
    public string? Website { get; private set; }
    public IReadOnlyList<ConflictField>? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organisation is null)
            return NotFound();
        Show(organisation);
        Input = new InputModel
        {
            Name = organisation.Name,
            ShortName = organisation.ShortName,
            RegionalGroup = organisation.RegionalGroup,
            RowVersion = organisation.RowVersion,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organisation is null)
            return NotFound();
        Show(organisation);
        if (!ModelState.IsValid)
            return this.Invalid();
        if (await OrganisationNames.TakenByAsync(db, Input.Name, id, cancellationToken) is { } existing)
        {
            ModelState.AddModelError("Input.Name", OrganisationNames.TakenMessage(existing));
            return this.Invalid();
        }

        try
        {
            // The page already shows the organisation as loaded: a refusal or a conflict has nothing more to load.
            return await new FormSave(this, db, () => Task.FromResult(true)).SaveAsync(organisation, Input.RowVersion,
                () =>
                {
                    organisation.Rename(Input.Name, Input.ShortName);
                    organisation.SetRegionalGroup(organisation.Kind == OrganisationKind.State ? Input.RegionalGroup : null);
                },
                () => $"{organisation.Name} is saved.", () => RedirectToPage("/Admin/Organisations/Index"), cancellationToken, ShowBoth);
        }
        catch (DbUpdateException ex) when (OrganisationNames.IsUniqueViolation(ex))
        {
            ModelState.AddModelError("Input.Name", OrganisationNames.TakenMessage(Input.Name.Trim()));
            return this.Invalid();
        }
    }

    private Task ShowBoth(Organisation? theirs)
    {
        Conflict = theirs is null ? [] :
        [
            new ConflictField("Name", theirs.Name, Input.Name),
            new ConflictField("Short name", theirs.ShortName, Input.ShortName),
            new ConflictField("Regional group", Format.Label(theirs.RegionalGroup), Format.Label(Input.RegionalGroup)),
        ];
        if (theirs is not null)
        {
            Input.RowVersion = theirs.RowVersion;
            ModelState.Remove("Input.RowVersion");
        }
        return Task.CompletedTask;
    }

    private void Show(Organisation organisation)
    {
        CurrentName = organisation.Name;
        Kind = organisation.Kind;
        Website = organisation.Website;
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the organisation's name.")]
        [StringLength(Limits.Name, ErrorMessage = "The name must be at most {1} characters.")]
        [Display(Name = "Name")]
        public string Name { get; set; } = "";

        [StringLength(Limits.ShortName, ErrorMessage = "The short name must be at most {1} characters.")]
        [Display(Name = "Short name or acronym (optional)")]
        public string? ShortName { get; set; }

        [Display(Name = "UN regional group")]
        public RegionalGroup? RegionalGroup { get; set; }

        public uint RowVersion { get; set; }
    }
}

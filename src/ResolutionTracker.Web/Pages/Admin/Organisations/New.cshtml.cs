using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Organisations;
using ResolutionTracker.Web.Data;
using ResolutionTracker.Web.Pages.Shared;

namespace ResolutionTracker.Web.Pages.Admin.Organisations;

public sealed class NewModel(AppDbContext db) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
            return this.Invalid();
        if (await OrganisationNames.TakenByAsync(db, Input.Name, 0, cancellationToken) is { } existing)
        {
            ModelState.AddModelError("Input.Name", OrganisationNames.TakenMessage(existing));
            return this.Invalid();
        }
        Organisation organisation;
        try
        {
            organisation = new Organisation(Input.Name, Input.Kind!.Value, Input.RegionalGroup, Input.ShortName, Input.Website);
        }
        catch (DomainException ex)
        {
            return this.Refused(ex);
        }
        db.Organisations.Add(organisation);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (OrganisationNames.IsUniqueViolation(ex))
        {
            ModelState.AddModelError("Input.Name", OrganisationNames.TakenMessage(Input.Name.Trim()));
            return this.Invalid();
        }
        TempData["Status"] = $"{organisation.Name} is added.";
        return RedirectToPage("/Admin/Organisations/Index");
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

        [Required(ErrorMessage = "Choose what kind of organisation this is.")]
        [Display(Name = "Kind")]
        public OrganisationKind? Kind { get; set; }

        [Display(Name = "UN regional group (states only)")]
        public RegionalGroup? RegionalGroup { get; set; }

        [StringLength(Limits.Url, ErrorMessage = "The website address must be at most {1} characters.")]
        [Url(ErrorMessage = "Enter a full address starting with https://.")]
        [Display(Name = "Website (optional)")]
        public string? Website { get; set; }
    }
}

using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Briefings;
using ResolutionTracker.Web.Data;
using ResolutionTracker.Web.Pages.Shared;

namespace ResolutionTracker.Web.Pages.Desk.Briefings;

// Starting a briefing on a resolution. Without ?resolution= the page first asks which resolution.
public sealed class NewModel(AppDbContext db, TimeProvider clock) : PageModel
{
    private const string SlugKey = "Input.Slug";

    [BindProperty(SupportsGet = true, Name = "resolution")]
    public string? ResolutionText { get; set; }

    [BindProperty]
    public NewInput Input { get; set; } = new();

    public ResolutionView? Resolution { get; private set; }
    public IReadOnlyList<ResolutionView> Resolutions { get; private set; } = [];
    public IReadOnlyList<ExistingBriefing> Existing { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(ResolutionText))
        {
            Resolutions = await db.Resolutions.AsNoTracking()
                .OrderByDescending(r => r.Session.OpenedOn).ThenBy(r => r.Symbol)
                .Select(r => new ResolutionView(r.Id, r.Symbol, r.Title,
                    db.Concerns.Count(c => c.ResolutionId == r.Id && c.ApprovedRevisionNumber != null && c.State != ConcernState.Withdrawn)))
                .ToListAsync(cancellationToken);
            return Page();
        }
        if (!await LoadResolutionAsync(cancellationToken))
            return NotFound();
        Input.Title = $"{Resolution!.Symbol}: key concerns";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadResolutionAsync(cancellationToken))
            return NotFound();
        if (!ModelState.IsValid)
            return this.Invalid();

        var resolution = await db.Resolutions.SingleAsync(r => r.Id == Resolution!.Id, cancellationToken);
        Briefing briefing;
        try
        {
            briefing = new Briefing(resolution, Input.Title!, BriefingForm.NullIfBlank(Input.Introduction), Input.Stance,
                BriefingForm.NullIfBlank(Input.Position), clock.GetUtcNow(), BriefingForm.NullIfBlank(Input.Slug));
        }
        catch (DomainException refusal)
        {
            return this.Refused(refusal);
        }
        if (await SlugTakenAsync(briefing.Slug, cancellationToken))
            return this.Invalid();

        db.Briefings.Add(briefing);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Someone took the same address between the check and the save.
            db.ChangeTracker.Clear();
            await SlugTakenAsync(briefing.Slug, cancellationToken);
            return this.Invalid();
        }
        TempData["Status"] = $"Briefing started. Its address will be /briefings/{briefing.Slug}. Add approved concerns, recommendations and signatories, then preview and publish.";
        return RedirectToPage("Detail", new { id = briefing.Id });
    }

    private async Task<bool> SlugTakenAsync(string slug, CancellationToken cancellationToken)
    {
        var holder = await db.Briefings.AsNoTracking().Where(b => b.Slug == slug).Select(b => b.Title).FirstOrDefaultAsync(cancellationToken);
        if (holder is null)
            return false;
        ModelState.AddModelError(SlugKey, string.IsNullOrWhiteSpace(Input.Slug)
            ? $"The address made from the title, /briefings/{slug}, is already used by “{holder}”. Type another address."
            : $"The address /briefings/{slug} is already used by “{holder}”. Choose another address.");
        return true;
    }

    private async Task<bool> LoadResolutionAsync(CancellationToken cancellationToken)
    {
        if (!int.TryParse(ResolutionText?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var resolutionId) || resolutionId <= 0)
            return false;
        Resolution = await db.Resolutions.AsNoTracking()
            .Where(r => r.Id == resolutionId)
            .Select(r => new ResolutionView(r.Id, r.Symbol, r.Title,
                db.Concerns.Count(c => c.ResolutionId == r.Id && c.ApprovedRevisionNumber != null && c.State != ConcernState.Withdrawn)))
            .SingleOrDefaultAsync(cancellationToken);
        if (Resolution is null)
            return false;
        Existing = await db.Briefings.AsNoTracking()
            .Where(b => b.ResolutionId == resolutionId)
            .OrderBy(b => b.Id)
            .Select(b => new ExistingBriefing(b.Id, b.Title, b.Status))
            .ToListAsync(cancellationToken);
        return true;
    }

    public sealed class NewInput
    {
        [Required(ErrorMessage = "Give the briefing a title.")]
        [StringLength(Limits.Title, ErrorMessage = "The title must be at most {1} characters.")]
        public string? Title { get; set; }

        [StringLength(BriefingForm.SlugLength, ErrorMessage = "The address must be at most {1} characters.")]
        public string? Slug { get; set; }

        [EnumDataType(typeof(BriefingStance), ErrorMessage = "Choose the coalition's stance from the list.")]
        public BriefingStance Stance { get; set; } = BriefingStance.Oppose;

        [StringLength(Limits.Summary, ErrorMessage = "The position statement must be at most {1} characters.")]
        public string? Position { get; set; }

        [StringLength(Limits.Body, ErrorMessage = "The introduction must be at most {1} characters.")]
        public string? Introduction { get; set; }
    }

    public sealed record ResolutionView(int Id, string Symbol, string Title, int ApprovedConcerns);

    public sealed record ExistingBriefing(int Id, string Title, BriefingStatus Status);
}

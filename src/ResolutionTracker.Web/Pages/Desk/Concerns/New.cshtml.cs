using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Concerns;
using ResolutionTracker.Web.Authorization;
using ResolutionTracker.Web.Data;
using ResolutionTracker.Web.Pages.Shared;

namespace ResolutionTracker.Web.Pages.Desk.Concerns;

// Drafting a concern about a resolution. Without ?resolution= the page first asks which resolution.
public sealed class NewModel(AppDbContext db, TimeProvider clock) : PageModel, IConcernFormPage
{
    [BindProperty(SupportsGet = true, Name = "resolution")]
    public string? ResolutionText { get; set; }

    [BindProperty(SupportsGet = true, Name = "paragraph")]
    public string? ParagraphText { get; set; }

    [BindProperty]
    public ConcernInput Input { get; set; } = new();

    public ResolutionView? Resolution { get; private set; }
    public IReadOnlyList<ResolutionView> Resolutions { get; private set; } = [];
    public IReadOnlyList<ParagraphChoice> Choices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(ResolutionText))
        {
            Resolutions = await db.Resolutions.AsNoTracking()
                .OrderByDescending(r => r.Session.OpenedOn).ThenBy(r => r.Symbol)
                .Select(r => new ResolutionView(r.Id, r.Symbol, r.Title))
                .ToListAsync(cancellationToken);
            return Page();
        }
        if (!await LoadResolutionAsync(cancellationToken))
            return NotFound();

        if (!string.IsNullOrWhiteSpace(ParagraphText))
        {
            // A paragraph of another resolution (or none at all) in the address is a broken link.
            if (!TryParseId(ParagraphText, out var paragraphId) || !Choices.Any(c => c.Id == paragraphId))
                return NotFound();
            Input.ParagraphIds = [paragraphId];
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadResolutionAsync(cancellationToken))
            return NotFound();
        if (!ModelState.IsValid)
            return this.Invalid();
        var picked = await ConcernForm.PickedAsync(db, Input, ModelState, cancellationToken);
        if (picked is null)
            return this.Invalid();

        var resolution = await db.Resolutions.SingleAsync(r => r.Id == Resolution!.Id, cancellationToken);
        var actor = User.ToActor();
        var now = clock.GetUtcNow();
        Concern concern;
        try
        {
            concern = new Concern(resolution, actor.UserId, Input.Heading!, Input.Summary, Input.Body, Input.Severity, now);
            if (picked.Count > 0)
                concern.SetParagraphs(actor, picked, now);
        }
        catch (DomainException refusal)
        {
            return this.Refused(refusal);
        }
        db.Concerns.Add(concern);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Status"] = "Draft saved. Add footnotes, or submit it for review when it is ready.";
        return RedirectToPage("Detail", new { id = concern.Id });
    }

    private async Task<bool> LoadResolutionAsync(CancellationToken cancellationToken)
    {
        if (!TryParseId(ResolutionText, out var resolutionId))
            return false;
        Resolution = await db.Resolutions.AsNoTracking()
            .Where(r => r.Id == resolutionId)
            .Select(r => new ResolutionView(r.Id, r.Symbol, r.Title))
            .SingleOrDefaultAsync(cancellationToken);
        if (Resolution is null)
            return false;
        Choices = await ConcernForm.ChoicesAsync(db, resolutionId, Input.ParagraphIds, cancellationToken);
        return true;
    }

    private static bool TryParseId(string? text, out int id) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;

    public sealed record ResolutionView(int Id, string Symbol, string Title);
}

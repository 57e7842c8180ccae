using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResolutionTracker.Domain.Briefings;
using ResolutionTracker.Web.Authorization;
using ResolutionTracker.Web.Briefings;
using ResolutionTracker.Web.Data;
using ResolutionTracker.Web.Pages.Shared;

namespace ResolutionTracker.Web.Pages.Desk.Briefings;

// The briefing exactly as publishing would freeze it now (the same builder, the same partial as the public
// page), and the Publish step, which asks once in the page and carries the row version of what was previewed.
public sealed class PreviewModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public BriefingDocument Document { get; private set; } = null!;
    public IReadOnlyList<string> Warnings { get; private set; } = [];
    public BriefingFacts Facts { get; private set; } = null!;
    public bool CanPublish => Document.Concerns.Count > 0;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await ShowAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPublishAsync(int id, uint version, CancellationToken cancellationToken)
    {
        var briefing = await BriefingDocumentBuilder.LoadAsync(db, id, cancellationToken);
        if (briefing is null)
            return NotFound();
        BriefingSnapshot? snapshot = null;
        return await new FormSave(this, db, () => ShowAsync(id, cancellationToken))
        {
            Stale = "The briefing changed after you opened this preview, so nothing was published. This is the briefing as it is now: read it again, then publish.",
        }.SaveAsync(briefing, version, () => snapshot = BriefingDocumentBuilder.Publish(briefing, User.ToActor().UserId, clock.GetUtcNow()),
            // The new snapshot reaches the public pages at once: saving it evicted their cache in every instance
            // (AppDbContext.SaveChangesAsync).
            () => $"Published version {snapshot!.Number}: /briefings/{briefing.Slug}", () => RedirectToPage("Detail", new { id }), cancellationToken);
    }

    private async Task<bool> ShowAsync(int id, CancellationToken cancellationToken)
    {
        var briefing = await BriefingDocumentBuilder.LoadAsync(db, id, cancellationToken);
        if (briefing is null)
            return false;
        Show(briefing);
        return true;
    }

    private void Show(Briefing briefing)
    {
        var number = briefing.Snapshots.Count == 0 ? 1 : briefing.Snapshots.Max(s => s.Number) + 1;
        var (document, warnings) = BriefingDocumentBuilder.Build(briefing, number, clock.GetUtcNow());
        (Document, Warnings) = (document with { IsPreview = true }, warnings);
        var latest = briefing.Snapshots.OrderByDescending(s => s.Number).FirstOrDefault();
        Facts = new BriefingFacts(briefing.Id, briefing.Title, briefing.Slug, briefing.RowVersion, number, latest?.Number, latest?.PublishedAt,
            BriefingDocumentBuilder.DiffersFromPublished(briefing, document));
    }

    public sealed record BriefingFacts(int Id, string Title, string Slug, uint Version, int NextNumber, int? PublishedNumber, DateTimeOffset? PublishedAt,
        bool HasUnpublishedChanges);
}

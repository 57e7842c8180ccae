using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.Web.Data;
using ResolutionTracker.Web.Pages.Shared;

namespace ResolutionTracker.Web.Pages.Public;

public sealed class IndexModel(AppDbContext db) : PageModel
{
    private static readonly ResolutionStatus[] InProgress = [ResolutionStatus.Draft, ResolutionStatus.Revised, ResolutionStatus.Deferred];
    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());

    public IReadOnlyList<ResolutionRow> Resolutions { get; private set; } = [];
    public IReadOnlyList<BriefingRow> Briefings { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // The count is of what the public can read, whoever is looking.
        var publicConcerns = db.Concerns.VisibleTo(Anonymous);
        Resolutions = await db.Resolutions.AsNoTracking()
            .Where(r => InProgress.Contains(r.Status))
            .OrderByDescending(r => r.Session.OpenedOn)
            .ThenBy(r => r.Symbol)
            .Select(r => new ResolutionRow(r.Symbol, r.Title, r.Body, r.Session.Number, r.Status,
                publicConcerns.Count(c => c.ResolutionId == r.Id)))
            .Take(50)
            .ToListAsync(cancellationToken);

        Briefings = await db.Briefings.AsNoTracking()
            .Where(b => b.Status == BriefingStatus.Published)
            .OrderByDescending(b => b.PublishedAt)
            .Select(b => new BriefingRow(b.Slug, b.Title, b.Resolution.Symbol, b.Stance, b.PublishedAt))
            .Take(20)
            .ToListAsync(cancellationToken);
    }

    public sealed record ResolutionRow(string Symbol, string Title, UnBody Body, int Session, ResolutionStatus Status, int PublicConcerns);

    public sealed record BriefingRow(string Slug, string Title, string ResolutionSymbol, BriefingStance Stance, DateTimeOffset? PublishedAt);
}

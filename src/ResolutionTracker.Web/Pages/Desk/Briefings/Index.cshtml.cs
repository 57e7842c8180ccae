using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.Web.Data;
using ResolutionTracker.Web.Pages.Shared;

namespace ResolutionTracker.Web.Pages.Desk.Briefings;

// Every briefing, drafts and published, most recently changed first. Filters are read from the query
// string as text; an unknown value is ignored and said so, as on the other lists.
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public BriefingStatus? Status { get; private set; }
    public int? ResolutionId { get; private set; }
    public bool UnpublishedOnly { get; private set; }
    public IReadOnlyList<string> Ignored { get; private set; } = [];
    public IReadOnlyList<ResolutionOption> ResolutionOptions { get; private set; } = [];
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public Paging Paging { get; private set; } = Paging.For(1, 0);
    public bool Filtered => Status is not null || ResolutionId is not null || UnpublishedOnly;

    public async Task OnGetAsync(string? status, string? resolution, string? unpublished, CancellationToken cancellationToken)
    {
        var filters = new ListFilters();
        Status = filters.Choice<BriefingStatus>(status, "status");
        ResolutionId = filters.PositiveNumber(resolution, "resolution");
        UnpublishedOnly = filters.Flag(unpublished, "unpublished");
        Ignored = filters.Ignored;

        ResolutionOptions = await db.Resolutions.AsNoTracking()
            .Where(r => db.Briefings.Any(b => b.ResolutionId == r.Id))
            .OrderBy(r => r.Symbol)
            .Select(r => new ResolutionOption(r.Id, r.Symbol))
            .ToListAsync(cancellationToken);

        var briefings = db.Briefings.AsNoTracking();
        if (Status is { } withStatus)
            briefings = briefings.Where(b => b.Status == withStatus);
        if (ResolutionId is { } resolutionId)
            briefings = briefings.Where(b => b.ResolutionId == resolutionId);
        // What the composer finds by comparing the draft with the published document (DiffersFromPublished), said
        // in SQL for a whole page of briefings: never published, edited since, or holding a concern that was
        // approved again or withdrawn since (neither touches the briefing's row).
        var query = briefings.Select(b => new
        {
            Briefing = b,
            Unpublished = b.PublishedAt == null || b.UpdatedAt > b.PublishedAt
                || b.Concerns.Any(bc => bc.Concern.Revisions.Any(r => r.ApprovedAt > b.PublishedAt)
                    || (bc.Concern.State == ConcernState.Withdrawn && bc.Concern.UpdatedAt > b.PublishedAt)),
        });
        if (UnpublishedOnly)
            query = query.Where(x => x.Unpublished);

        var total = await query.CountAsync(cancellationToken);
        Paging = Paging.For(Request, total);
        Rows = await query
            .OrderByDescending(x => x.Briefing.UpdatedAt).ThenByDescending(x => x.Briefing.Id)
            .Skip(Paging.Skip)
            .Take(Paging.PageSize)
            .Select(x => new Row(x.Briefing.Id, x.Briefing.Title, x.Briefing.Slug, x.Briefing.Status, x.Briefing.Stance, x.Briefing.ResolutionId,
                x.Briefing.Resolution.Symbol, x.Briefing.UpdatedAt, x.Briefing.PublishedAt, x.Briefing.Snapshots.Count, x.Briefing.Concerns.Count,
                x.Unpublished))
            .ToListAsync(cancellationToken);
    }

    public sealed record ResolutionOption(int Id, string Symbol);

    public sealed record Row(int Id, string Title, string Slug, BriefingStatus Status, BriefingStance Stance, int ResolutionId, string ResolutionSymbol,
        DateTimeOffset UpdatedAt, DateTimeOffset? PublishedAt, int Versions, int Concerns, bool HasUnpublishedChanges);
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.Web.Authorization;
using ResolutionTracker.Web.Data;
using ResolutionTracker.Web.Pages.Shared;

namespace ResolutionTracker.Web.Pages.Desk.Review;

// The lead's queue: every concern waiting in review, the one submitted longest ago first. A concern the lead wrote is
// marked as needing another reviewer when the rule will not let them approve it.
public sealed class IndexModel(AppDbContext db, IAuthorizationService auth) : PageModel
{
    public IReadOnlyList<QueueItem> Items { get; private set; } = [];
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();
    public Paging Paging { get; private set; } = Paging.For(1, 0);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var inReview = db.Concerns.AsNoTracking().Where(c => c.State == ConcernState.InReview);
        Paging = Paging.For(Request, await inReview.CountAsync(cancellationToken));

        var items = await inReview
            .Select(c => new
            {
                Concern = c,
                // The submission under review is the revision with the concern's current number.
                SubmittedAt = c.Revisions.Where(r => r.Number == c.RevisionNumber).Select(r => (DateTimeOffset?)r.SubmittedAt).Max(),
            })
            .OrderBy(x => x.SubmittedAt ?? x.Concern.UpdatedAt)
            .ThenBy(x => x.Concern.Id)
            .Skip(Paging.Skip)
            .Take(Paging.PageSize)
            .Select(x => new QueueItem(
                x.Concern.Id,
                x.Concern.Heading,
                x.Concern.Severity,
                x.Concern.RevisionNumber,
                x.SubmittedAt ?? x.Concern.UpdatedAt,
                x.Concern.AuthorId,
                x.Concern.ResolutionId,
                x.Concern.Resolution.Symbol,
                x.Concern.Resolution.Title,
                x.Concern.Revisions.Any(r => r.Number < x.Concern.RevisionNumber),
                false))
            .ToListAsync(cancellationToken);
        for (var i = 0; i < items.Count; i++)
        {
            var verdict = await auth.VerdictAsync(User, new ConcernAccess(items[i].AuthorId, ConcernState.InReview), ConcernOperations.Approve);
            items[i] = items[i] with { NeedsAnotherReviewer = verdict == ConcernVerdict.NeedsAnotherReviewer };
        }
        Items = items;
        Names = await db.Users.ByIdAsync(Items.Select(i => i.AuthorId), cancellationToken);
    }

    public sealed record QueueItem(int Id, string Heading, Severity Severity, int RevisionNumber, DateTimeOffset SubmittedAt,
        string AuthorId, int ResolutionId, string ResolutionSymbol, string ResolutionTitle, bool IsResubmission,
        bool NeedsAnotherReviewer);
}

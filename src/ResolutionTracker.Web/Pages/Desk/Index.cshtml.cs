using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Resolutions;
using ResolutionTracker.Web.Authorization;
using ResolutionTracker.Web.Data;

namespace ResolutionTracker.Web.Pages.Desk;

// Where a signed-in user starts: their own concerns by what they need next, the review queue for leads,
// and what colleagues have noted on resolutions lately.
public sealed class IndexModel(AppDbContext db) : PageModel
{
    private const int PerSection = 20;
    private const int RecentAnnotations = 10;

    public string? Name { get; private set; }
    public IReadOnlyList<ConcernRow> SentBack { get; private set; } = [];
    public IReadOnlyList<ConcernRow> Drafts { get; private set; } = [];
    public IReadOnlyList<ConcernRow> InReview { get; private set; } = [];
    public int SentBackCount { get; private set; }
    public int DraftCount { get; private set; }
    public int InReviewCount { get; private set; }
    public int? ReviewQueueCount { get; private set; }
    public IReadOnlyList<AnnotationRow> Annotations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var me = User.UserId()!;
        var mine = db.Concerns.AsNoTracking().Where(c => c.AuthorId == me);
        (SentBack, SentBackCount) = await SectionAsync(mine.Where(c => c.State == ConcernState.ChangesRequested), cancellationToken);
        (Drafts, DraftCount) = await SectionAsync(mine.Where(c => c.State == ConcernState.Draft), cancellationToken);
        (InReview, InReviewCount) = await SectionAsync(mine.Where(c => c.State == ConcernState.InReview), cancellationToken);

        if (User.CanReview())
            ReviewQueueCount = await db.Concerns.CountAsync(c => c.State == ConcernState.InReview, cancellationToken);

        var notes = await db.Annotations.AsNoTracking()
            .OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id)
            .Take(RecentAnnotations)
            .Select(a => new
            {
                a.Id, a.AuthorId, a.Body, a.CreatedAt, IsReply = a.ParentId != null,
                Quote = a.Selector == null ? null : a.Selector.Exact,
                a.Paragraph.Kind, a.Paragraph.Number, a.Paragraph.Version.ResolutionId, a.Paragraph.Version.Resolution.Symbol,
            })
            .ToListAsync(cancellationToken);
        var names = await db.Users.ByIdAsync(notes.Select(n => n.AuthorId).Append(me), cancellationToken);
        Name = names.GetValueOrDefault(me);
        Annotations = notes.Select(n => new AnnotationRow(
            n.Id, n.AuthorId == me ? "You" : names.NameOf(n.AuthorId), n.Body, n.Quote, n.CreatedAt, n.IsReply,
            n.ResolutionId, n.Symbol, Paragraph.Reference(n.Kind, n.Number), Paragraph.AnchorFor(n.Kind, n.Number))).ToList();
    }

    private static async Task<(IReadOnlyList<ConcernRow>, int)> SectionAsync(IQueryable<Domain.Concerns.Concern> query, CancellationToken cancellationToken)
    {
        var count = await query.CountAsync(cancellationToken);
        var rows = await query
            .OrderByDescending(c => c.UpdatedAt).ThenByDescending(c => c.Id)
            .Take(PerSection)
            .Select(c => new
            {
                c.Id, c.Heading, c.State, c.Severity, c.RevisionNumber, c.ResolutionId, c.Resolution.Symbol, c.UpdatedAt,
                Paragraphs = c.Paragraphs.OrderBy(p => p.Position).Select(p => new { p.Paragraph.Kind, p.Paragraph.Number }).ToList(),
                Comment = c.Comments.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Select(r => new { r.Body, r.CreatedAt, r.AuthorId }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return (rows.Select(r => new ConcernRow(r.Id, r.Heading, r.State, r.Severity, r.RevisionNumber, r.ResolutionId, r.Symbol, r.UpdatedAt,
            string.Join(", ", r.Paragraphs.Select(p => Paragraph.Reference(p.Kind, p.Number))),
            r.State == ConcernState.ChangesRequested ? r.Comment?.Body : null, r.Comment?.CreatedAt)).ToList(), count);
    }

    public sealed record ConcernRow(int Id, string Heading, ConcernState State, Severity Severity, int RevisionNumber, int ResolutionId,
        string ResolutionSymbol, DateTimeOffset UpdatedAt, string Paragraphs, string? Comment, DateTimeOffset? CommentedAt);

    public sealed record AnnotationRow(int Id, string Author, string Body, string? Quote, DateTimeOffset CreatedAt, bool IsReply,
        int ResolutionId, string ResolutionSymbol, string Reference, string Anchor);
}

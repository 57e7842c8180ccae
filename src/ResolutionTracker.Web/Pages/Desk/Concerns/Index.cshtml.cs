using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Resolutions;
using ResolutionTracker.Web.Authorization;
using ResolutionTracker.Web.Data;
using ResolutionTracker.Web.Pages.Shared;

namespace ResolutionTracker.Web.Pages.Desk.Concerns;

// Every concern in every state, newest change first. Filters come from the query string as text; a value
// the page does not know is ignored and said so, as on the public lists.
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public ConcernState? State { get; private set; }
    public int? ResolutionId { get; private set; }
    public bool Mine { get; private set; }
    public IReadOnlyList<string> Ignored { get; private set; } = [];
    public IReadOnlyList<ResolutionOption> ResolutionOptions { get; private set; } = [];
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public Paging Paging { get; private set; } = Paging.For(1, 0);
    public bool Filtered => State is not null || ResolutionId is not null || Mine;

    public async Task OnGetAsync(string? state, string? resolution, string? mine, CancellationToken cancellationToken)
    {
        var me = User.UserId();
        var filters = new ListFilters();
        State = filters.Choice<ConcernState>(state, "state");
        ResolutionId = filters.PositiveNumber(resolution, "resolution");
        Mine = filters.Flag(mine, "mine");
        Ignored = filters.Ignored;

        ResolutionOptions = await db.Resolutions.AsNoTracking()
            .Where(r => db.Concerns.Any(c => c.ResolutionId == r.Id))
            .OrderBy(r => r.Symbol)
            .Select(r => new ResolutionOption(r.Id, r.Symbol))
            .ToListAsync(cancellationToken);

        var query = db.Concerns.AsNoTracking();
        if (State is { } inState)
            query = query.Where(c => c.State == inState);
        if (ResolutionId is { } resolutionId)
            query = query.Where(c => c.ResolutionId == resolutionId);
        if (Mine)
            query = query.Where(c => c.AuthorId == me);

        var total = await query.CountAsync(cancellationToken);
        Paging = Paging.For(Request, total);
        var rows = await query
            .OrderByDescending(c => c.UpdatedAt).ThenByDescending(c => c.Id)
            .Skip(Paging.Skip)
            .Take(Paging.PageSize)
            .Select(c => new
            {
                c.Id, c.Heading, c.State, c.Severity, c.RevisionNumber, c.ApprovedRevisionNumber, c.ResolutionId, ResolutionSymbol = c.Resolution.Symbol,
                c.AuthorId, c.UpdatedAt,
                Paragraphs = c.Paragraphs.OrderBy(p => p.Position).Select(p => new { p.Paragraph.Kind, p.Paragraph.Number }).ToList(),
                LatestComment = c.Comments.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Select(r => new { r.Body, r.AuthorId, r.CreatedAt }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        var names = await db.Users.ByIdAsync(rows.Select(r => r.AuthorId).Concat(rows.Select(r => r.LatestComment?.AuthorId)), cancellationToken);

        Rows = rows.Select(r => new Row(
            r.Id, r.Heading, r.State, r.Severity, r.RevisionNumber, r.ApprovedRevisionNumber, r.ResolutionId, r.ResolutionSymbol,
            r.AuthorId == me ? "you" : names.NameOf(r.AuthorId), r.UpdatedAt,
            string.Join(", ", r.Paragraphs.Select(p => Paragraph.Reference(p.Kind, p.Number))),
            r.State == ConcernState.ChangesRequested && r.LatestComment is { } comment
                ? new CommentView(names.NameOf(comment.AuthorId), comment.Body, comment.CreatedAt)
                : null)).ToList();
    }

    public sealed record ResolutionOption(int Id, string Symbol);

    public sealed record CommentView(string Reviewer, string Body, DateTimeOffset CreatedAt);

    public sealed record Row(int Id, string Heading, ConcernState State, Severity Severity, int RevisionNumber, int? ApprovedRevisionNumber,
        int ResolutionId, string ResolutionSymbol, string Author, DateTimeOffset UpdatedAt, string Paragraphs, CommentView? SentBack);
}

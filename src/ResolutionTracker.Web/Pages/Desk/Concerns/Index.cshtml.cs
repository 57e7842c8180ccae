using System.Globalization;
using Microsoft.AspNetCore.Mvc;
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
    [BindProperty(SupportsGet = true, Name = "state")]
    public string? StateText { get; set; }

    [BindProperty(SupportsGet = true, Name = "resolution")]
    public string? ResolutionText { get; set; }

    [BindProperty(SupportsGet = true, Name = "mine")]
    public string? MineText { get; set; }

    public ConcernState? State { get; private set; }
    public int? ResolutionId { get; private set; }
    public bool Mine { get; private set; }
    public IReadOnlyList<string> Ignored { get; private set; } = [];
    public IReadOnlyList<ResolutionOption> ResolutionOptions { get; private set; } = [];
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public Paging Paging { get; private set; } = Paging.For(1, 0);
    public bool Filtered => State is not null || ResolutionId is not null || Mine;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var ignored = new List<string>();
        if (!string.IsNullOrWhiteSpace(StateText))
        {
            State = Enum.GetValues<ConcernState>().Cast<ConcernState?>()
                .FirstOrDefault(s => string.Equals(s.ToString(), StateText.Trim(), StringComparison.OrdinalIgnoreCase));
            if (State is null)
                ignored.Add($"state “{Shorten(StateText)}”");
        }
        if (!string.IsNullOrWhiteSpace(ResolutionText))
        {
            if (int.TryParse(ResolutionText.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var rid) && rid > 0)
                ResolutionId = rid;
            else
                ignored.Add($"resolution “{Shorten(ResolutionText)}”");
        }
        if (!string.IsNullOrWhiteSpace(MineText))
        {
            var mine = MineText.Trim().ToLowerInvariant();
            if (mine is "true" or "1" or "on" or "yes")
                Mine = true;
            else if (mine is not ("false" or "0" or "off" or "no"))
                ignored.Add($"mine “{Shorten(MineText)}”");
        }
        Ignored = ignored;

        ResolutionOptions = await db.Resolutions.AsNoTracking()
            .Where(r => db.Concerns.Any(c => c.ResolutionId == r.Id))
            .OrderBy(r => r.Symbol)
            .Select(r => new ResolutionOption(r.Id, r.Symbol))
            .ToListAsync(cancellationToken);

        var me = User.UserId();
        var query = db.Concerns.AsNoTracking();
        if (State is { } state)
            query = query.Where(c => c.State == state);
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

        var userIds = rows.Select(r => r.AuthorId)
            .Concat(rows.Where(r => r.LatestComment != null).Select(r => r.LatestComment!.AuthorId))
            .Distinct().ToList();
        var names = await db.Users.AsNoTracking()
            .Where(u => userIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName.Length > 0 ? u.DisplayName : u.Email ?? u.Id, cancellationToken);
        string Name(string id) => names.TryGetValue(id, out var n) ? n : "a former member";

        Rows = rows.Select(r => new Row(
            r.Id, r.Heading, r.State, r.Severity, r.RevisionNumber, r.ApprovedRevisionNumber, r.ResolutionId, r.ResolutionSymbol,
            r.AuthorId == me ? "you" : Name(r.AuthorId), r.UpdatedAt,
            string.Join(", ", r.Paragraphs.Select(p => Paragraph.Reference(p.Kind, p.Number))),
            r.State == ConcernState.ChangesRequested && r.LatestComment is { } comment
                ? new CommentView(Name(comment.AuthorId), comment.Body, comment.CreatedAt)
                : null)).ToList();
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    public sealed record ResolutionOption(int Id, string Symbol);

    public sealed record CommentView(string Reviewer, string Body, DateTimeOffset CreatedAt);

    public sealed record Row(int Id, string Heading, ConcernState State, Severity Severity, int RevisionNumber, int? ApprovedRevisionNumber,
        int ResolutionId, string ResolutionSymbol, string Author, DateTimeOffset UpdatedAt, string Paragraphs, CommentView? SentBack);
}

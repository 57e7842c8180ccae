using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.Web.Data;
using ResolutionTracker.Web.Pages.Shared;

namespace ResolutionTracker.Web.Pages.Desk.Resolutions;

// The resolutions staff work on, with how many notes are open and how many concerns exist on each.
// Filters read like the public list's: an unknown value is ignored and said so, never an error.
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public ResolutionList List { get; private set; } = ResolutionList.Empty;
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(string? body, string? session, string? status, CancellationToken cancellationToken)
    {
        List = await ResolutionList.ReadAsync(db.Resolutions, Request, body, session, status, cancellationToken);
        Rows = await List.OnPage
            .Select(r => new Row(r.Id, r.Symbol, r.Title, r.Body, r.Session.Number, r.Status,
                db.Annotations.Count(a => a.ParentId == null && a.ResolvedAt == null && a.Paragraph.Version.ResolutionId == r.Id),
                db.Concerns.Count(c => c.ResolutionId == r.Id)))
            .ToListAsync(cancellationToken);
    }

    public sealed record Row(int Id, string Symbol, string Title, UnBody Body, int Session, ResolutionStatus Status, int OpenNotes, int Concerns);
}

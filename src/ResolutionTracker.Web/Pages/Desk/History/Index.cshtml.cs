using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain.Audit;
using ResolutionTracker.Web.Authorization;
using ResolutionTracker.Web.Data;
using ResolutionTracker.Web.Pages.Shared;

namespace ResolutionTracker.Web.Pages.Desk.History;

// Who changed what and when for one record and the parts that belong to it (a concern's footnotes,
// a resolution's versions and paragraphs), newest first, grouped by save.
public sealed class IndexModel(AppDbContext db, IAuthorizationService auth) : PageModel
{
    public const int PageSize = 50;

    // Each kind of record with the policy of the page that shows the record itself: its history tells as much
    // as that page (a draft briefing's introduction, an account's roles), so it is no more open than the page.
    // Organisations have a public page; their history stays on the desk, like every history.
    private static readonly Dictionary<string, (string RootType, string Policy)> RootTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["resolution"] = ("Resolution", Policies.SignedIn),
        ["paragraph"] = ("Paragraph", Policies.SignedIn),
        ["concern"] = ("Concern", Policies.SignedIn),
        ["briefing"] = ("Briefing", Policies.CanReview),
        ["organisation"] = ("Organisation", Policies.SignedIn),
        ["user"] = ("User", Policies.CanAdminister),
    };

    public string Entity { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string? BackUrl { get; private set; }
    public IReadOnlyList<ChangeSet> Changes { get; private set; } = [];
    public Paging Paging { get; private set; } = Paging.For(1, 0);

    public sealed record Row(string EntityType, string EntityId, AuditAction Action, string? Field, string? OldValue, string? NewValue);

    public sealed record ChangeSet(DateTimeOffset At, string Actor, IReadOnlyList<Row> Rows);

    public async Task<IActionResult> OnGetAsync(string entity, string id, CancellationToken cancellationToken)
    {
        if (!RootTypes.TryGetValue(entity ?? "", out var kind) || string.IsNullOrEmpty(id) || id.Length > 64)
            return NotFound();
        // Before the record is looked up, as the record's own page is guarded: whether it exists is not told either.
        if (!(await auth.AuthorizeAsync(User, kind.Policy)).Succeeded)
            return Forbid();
        var rootType = kind.RootType;
        Entity = entity!.ToLowerInvariant();
        var key = id;
        var subject = rootType == "User"
            ? await DescribeUserAsync(id, cancellationToken)
            : int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
                ? await DescribeAsync(rootType, number, cancellationToken)
                : null;
        if (subject is null)
            return NotFound();
        (Title, BackUrl) = subject.Value;

        // A resolution's history also shows its paragraphs' changes (text, sub-items, annotations).
        var resolutionId = rootType == "Resolution" ? int.Parse(id, CultureInfo.InvariantCulture) : 0;
        var paragraphIds = rootType == "Resolution"
            ? (await db.Paragraphs.Where(p => p.Version.ResolutionId == resolutionId).Select(p => p.Id).ToListAsync(cancellationToken))
                .ConvertAll(p => p.ToString(CultureInfo.InvariantCulture))
            : [];
        var entries = db.AuditEntries.AsNoTracking()
            .Where(a => (a.RootType == rootType && a.RootId == key) || (a.RootType == "Paragraph" && paragraphIds.Contains(a.RootId)));

        // Page by save (actor + moment), so one change is never split across two pages.
        var saves = entries.GroupBy(a => new { a.OccurredAt, a.ActorId }).Select(g => g.Key);
        var total = await saves.CountAsync(cancellationToken);
        Paging = Paging.For(Request, total, PageSize);
        var page = await saves.OrderByDescending(s => s.OccurredAt).ThenBy(s => s.ActorId).Skip(Paging.Skip).Take(Paging.PageSize).ToListAsync(cancellationToken);
        if (page.Count == 0)
            return Page();

        var newest = page[0].OccurredAt;
        var oldest = page[^1].OccurredAt;
        var rows = await entries
            .Where(a => a.OccurredAt >= oldest && a.OccurredAt <= newest)
            .OrderByDescending(a => a.OccurredAt).ThenBy(a => a.Id)
            .Select(a => new { a.OccurredAt, a.ActorId, Row = new Row(a.EntityType, a.EntityId, a.Action, a.Field, a.OldValue, a.NewValue) })
            .ToListAsync(cancellationToken);

        var names = await db.Users.ByIdAsync(page.Select(p => p.ActorId), cancellationToken);

        Changes = rows
            .GroupBy(r => (r.OccurredAt, r.ActorId))
            .Select(g => new ChangeSet(g.Key.OccurredAt, ActorName(g.Key.ActorId, names), g.Select(r => r.Row).ToList()))
            .ToList();
        return Page();
    }

    private static string ActorName(string? actorId, IReadOnlyDictionary<string, string> names) => actorId switch
    {
        null => "Unknown",
        _ when actorId.StartsWith("system:", StringComparison.Ordinal) => $"The system ({actorId["system:".Length..]})",
        _ => names.NameOf(actorId),
    };

    private async Task<(string Title, string? Back)?> DescribeUserAsync(string id, CancellationToken ct)
    {
        var u = await db.Users.Where(x => x.Id == id).Select(x => new { x.Email, x.DisplayName }).FirstOrDefaultAsync(ct);
        return u is null ? null : ($"History of the account {u.Email}", $"/admin/users/{id}");
    }

    private async Task<(string Title, string? Back)?> DescribeAsync(string rootType, int id, CancellationToken ct)
    {
        switch (rootType)
        {
            case "Resolution":
                var r = await db.Resolutions.Where(x => x.Id == id).Select(x => new { x.Symbol }).FirstOrDefaultAsync(ct);
                return r is null ? null : ($"History of {r.Symbol}", $"/desk/resolutions/{id}");
            case "Paragraph":
                var p = await db.Paragraphs.Where(x => x.Id == id)
                    .Select(x => new { x.Kind, x.Number, x.Version.Label, x.Version.Resolution.Symbol, x.Version.ResolutionId }).FirstOrDefaultAsync(ct);
                return p is null ? null : ($"History of {p.Symbol}, {Domain.Resolutions.Paragraph.Reference(p.Kind, p.Number)} ({p.Label})", $"/desk/resolutions/{p.ResolutionId}");
            case "Concern":
                var c = await db.Concerns.Where(x => x.Id == id).Select(x => new { x.Heading }).FirstOrDefaultAsync(ct);
                return c is null ? null : ($"History of the concern “{c.Heading}”", $"/desk/concerns/{id}");
            case "Briefing":
                var b = await db.Briefings.Where(x => x.Id == id).Select(x => new { x.Title }).FirstOrDefaultAsync(ct);
                return b is null ? null : ($"History of the briefing “{b.Title}”", null);
            case "Organisation":
                var o = await db.Organisations.Where(x => x.Id == id).Select(x => new { x.Name, x.Slug }).FirstOrDefaultAsync(ct);
                return o is null ? null : ($"History of {o.Name}", $"/organisations/{o.Slug}");
            default:
                return null;
        }
    }
}

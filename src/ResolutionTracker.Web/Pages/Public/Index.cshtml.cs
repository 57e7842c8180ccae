using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.Web.Data;
using ResolutionTracker.Web.Formatting;
using ResolutionTracker.Web.Infrastructure;
using ResolutionTracker.Web.Pages.Public.Briefings;

namespace ResolutionTracker.Web.Pages.Public;

// The front page: what the coalition has published, read from the latest snapshot of each briefing (never
// from the live drafts), filterable by UN body and session; the resolutions it holds a position on; and
// the drafts being negotiated now.
[OutputCache(PolicyName = PublicCache.PolicyName)]
public sealed class IndexModel(AppDbContext db) : PageModel
{
    private static readonly ResolutionStatus[] InProgress = [ResolutionStatus.Draft, ResolutionStatus.Revised, ResolutionStatus.Deferred];

    public IReadOnlyList<ResolutionRow> Resolutions { get; private set; } = [];
    public IReadOnlyList<PublishedBriefing> AllBriefings { get; private set; } = [];
    public IReadOnlyList<PublishedBriefing> Briefings { get; private set; } = [];
    public IReadOnlyList<PublishedBriefing> Positions { get; private set; } = [];
    public UnBody? Body { get; private set; }
    public int? Session { get; private set; }
    public bool Filtered => Body is not null || Session is not null;

    public async Task<IActionResult> OnGetAsync(string? body, string? session, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(body))
        {
            if (!Enum.TryParse<UnBody>(body, ignoreCase: true, out var b) || !Enum.IsDefined(b) || int.TryParse(body, out _))
                return BadRequest();
            Body = b;
        }
        if (!string.IsNullOrEmpty(session))
        {
            if (!int.TryParse(session, NumberStyles.None, CultureInfo.InvariantCulture, out var s) || s is < 1 or > 999)
                return BadRequest();
            Session = s;
        }

        AllBriefings = await PublishedBriefing.LatestAsync(db, cancellationToken);
        var bodyLabel = Body is { } chosen ? Format.Label(chosen) : null;
        Briefings = AllBriefings
            .Where(b => (bodyLabel is null || b.Body == bodyLabel) && (Session is null || b.Session == Session))
            .ToList();
        // One line per resolution: the newest briefing on it says where the coalition stands.
        Positions = AllBriefings
            .GroupBy(b => b.Symbol, StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderBy(b => b.Symbol, StringComparer.Ordinal)
            .ToList();

        Resolutions = await db.Resolutions.AsNoTracking()
            .Where(r => InProgress.Contains(r.Status))
            .OrderByDescending(r => r.Session.OpenedOn)
            .ThenBy(r => r.Symbol)
            .Select(r => new ResolutionRow(r.Symbol, r.Title, r.Body, r.Session.Number, r.Status))
            .Take(50)
            .ToListAsync(cancellationToken);
        return Page();
    }

    public sealed record ResolutionRow(string Symbol, string Title, UnBody Body, int Session, ResolutionStatus Status);
}

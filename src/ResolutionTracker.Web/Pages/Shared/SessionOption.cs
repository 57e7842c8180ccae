using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Resolutions;

namespace ResolutionTracker.Web.Pages.Shared;

// A choice in a list's session filter, shown under its UN body.
public sealed record SessionOption(UnBody Body, int Number)
{
    // The sessions that hold at least one resolution, body by body, newest first.
    public static async Task<IReadOnlyList<SessionOption>> WithResolutionsAsync(IQueryable<Resolution> resolutions, CancellationToken cancellationToken)
    {
        var sessions = await resolutions.AsNoTracking()
            .Select(r => new SessionOption(r.Session.Body, r.Session.Number))
            .Distinct()
            .ToListAsync(cancellationToken);
        return sessions.OrderBy(s => s.Body).ThenByDescending(s => s.Number).ToList();
    }
}

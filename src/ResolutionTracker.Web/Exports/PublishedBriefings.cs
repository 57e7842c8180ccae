using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.Web.Briefings;
using ResolutionTracker.Web.Data;

namespace ResolutionTracker.Web.Exports;

// The snapshot an export is made from: the latest published one, or number n. Exports never read live data,
// so a download always matches the page of the same snapshot.
public static class PublishedBriefings
{
    public sealed record Published(int SnapshotId, int Number, DateTimeOffset PublishedAt, BriefingDocument Document);

    public static async Task<Published?> FindAsync(AppDbContext db, string? slug, int? number, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (string.IsNullOrWhiteSpace(slug) || slug.Length > Limits.Slug || number is <= 0)
            return null;
        var row = await db.BriefingSnapshots.AsNoTracking()
            .Where(s => s.Briefing.Slug == slug && s.Briefing.Status == BriefingStatus.Published)
            .Where(s => number == null || s.Number == number)
            .OrderByDescending(s => s.Number)
            .Select(s => new { s.Id, s.Number, s.PublishedAt, s.Content })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : new Published(row.Id, row.Number, row.PublishedAt, BriefingDocument.FromJson(row.Content));
    }
}

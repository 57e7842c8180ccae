using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Web.Data;

namespace ResolutionTracker.Web.Pages.Public.Briefings;

// A line about a published briefing, taken from its latest snapshot: what the public was shown, not the
// draft being edited. The fields come out of the jsonb document in SQL so lists never load whole documents.
public sealed record PublishedBriefing(string Slug, int Number, DateTimeOffset PublishedAt, DateTimeOffset FirstPublishedAt,
    string Title, string Stance, string? Position, string Symbol, string ResolutionTitle, string Body, int Session)
{
    public static async Task<IReadOnlyList<PublishedBriefing>> LatestAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Database.SqlQueryRaw<PublishedBriefing>(LatestSql).ToListAsync(cancellationToken);
        return rows.OrderByDescending(r => r.PublishedAt).ThenBy(r => r.Slug, StringComparer.Ordinal).ToList();
    }

    // Column names follow the context's snake_case convention, which also maps unmapped result types.
    private const string LatestSql = """
            SELECT DISTINCT ON (s.briefing_id)
                   b.slug AS slug, s.number AS number, s.published_at AS published_at,
                   (SELECT min(f.published_at) FROM briefing_snapshots f WHERE f.briefing_id = s.briefing_id) AS first_published_at,
                   s.content ->> 'title' AS title, s.content ->> 'stance' AS stance, s.content ->> 'position' AS position,
                   s.content -> 'resolution' ->> 'symbol' AS symbol, s.content -> 'resolution' ->> 'title' AS resolution_title,
                   s.content -> 'resolution' ->> 'body' AS body, (s.content -> 'resolution' ->> 'session')::int AS session
            FROM briefing_snapshots s
            JOIN briefings b ON b.id = s.briefing_id
            ORDER BY s.briefing_id, s.number DESC
            """;

    // Every published version, for the sitemap and the feed.
    public sealed record VersionLine(string Slug, int Number, DateTimeOffset PublishedAt);

    public static async Task<IReadOnlyList<VersionLine>> VersionsAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.BriefingSnapshots.AsNoTracking()
            .OrderBy(s => s.Briefing.Slug).ThenBy(s => s.Number)
            .Select(s => new VersionLine(s.Briefing.Slug, s.Number, s.PublishedAt))
            .ToListAsync(cancellationToken);
    }
}

using Microsoft.EntityFrameworkCore;
using ResolutionTracker.IntegrationTests.Fixture;
using ResolutionTracker.Web.Briefings;

namespace ResolutionTracker.IntegrationTests.Exports;

internal static class ExportFacts
{
    public const string Slug = "a-hrc-43-l-31-key-concerns";

    // Chromium for the PDF export: RT_CHROMIUM when set (CI), else the Debian package's path.
    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("RT_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static Task<BriefingDocument> PublishedDocumentAsync(AppFactory app) =>
        app.QueryAsync(async db => BriefingDocument.FromJson(await db.BriefingSnapshots
            .Where(s => s.Briefing.Slug == Slug)
            .OrderByDescending(s => s.Number)
            .Select(s => s.Content)
            .FirstAsync()));
}

using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ResolutionTracker.BrowserTests.Fixture;
using ResolutionTracker.BrowserTests.PageObjects;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Briefings;
using ResolutionTracker.Web.Briefings;
using ResolutionTracker.Web.Data;
using ResolutionTracker.Web.Infrastructure;

namespace ResolutionTracker.BrowserTests.Pages.Public;

// Every page a visitor can reach, scanned by axe; the briefing on a phone and in print.
[Collection(nameof(BrowserGroup))]
public sealed class PublicPagesTests(BrowserApp app)
{
    private const string Briefing = "/briefings/a-hrc-43-l-31-key-concerns";
    private const string TwoVersions = "browser-test-briefing-in-two-versions";

    // A briefing published twice, so the first version carries the newer-version notice. Its own slug:
    // the demo briefing stays as the seed made it for the other tests.
    private async Task EnsureTwoVersionsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (await db.Briefings.AnyAsync(b => b.Slug == TwoVersions))
            return;
        var l31 = await db.Resolutions.SingleAsync(r => r.Symbol == "A/HRC/43/L.31");
        var concern = await db.Concerns.Where(c => c.ResolutionId == l31.Id && c.State == ConcernState.Approved).OrderBy(c => c.Id).FirstAsync();
        var publisher = await db.Users.Select(u => u.Id).FirstOrDefaultAsync() ?? "browser-test";
        var now = DateTimeOffset.UtcNow.AddDays(-2);
        var briefing = new Briefing(l31, "Browser test briefing in two versions", "An introduction.", BriefingStance.Oppose, "We oppose it.", now, TwoVersions);
        briefing.AddConcern(concern);
        db.Briefings.Add(briefing);
        await db.SaveChangesAsync();
        foreach (var when in new[] { now, now.AddDays(1) })
        {
            var loaded = (await BriefingDocumentBuilder.LoadAsync(db, briefing.Id))!;
            BriefingDocumentBuilder.Publish(loaded, publisher, when);
            await db.SaveChangesAsync();
        }
        await PublicCache.EvictAsync(app.Services, CancellationToken.None);
    }

    private async Task<List<string>> PublicPathsAsync()
    {
        await EnsureTwoVersionsAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var symbols = await db.Resolutions.OrderBy(r => r.Symbol).Select(r => r.Symbol).ToListAsync();
        var organisation = await db.Organisations.OrderBy(o => o.Name).Select(o => o.Slug).FirstAsync();
        var paths = new List<string> { "/", "/resolutions" };
        paths.AddRange(symbols.Select(Web.Resolutions.ResolutionLinks.PublicPath));
        paths.AddRange([Briefing, $"{Briefing}/v/1", $"/briefings/{TwoVersions}/v/1", $"/briefings/{TwoVersions}",
            "/organisations", $"/organisations/{organisation}", "/about", "/search?q=cooperation"]);
        return paths;
    }

    [Fact]
    public async Task No_public_page_has_a_serious_or_critical_accessibility_violation()
    {
        var paths = await PublicPathsAsync();
        var page = await app.NewPageAsync();
        var problems = new List<string>();
        var scanned = new List<string>();

        foreach (var path in paths.Append("/no-such-page"))
        {
            var response = await page.GotoAsync(path);
            var expected = path == "/no-such-page" ? 404 : 200;
            if (path.StartsWith("/search", StringComparison.Ordinal) && response!.Status == 404)
                continue;
            response!.Status.Should().Be(expected, path);
            problems.AddRange(await page.SeriousViolationsAsync(path));
            scanned.Add(path);
        }

        scanned.Should().Contain([Briefing, $"/briefings/{TwoVersions}/v/1", "/no-such-page"]);
        Accessibility.ExpectNone(problems, "a public page");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_earlier_version_shows_the_newer_version_notice()
    {
        await EnsureTwoVersionsAsync();
        var page = await app.NewPageAsync();
        var earlier = await PublicBriefingPage.OpenAsync(page, $"/briefings/{TwoVersions}/v/1");

        (await earlier.NewerVersionNotice.InnerTextAsync()).Should().Contain("A newer version of this briefing was published on");
        await earlier.NewerVersionLink.ClickAsync();
        await page.WaitForURLAsync($"**/briefings/{TwoVersions}");
        (await earlier.NewerVersionNotice.CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task The_briefing_reads_on_a_phone_and_its_footnotes_link_both_ways()
    {
        var page = await app.NewPageAsync(width: 375, height: 812);
        var briefing = await PublicBriefingPage.OpenAsync(page, Briefing);

        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        await BrowserApp.SaveScreenshotAsync(page, "briefing-phone");
        scrollWidth.Should().BeLessThanOrEqualTo(375);

        var marker = briefing.NoteMarker(1);
        var target = (await marker.GetAttributeAsync("href"))!;
        await marker.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(target) + "$"));
        await briefing.BackFromNote(target).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("#ref-"));
        (await briefing.Permalink("concern-2").GetAttributeAsync("href")).Should().Be("#concern-2");
    }

    [Fact]
    public async Task The_briefing_prints_on_A4_without_the_site_navigation()
    {
        var page = await app.NewPageAsync(width: 794, height: 1123);
        var briefing = await PublicBriefingPage.OpenAsync(page, Briefing);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        (await new SiteHeader(page).Header.IsVisibleAsync()).Should().BeFalse();
        (await briefing.Footer.IsVisibleAsync()).Should().BeFalse();
        (await briefing.Tools.IsVisibleAsync()).Should().BeFalse();
        (await briefing.Title.IsVisibleAsync()).Should().BeTrue();
        var path = await BrowserApp.SaveScreenshotAsync(page, "briefing-print");
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", Path = Path.ChangeExtension(path, ".pdf"), PrintBackground = false });
        pdf.Length.Should().BeGreaterThan(10_000);
    }
}

using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ResolutionTracker.BrowserTests.Fixture;
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
        paths.AddRange(symbols.Select(Web.Pages.Public.Resolutions.DetailModel.PathFor));
        paths.AddRange([Briefing, $"{Briefing}/v/1", $"/briefings/{TwoVersions}/v/1", $"/briefings/{TwoVersions}",
            "/organisations", $"/organisations/{organisation}", "/about", "/search?q=cooperation"]);
        return paths;
    }

    [Fact]
    public async Task No_public_page_has_a_serious_or_critical_accessibility_violation()
    {
        var paths = await PublicPathsAsync();
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        var scanned = new List<string>();

        foreach (var path in paths.Append("/no-such-page"))
        {
            var response = await page.GotoAsync(path);
            var expected = path == "/no-such-page" ? 404 : 200;
            if (path.StartsWith("/search", StringComparison.Ordinal) && response!.Status == 404)
                continue;
            response!.Status.Should().Be(expected, path);
            var result = await page.RunAxe();
            scanned.Add(path);
            problems.AddRange(result.Violations.Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{path}: {v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}"));
        }

        scanned.Should().Contain([Briefing, $"/briefings/{TwoVersions}/v/1", "/no-such-page"]);
        problems.Should().BeEmpty();
        await context.CloseAsync();
    }

    [Fact]
    public async Task An_earlier_version_shows_the_newer_version_notice()
    {
        await EnsureTwoVersionsAsync();
        var page = await app.OpenAsync($"/briefings/{TwoVersions}/v/1");

        (await page.Locator(".briefing-newer").InnerTextAsync()).Should().Contain("A newer version of this briefing was published on");
        await page.Locator(".briefing-newer a").ClickAsync();
        await page.WaitForURLAsync($"**/briefings/{TwoVersions}");
        (await page.Locator(".briefing-newer").CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task The_briefing_reads_on_a_phone_and_its_footnotes_link_both_ways()
    {
        var page = await app.OpenAsync(Briefing, width: 375, height: 812);

        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        await BrowserApp.SaveScreenshotAsync(page, "briefing-phone");
        scrollWidth.Should().BeLessThanOrEqualTo(375);

        var marker = page.Locator("sup.note-ref a").Nth(1);
        var target = await marker.GetAttributeAsync("href");
        await marker.ClickAsync();
        page.Url.Should().EndWith(target!);
        await page.Locator($"{target} a.note-back").First.ClickAsync();
        page.Url.Should().Contain("#ref-");
        (await page.Locator("#concern-2 a.permalink").GetAttributeAsync("href")).Should().Be("#concern-2");
    }

    [Fact]
    public async Task The_briefing_prints_on_A4_without_the_site_navigation()
    {
        var page = await app.OpenAsync(Briefing, width: 794, height: 1123);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        (await page.Locator(".site-header").IsVisibleAsync()).Should().BeFalse();
        (await page.Locator(".site-footer").IsVisibleAsync()).Should().BeFalse();
        (await page.Locator(".briefing-tools").IsVisibleAsync()).Should().BeFalse();
        (await page.Locator("h1").IsVisibleAsync()).Should().BeTrue();
        var path = await BrowserApp.SaveScreenshotAsync(page, "briefing-print");
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", Path = Path.ChangeExtension(path, ".pdf"), PrintBackground = false });
        pdf.Length.Should().BeGreaterThan(10_000);
    }
}

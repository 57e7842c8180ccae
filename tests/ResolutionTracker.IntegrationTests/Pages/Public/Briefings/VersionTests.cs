using System.Net;
using ResolutionTracker.IntegrationTests.Fixture;
using static ResolutionTracker.IntegrationTests.Pages.Public.Briefings.PublishedBriefings;

namespace ResolutionTracker.IntegrationTests.Pages.Public.Briefings;

public sealed class VersionTests(AppFactory app) : AppTest(app)
{
    private const string Url = "/briefings/" + DemoSlug;

    [Fact]
    public async Task An_earlier_version_keeps_its_address_and_points_to_the_newer_one()
    {
        await App.SeedDemoAsync(includeDemoAccounts: true);
        await EvictAsync(App);
        using var client = App.CreateClient();
        var firstTitle = (await client.GetDocumentAsync(Url)).QuerySelector("h1")!.TextContent;
        App.Clock.Advance(TimeSpan.FromDays(3));
        var secondDate = App.Clock.GetUtcNow();
        await PublishAsync(App, DemoSlug, (b, now) => b.Edit("The second version", b.Introduction, b.Stance, b.PositionStatement, now));

        var v1 = await client.GetDocumentAsync($"{Url}/v/1");
        var latest = await client.GetDocumentAsync(Url);
        var v2 = await client.GetDocumentAsync($"{Url}/v/2");

        v1.QuerySelector("h1")!.TextContent.Should().Be(firstTitle);
        var notice = v1.QuerySelector(".briefing-newer")!;
        notice.TextContent.Should().Contain("A newer version of this briefing was published on " + Web.Formatting.Format.Date(secondDate));
        notice.QuerySelector("a")!.GetAttribute("href").Should().Be(Url);
        v1.QuerySelector("link[rel=canonical]")!.GetAttribute("href").Should().EndWith($"{Url}/v/1");
        v1.QuerySelectorAll(".briefing-tools a").Select(a => a.GetAttribute("href")).Should().Equal($"{Url}/v/1/briefing.pdf", $"{Url}/v/1/briefing.docx");

        latest.QuerySelector("h1")!.TextContent.Should().Be("The second version");
        latest.QuerySelector(".briefing-newer").Should().BeNull();
        latest.QuerySelectorAll(".briefing-versions a").Select(a => a.GetAttribute("href")).Should().Equal($"{Url}/v/1");
        v2.QuerySelector("h1")!.TextContent.Should().Be("The second version");
        v2.QuerySelector("link[rel=canonical]")!.GetAttribute("href").Should().EndWith(Url);
        (await client.GetStatusAsync($"{Url}/v/3")).Should().Be(HttpStatusCode.NotFound);
    }
}

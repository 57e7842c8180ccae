using System.Net;
using ResolutionTracker.IntegrationTests.Fixture;
using static ResolutionTracker.IntegrationTests.Pages.Public.Briefings.PublishedBriefings;

namespace ResolutionTracker.IntegrationTests.Pages.Public;

public sealed class IndexTests(AppFactory app) : AppTest(app)
{
    [Fact]
    public async Task The_home_page_lists_published_briefings_newest_first_from_their_snapshots()
    {
        await App.SeedDemoAsync(includeDemoAccounts: true);
        await EvictAsync(App);
        App.Clock.Advance(TimeSpan.FromDays(1));
        var second = await CreateAsync(App, "A newer briefing", concerns: 1, footnotes: 0);
        // A live edit not yet published must not show.
        await App.ExecuteAsync(async db =>
        {
            var b = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Briefings, x => x.Slug == DemoSlug);
            b.Edit("ZqxUnpublishedTitle", b.Introduction, Domain.BriefingStance.Support, b.PositionStatement, App.Clock.GetUtcNow());
        });
        await EvictAsync(App);
        using var client = App.CreateClient();

        var page = await client.GetDocumentAsync("/");

        page.DocumentElement.OuterHtml.Should().NotContain("ZqxUnpublishedTitle");
        var links = page.QuerySelectorAll("#briefings ~ ul a.record-title, section[aria-labelledby=briefings] a.record-title").Select(a => a.GetAttribute("href")).Distinct().ToList();
        links.Should().Equal($"/briefings/{second}", $"/briefings/{DemoSlug}");
        page.QuerySelector("section[aria-labelledby=briefings]")!.TextContent.Should().Contain("Position: Oppose");
        page.QuerySelector("section[aria-labelledby=positions]")!.TextContent.Should().Contain("A/HRC/43/L.31");
        page.QuerySelector("form[action='/search'] input[name=q]").Should().NotBeNull();
    }

    [Fact]
    public async Task Briefings_filter_by_body_and_session_and_bad_filters_are_refused()
    {
        await App.SeedDemoAsync(includeDemoAccounts: true);
        await EvictAsync(App);
        using var client = App.CreateClient();

        (await client.GetDocumentAsync("/?body=HumanRightsCouncil&session=43")).QuerySelectorAll("section[aria-labelledby=briefings] a.record-title").Should().HaveCount(1);
        var none = await client.GetDocumentAsync("/?body=GeneralAssembly");
        none.QuerySelectorAll("section[aria-labelledby=briefings] a.record-title").Should().BeEmpty();
        none.QuerySelector("section[aria-labelledby=briefings] .empty-state").Should().NotBeNull();
        (await client.GetStatusAsync("/?body=Nonsense")).Should().Be(HttpStatusCode.BadRequest);
        (await client.GetStatusAsync("/?session=abc")).Should().Be(HttpStatusCode.BadRequest);
        (await client.GetStatusAsync("/?session=-4")).Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_empty_site_says_what_comes_next()
    {
        await EvictAsync(App);
        using var client = App.CreateClient();

        var page = await client.GetDocumentAsync("/");

        page.QuerySelector("section[aria-labelledby=briefings] .empty-state")!.TextContent.Should().Contain("No briefing has been published yet");
    }
}

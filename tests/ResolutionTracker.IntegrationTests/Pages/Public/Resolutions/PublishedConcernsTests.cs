using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Concerns;
using ResolutionTracker.IntegrationTests.Fixture;
using ResolutionTracker.Web.Data.Seeding;
using static ResolutionTracker.IntegrationTests.Pages.Public.Briefings.PublishedBriefings;

namespace ResolutionTracker.IntegrationTests.Pages.Public.Resolutions;

// The public resolution page marks the concerns as published (from the briefings' latest snapshots)
// against their paragraphs; signed-in users keep seeing the live concerns in every state.
public sealed class PublishedConcernsTests(AppFactory app) : AppTest(app)
{
    private const string Url = "/resolutions/A/HRC/43/L.31";

    [Fact]
    public async Task A_visitor_sees_only_the_published_concerns_as_published()
    {
        await App.SeedDemoAsync(includeDemoAccounts: true);
        await App.ExecuteAsync(async db =>
        {
            var now = App.Clock.GetUtcNow();
            var lead = await db.Users.Where(u => u.Email == DemoSeeder.LeadEmail).Select(u => u.Id).SingleAsync();
            var reviewer = new Actor(lead, CanReview: true);
            var l31 = await db.Resolutions.SingleAsync(r => r.Symbol == Demo.L31);
            var approved = new Concern(l31, lead, "Approved but in no briefing ZqxUnpublished", null, "Body.", Severity.High, now);
            db.Concerns.Add(approved);
            approved.Submit(reviewer, now);
            // Another lead approves it: a concern needs a reviewer other than its author.
            approved.Approve(new Actor("another-lead", CanReview: true), now);
            var published = await db.Concerns.Include(c => c.Revisions).Include(c => c.Footnotes).ThenInclude(f => f.Citations)
                .SingleAsync(c => c.Heading == Demo.ConcernHeadings[3]);
            published.Edit(reviewer, "Live edit ZqxLiveEdit", published.Summary, published.Body, published.Severity, now);
        });
        await EvictAsync(App);
        using var visitor = App.CreateClient();

        var page = await visitor.GetDocumentAsync(Url);
        var html = page.DocumentElement.OuterHtml;

        html.Should().NotContain("ZqxUnpublished").And.NotContain("ZqxLiveEdit");
        var pp11 = page.QuerySelector("li#pp11")!;
        var card = pp11.QuerySelector(".para-concerns .concern-card h4 a")!;
        card.TextContent.Should().Be(Demo.ConcernHeadings[3]);
        card.GetAttribute("href").Should().Be($"/briefings/{DemoSlug}#concern-4");
        page.QuerySelectorAll(".concern-card h4 a").Select(a => a.TextContent).Distinct()
            .Should().BeEquivalentTo(Demo.ConcernHeadings);
        page.QuerySelector("section[aria-labelledby=briefings]")!.TextContent.Should().Contain("Key concerns with draft resolution");

        // A signed-in user sees the live concerns, unpublished ones included.
        using var staff = await App.CreateClientAsUserAsync(Web.Authorization.Roles.Staff);
        var internalView = (await staff.GetDocumentAsync(Url)).DocumentElement.OuterHtml;
        internalView.Should().Contain("ZqxUnpublished").And.Contain("ZqxLiveEdit");
    }

    [Fact]
    public async Task Without_a_published_briefing_a_visitor_sees_no_concern()
    {
        await App.SeedDemoAsync(includeDemoAccounts: true);
        await App.ExecuteAsync(async db =>
        {
            await db.Database.ExecuteSqlRawAsync("DELETE FROM briefing_snapshots");
        });
        await EvictAsync(App);
        using var visitor = App.CreateClient();

        var page = await visitor.GetDocumentAsync(Url);

        page.QuerySelectorAll(".concern-card").Should().BeEmpty();
        page.QuerySelector("section[aria-labelledby=concerns] .empty-state").Should().NotBeNull();
    }

    [Fact]
    public async Task A_snapshot_changed_behind_the_app_is_shown_as_it_now_is()
    {
        await App.SeedDemoAsync();
        await EvictAsync(App);
        using var visitor = App.CreateClient();
        (await visitor.GetDocumentAsync(Url)).QuerySelectorAll(".concern-card h4 a").Select(a => a.TextContent)
            .Should().Contain(Demo.ConcernHeadings[0]);

        // Documents are kept by their content digest, so a changed document is read again, never served stale.
        await App.ExecuteAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE briefing_snapshots SET content = jsonb_set(content, '{{concerns,0,heading}}', '\"Retold ZqxRetold\"')"));
        await EvictAsync(App);

        (await visitor.GetDocumentAsync(Url)).QuerySelectorAll(".concern-card h4 a").Select(a => a.TextContent)
            .Should().Contain("Retold ZqxRetold").And.NotContain(Demo.ConcernHeadings[0]);
    }
}

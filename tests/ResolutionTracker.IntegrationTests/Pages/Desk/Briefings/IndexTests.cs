using System.Net;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.IntegrationTests.Fixture;
using ResolutionTracker.IntegrationTests.Pages.Desk.Concerns;
using ResolutionTracker.Web.Authorization;
using ResolutionTracker.Web.Briefings;
using static ResolutionTracker.IntegrationTests.Pages.Desk.Briefings.BriefingKit;

namespace ResolutionTracker.IntegrationTests.Pages.Desk.Briefings;

public sealed class IndexTests(AppFactory app) : AppTest(app)
{
    [Fact]
    public async Task The_list_shows_each_briefing_with_its_status_and_filters_by_status()
    {
        var world = await App.CreateWorldAsync();
        var (client, lead) = await App.SignedInAsync(Roles.CoalitionLead);
        var concern = await App.CreateApprovedConcernAsync(world, "Funding is left to States");
        var draft = await App.CreateBriefingAsync(world, "A draft briefing");
        var published = await App.CreateBriefingAsync(world, "A published briefing");
        await App.AddConcernsAsync(published, concern);
        await App.ChangeBriefingAsync(published, b => BriefingDocumentBuilder.Publish(b, lead.Id, App.Clock.GetUtcNow()));

        var page = await client.GetDocumentAsync("/desk/briefings");
        page.QuerySelector(".result-count")!.TextContent.Should().Contain("2 briefings");
        page.QuerySelectorAll(".briefing-list .record-title a").Select(a => a.TextContent).Should().BeEquivalentTo("A draft briefing", "A published briefing");
        page.QuerySelector("a[href='/desk/briefings/new']").Should().NotBeNull();

        var filtered = await client.GetDocumentAsync("/desk/briefings?status=published");
        filtered.QuerySelectorAll(".briefing-list .record-title a").Select(a => a.TextContent).Should().Equal("A published briefing");
        filtered.QuerySelector(".briefing-list")!.TextContent.Should().Contain("last published").And.Contain("version 1");
        var unpublished = await client.GetDocumentAsync("/desk/briefings?unpublished=true");
        unpublished.QuerySelectorAll(".briefing-list .record-title a").Select(a => a.TextContent).Should().Equal("A draft briefing");
        _ = draft;
    }

    [Fact]
    public async Task A_concern_approved_again_or_withdrawn_after_publishing_flags_the_briefing_as_the_composer_does()
    {
        var world = await App.CreateWorldAsync();
        var (client, _) = await App.SignedInAsync(Roles.CoalitionLead);
        var revised = await App.CreateApprovedConcernAsync(world, "Funding is left to States", world.Op1);
        var withdrawn = await App.CreateApprovedConcernAsync(world, "Access is never defined", world.Pp2);
        var first = await App.CreateBriefingAsync(world, "Revised after publishing");
        var second = await App.CreateBriefingAsync(world, "Withdrawn after publishing");
        var untouched = await App.CreateBriefingAsync(world, "Untouched since publishing");
        var spare = await App.CreateApprovedConcernAsync(world, "Nobody checks the results", world.Op1);
        await App.AddConcernsAsync(first, revised);
        await App.AddConcernsAsync(second, withdrawn);
        await App.AddConcernsAsync(untouched, spare);
        foreach (var id in new[] { first, second, untouched })
            (await client.PostFormAsync(PreviewUrl(id), "Publish")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await TitlesAsync(client, "/desk/briefings?unpublished=true")).Should().BeEmpty();

        // Neither change touches a briefing's row; both change what publishing again would show.
        App.Clock.Advance(TimeSpan.FromHours(1));
        await App.ApproveAgainAsync(revised, "Funding is left to States alone");
        await App.ExecuteAsync(async db =>
        {
            var w = await db.Concerns.SingleAsync(x => x.Id == withdrawn);
            w.Withdraw(new Actor(w.AuthorId, false), App.Clock.GetUtcNow());
        });

        (await TitlesAsync(client, "/desk/briefings?unpublished=true")).Should().BeEquivalentTo("Revised after publishing", "Withdrawn after publishing");
        var list = await client.GetDocumentAsync("/desk/briefings");
        list.QuerySelectorAll(".briefing-list li").Where(li => li.QuerySelector(".briefing-unpublished") is not null)
            .Select(li => li.QuerySelector(".record-title a")!.TextContent).Should().BeEquivalentTo("Revised after publishing", "Withdrawn after publishing");
        foreach (var id in new[] { first, second })
            (await client.GetDocumentAsync(ComposerUrl(id))).QuerySelector(".composer-facts")!.TextContent.Should().Contain("Unpublished changes");
        (await client.GetDocumentAsync(ComposerUrl(untouched))).QuerySelector(".composer-facts")!.TextContent.Should().Contain("no unpublished changes");
    }

    private static async Task<IEnumerable<string>> TitlesAsync(HttpClient client, string url) =>
        (await client.GetDocumentAsync(url)).QuerySelectorAll(".briefing-list .record-title a").Select(a => a.TextContent).ToList();

    [Fact]
    public async Task Unknown_filter_values_are_ignored_and_said_so()
    {
        var (client, _) = await App.SignedInAsync(Roles.CoalitionLead);

        var page = await client.GetDocumentAsync("/desk/briefings?status=nonsense&resolution=x&page=-3");

        page.QuerySelector(".notice")!.TextContent.Should().Contain("status “nonsense”").And.Contain("resolution “x”");
        page.QuerySelector(".empty-state").Should().NotBeNull();
    }

    [Fact]
    public async Task Leads_find_the_list_from_their_desk_and_from_a_resolution_but_staff_do_not()
    {
        var world = await App.CreateWorldAsync();
        var (lead, _) = await App.SignedInAsync(Roles.CoalitionLead);
        var (staff, _) = await App.SignedInAsync(Roles.Staff);

        (await lead.GetDocumentAsync("/desk")).QuerySelector(".desk-links a[href='/desk/briefings']").Should().NotBeNull();
        (await lead.GetDocumentAsync("/desk/resolutions/" + world.ResolutionId.S())).QuerySelector($".working-links a[href='/desk/briefings?resolution={world.ResolutionId.S()}']").Should().NotBeNull();
        (await staff.GetDocumentAsync("/desk")).QuerySelector("a[href='/desk/briefings']").Should().BeNull();
        (await staff.GetStatusAsync("/desk/briefings")).Should().BeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
    }
}

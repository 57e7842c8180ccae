using System.Net;
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

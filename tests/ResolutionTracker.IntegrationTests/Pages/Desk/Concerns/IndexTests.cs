using System.Net;
using ResolutionTracker.IntegrationTests.Fixture;
using ResolutionTracker.Web.Authorization;

namespace ResolutionTracker.IntegrationTests.Pages.Desk.Concerns;

public sealed class IndexTests(AppFactory app) : AppTest(app)
{
    [Fact]
    public async Task The_list_counts_and_shows_every_concern()
    {
        var world = await App.CreateWorldAsync();
        var (client, user) = await App.SignedInAsync(Roles.Staff);
        var other = await App.CreateUserAsync(Roles.Staff);
        await App.CreateConcernAsync(world, user.Id, "Mine", world.Op1);
        await App.CreateConcernAsync(world, other.Id, "Someone else's");

        var page = await client.GetDocumentAsync("/desk/concerns");

        page.QuerySelector(".result-count")!.TextContent.Should().Be("2 concerns");
        page.QuerySelectorAll(".record-title a").Select(a => a.TextContent).Should().BeEquivalentTo(["Mine", "Someone else's"]);
        page.QuerySelectorAll(".concern-list > li").Single(li => li.QuerySelector(".record-title")!.TextContent == "Mine")
            .QuerySelector(".record-meta")!.TextContent.Should().Contain($"{ConcernWorld.Symbol}, OP 1");
    }

    [Fact]
    public async Task The_author_sees_a_sent_back_concern_with_the_leads_comment()
    {
        var world = await App.CreateWorldAsync();
        var (client, user) = await App.SignedInAsync(Roles.Staff);
        var lead = await App.CreateUserAsync(Roles.CoalitionLead);
        var id = await App.CreateConcernAsync(world, user.Id, "Needs work");
        await App.SubmitAsync(id, user.Id);
        await App.SendBackAsync(id, lead.Id, "Quote the paragraph, please.");

        var page = await client.GetDocumentAsync("/desk/concerns?mine=true");

        var item = page.QuerySelector(".concern-list > li")!;
        item.QuerySelector(".concern-state")!.TextContent.Should().Be("Sent back for changes");
        item.QuerySelector(".sent-back-comment")!.TextContent.Should().Contain("Quote the paragraph, please.");
    }

    [Fact]
    public async Task Filters_by_state_resolution_and_mine()
    {
        var world = await App.CreateWorldAsync();
        var (client, user) = await App.SignedInAsync(Roles.Staff);
        var other = await App.CreateUserAsync(Roles.Staff);
        var submitted = await App.CreateConcernAsync(world, user.Id, "Submitted one");
        await App.SubmitAsync(submitted, user.Id);
        await App.CreateConcernAsync(world, user.Id, "My draft");
        await App.CreateConcernAsync(world, other.Id, "Their draft");

        (await Titles(client, "/desk/concerns?state=inreview")).Should().Equal("Submitted one");
        (await Titles(client, "/desk/concerns?state=Draft&mine=true")).Should().Equal("My draft");
        (await Titles(client, $"/desk/concerns?resolution={world.OtherResolutionId}")).Should().BeEmpty();
    }

    [Fact]
    public async Task An_unknown_filter_value_is_ignored_and_said_so()
    {
        var world = await App.CreateWorldAsync();
        var (client, user) = await App.SignedInAsync(Roles.Staff);
        await App.CreateConcernAsync(world, user.Id, "Listed anyway");

        var page = await client.GetDocumentAsync("/desk/concerns?state=Bogus&resolution=x1&mine=perhaps");

        page.QuerySelector(".notice")!.TextContent.Should().Contain("state “Bogus”").And.Contain("resolution “x1”").And.Contain("mine “perhaps”");
        page.QuerySelectorAll(".record-title a").Should().ContainSingle();
    }

    [Fact]
    public async Task The_list_is_paginated_twenty_a_page()
    {
        var world = await App.CreateWorldAsync();
        var (client, user) = await App.SignedInAsync(Roles.Staff);
        for (var i = 1; i <= 23; i++)
            await App.CreateConcernAsync(world, user.Id, $"Concern {i}");

        var second = await client.GetDocumentAsync("/desk/concerns?page=2");

        second.QuerySelectorAll(".record-title a").Should().HaveCount(3);
        second.QuerySelector(".pager-summary")!.TextContent.Should().Be("Showing 21–23 of 23");
    }

    [Fact]
    public async Task With_no_concerns_the_page_says_how_to_start()
    {
        var (client, _) = await App.SignedInAsync(Roles.Staff);

        var page = await client.GetDocumentAsync("/desk/concerns");

        page.QuerySelector(".empty-state a[href='/desk/concerns/new']").Should().NotBeNull();
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        using var client = App.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri("/desk/concerns", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Contain("/account/sign-in");
    }

    private static async Task<List<string>> Titles(HttpClient client, string url) =>
        (await client.GetDocumentAsync(url)).QuerySelectorAll(".record-title a").Select(a => a.TextContent).ToList();
}

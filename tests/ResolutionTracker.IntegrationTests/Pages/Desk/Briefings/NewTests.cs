using System.Net;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.IntegrationTests.Fixture;
using ResolutionTracker.IntegrationTests.Pages.Desk.Concerns;
using ResolutionTracker.Web.Authorization;
using static ResolutionTracker.IntegrationTests.Pages.Desk.Briefings.BriefingKit;
using static ResolutionTracker.IntegrationTests.Pages.Desk.Concerns.ConcernKit;

namespace ResolutionTracker.IntegrationTests.Pages.Desk.Briefings;

public sealed class NewTests(AppFactory app) : AppTest(app)
{
    private static string Url(int resolutionId) => "/desk/briefings/new?resolution=" + resolutionId.S();

    [Fact]
    public async Task Starting_a_briefing_saves_it_and_opens_the_composer()
    {
        var world = await App.CreateWorldAsync();
        var (client, _) = await App.SignedInAsync(Roles.CoalitionLead);

        using var response = await client.SubmitAsync(Url(world.ResolutionId), "form[method=post]:not([action*='sign-out'])", Set(
            ("Input.Title", "Libraries: key concerns"), ("Input.Slug", ""), ("Input.Stance", "Oppose"),
            ("Input.Position", "We oppose it."), ("Input.Introduction", "Some *Markdown*.")));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var briefing = await App.QueryAsync(db => db.Briefings.AsNoTracking().SingleAsync());
        response.Headers.Location!.OriginalString.Should().Be(ComposerUrl(briefing.Id));
        briefing.Title.Should().Be("Libraries: key concerns");
        briefing.Slug.Should().Be("a-hrc-98-l-7-libraries-key-concerns");
        briefing.Stance.Should().Be(BriefingStance.Oppose);
        briefing.PositionStatement.Should().Be("We oppose it.");
        briefing.Introduction.Should().Be("Some *Markdown*.");
        briefing.Status.Should().Be(BriefingStatus.Draft);
    }

    [Theory]
    [InlineData("taken-address")]
    [InlineData("")]
    public async Task An_address_already_in_use_is_refused_with_400_and_nothing_saved(string typed)
    {
        var world = await App.CreateWorldAsync();
        var (client, _) = await App.SignedInAsync(Roles.CoalitionLead);
        // The first briefing holds both the typed address and the one the title makes.
        await App.CreateBriefingAsync(world, "Taken", "taken-address");
        await App.CreateBriefingAsync(world, "Libraries: key concerns");

        using var response = await client.SubmitAsync(Url(world.ResolutionId), "form[method=post]:not([action*='sign-out'])", Set(
            ("Input.Title", "Libraries: key concerns"), ("Input.Slug", typed)));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var page = await response.ParseAsync();
        page.AlertText().Should().Contain("is already used by");
        page.QuerySelector("#Input_Slug.is-invalid").Should().NotBeNull();
        (await App.QueryAsync(db => db.Briefings.CountAsync())).Should().Be(2);
    }

    [Fact]
    public async Task A_briefing_without_a_title_is_refused()
    {
        var world = await App.CreateWorldAsync();
        var (client, _) = await App.SignedInAsync(Roles.CoalitionLead);

        using var response = await client.SubmitAsync(Url(world.ResolutionId), "form[method=post]:not([action*='sign-out'])", Set(("Input.Title", "")));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ParseAsync()).AlertText().Should().Contain("Give the briefing a title");
        (await App.QueryAsync(db => db.Briefings.CountAsync())).Should().Be(0);
    }

    [Fact]
    public async Task An_unknown_resolution_is_404_and_without_one_the_page_asks_which()
    {
        var world = await App.CreateWorldAsync();
        var (client, _) = await App.SignedInAsync(Roles.CoalitionLead);

        (await client.GetStatusAsync("/desk/briefings/new?resolution=999999")).Should().Be(HttpStatusCode.NotFound);
        (await client.GetStatusAsync("/desk/briefings/new?resolution=abc")).Should().Be(HttpStatusCode.NotFound);
        var page = await client.GetDocumentAsync("/desk/briefings/new");
        page.QuerySelectorAll("#pick-resolution option").Select(o => o.GetAttribute("value")).Should().Contain(world.ResolutionId.S());
    }
}

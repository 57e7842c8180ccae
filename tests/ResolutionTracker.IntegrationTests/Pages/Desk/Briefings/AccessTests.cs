using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using ResolutionTracker.IntegrationTests.Fixture;
using ResolutionTracker.IntegrationTests.Pages.Desk.Concerns;
using ResolutionTracker.Web.Authorization;
using static ResolutionTracker.IntegrationTests.Pages.Desk.Briefings.BriefingKit;
using static ResolutionTracker.IntegrationTests.Pages.Desk.Concerns.ConcernKit;

namespace ResolutionTracker.IntegrationTests.Pages.Desk.Briefings;

// Briefings are the coalition leads' (and admins') work: staff are refused every page and every form, visitors are sent to sign in.
public sealed class AccessTests(AppFactory app) : AppTest(app)
{
    private static readonly string[] ComposerHandlers =
    [
        "Edit", "AddConcern", "MoveConcern", "RemoveConcern", "AddRecommendation", "EditRecommendation", "MoveRecommendation", "RemoveRecommendation",
        "AddSignatory", "MoveSignatory", "RemoveSignatory", "AddFootnote", "EditFootnote", "MoveFootnote", "RemoveFootnote",
    ];

    private static IEnumerable<string> Pages(int id) =>
        ["/desk/briefings", "/desk/briefings/new", "/desk/briefings/new?resolution=1", ComposerUrl(id), PreviewUrl(id)];

    [Fact]
    public async Task Staff_are_refused_every_briefing_page_and_every_forged_post_and_nothing_changes()
    {
        var world = await App.CreateWorldAsync();
        var concern = await App.CreateApprovedConcernAsync(world, "Funding is left to States");
        var id = await App.CreateBriefingAsync(world);
        var (staff, _) = await App.SignedInAsync(Roles.Staff);
        var before = await App.LoadBriefingAsync(id);
        var version = before.RowVersion.ToString(CultureInfo.InvariantCulture);

        foreach (var url in Pages(id))
        {
            using var get = await staff.GetAsync(new Uri(url, UriKind.Relative));
            get.ShouldBeForbidden();
        }
        foreach (var handler in ComposerHandlers)
        {
            using var post = await staff.ForgeAsync($"{ComposerUrl(id)}?handler={handler}",
                [new("ConcernId", concern.S()), new("Version", version), new("Header.Title", "Planted"), new("Recommendation.Text", "Planted"), new("Input.Text", "Planted")]);
            post.ShouldBeForbidden();
        }
        using (var publish = await staff.ForgeAsync($"{PreviewUrl(id)}?handler=Publish", [new("Version", version)]))
            publish.ShouldBeForbidden();
        using (var create = await staff.ForgeAsync($"/desk/briefings/new?resolution={world.ResolutionId.S()}", [new("Input.Title", "Planted")]))
            create.ShouldBeForbidden();

        var after = await App.LoadBriefingAsync(id);
        after.RowVersion.Should().Be(before.RowVersion);
        after.Concerns.Should().BeEmpty();
        after.Snapshots.Should().BeEmpty();
        (await App.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Briefings))).Should().Be(1);
    }

    [Fact]
    public async Task Visitors_are_sent_to_sign_in()
    {
        var world = await App.CreateWorldAsync();
        var id = await App.CreateBriefingAsync(world);
        var visitor = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        foreach (var url in Pages(id))
        {
            using var response = await visitor.GetAsync(new Uri(url, UriKind.Relative));
            response.StatusCode.Should().Be(HttpStatusCode.Redirect, $"GET {url} should send a visitor to sign in");
            response.Headers.Location!.OriginalString.Should().Contain("/account/sign-in");
        }
        using var content = new FormUrlEncodedContent([new KeyValuePair<string, string>("Version", "1")]);
        using var post = await visitor.PostAsync(new Uri(PreviewUrl(id) + "?handler=Publish", UriKind.Relative), content);
        post.StatusCode.Should().NotBe(HttpStatusCode.OK);
        (await App.LoadBriefingAsync(id)).Snapshots.Should().BeEmpty();
    }

    [Fact]
    public async Task A_post_without_an_antiforgery_token_is_refused()
    {
        var world = await App.CreateWorldAsync();
        var id = await App.CreateBriefingAsync(world);
        var (lead, _) = await App.SignedInAsync(Roles.CoalitionLead);
        var version = (await App.LoadBriefingAsync(id)).RowVersion.ToString(CultureInfo.InvariantCulture);

        using var response = await lead.ForgeAsync($"{ComposerUrl(id)}?handler=AddRecommendation",
            [new("Version", version), new("Recommendation.Text", "Planted")], withToken: false);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await App.LoadBriefingAsync(id)).Recommendations.Should().BeEmpty();
    }
}

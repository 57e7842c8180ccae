using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Concerns;
using ResolutionTracker.IntegrationTests.Fixture;
using ResolutionTracker.Web.Authorization;
using ResolutionTracker.Web.Data;

namespace ResolutionTracker.IntegrationTests.Pages.Desk.Review;

public sealed class IndexTests(AppFactory app) : ReviewTest(app)
{
    [Fact]
    public async Task The_queue_lists_concerns_in_review_oldest_submission_first_and_no_drafts()
    {
        await App.SeedDemoAsync();
        var start = App.Clock.GetUtcNow().AddDays(-3);
        await AddConcernAsync("Submitted second", start.AddHours(2));
        await AddConcernAsync("Submitted first", start);
        await AddConcernAsync("Submitted third", start.AddDays(1));
        await AddConcernAsync("Still a draft", start, submit: false);
        var (lead, _) = await SignInAsync(Roles.CoalitionLead);

        var page = await lead.GetDocumentAsync("/desk/review");

        page.QuerySelectorAll(".review-item h2").Select(Text)
            .Should().Equal("Submitted first", "Submitted second", "Submitted third");
        Text(page.QuerySelector(".review-count")).Should().StartWith("3 concerns are waiting for review");
    }

    [Fact]
    public async Task The_queue_shows_author_resolution_revision_and_submission_date()
    {
        await App.SeedDemoAsync();
        await AddConcernAsync(submittedAt: new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero));
        var (lead, _) = await SignInAsync(Roles.CoalitionLead);

        var page = await lead.GetDocumentAsync("/desk/review");

        var item = Text(page.QuerySelector(".review-item"));
        item.Should().Contain(Demo.L31).And.Contain("Test Staff").And.Contain("4 March 2026").And.Contain("first submission");
    }

    [Fact]
    public async Task An_empty_queue_says_so_and_what_to_do_next()
    {
        var (lead, _) = await SignInAsync(Roles.CoalitionLead);

        var page = await lead.GetDocumentAsync("/desk/review");

        Text(page.QuerySelector(".empty-state")).Should().Contain("When a colleague submits a concern");
        page.QuerySelectorAll(".review-item").Should().BeEmpty();
    }

    [Fact]
    public async Task Admins_see_the_queue_too()
    {
        var (admin, _) = await SignInAsync(Roles.Admin);

        (await admin.GetStatusAsync("/desk/review")).Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Staff_may_not_open_the_queue()
    {
        var (staff, _) = await SignInAsync(Roles.Staff);

        using var response = await staff.GetAsync(new Uri("/desk/review", UriKind.Relative));

        await ShouldBeForbiddenAsync(staff, response);
    }

    [Fact]
    public async Task Anonymous_readers_are_sent_to_sign_in()
    {
        using var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri("/desk/review", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Contain("/account/sign-in");
    }
}

using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.IntegrationTests.Fixture;
using ResolutionTracker.IntegrationTests.Pages.Desk.Briefings;
using ResolutionTracker.IntegrationTests.Pages.Desk.Concerns;
using ResolutionTracker.Web.Authorization;

namespace ResolutionTracker.IntegrationTests.Pages.Desk.History;

public class IndexTests(AppFactory app) : AppTest(app)
{
    private async Task<int> EditFirstConcernAsync(string newHeading)
    {
        var id = await App.QueryAsync(db => db.Concerns.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
        await App.ExecuteAsync(async db =>
        {
            var concern = await db.Concerns.SingleAsync(c => c.Id == id);
            concern.Edit(new Actor(concern.AuthorId, CanReview: true), newHeading, concern.Summary, concern.Body, concern.Severity, App.Clock.GetUtcNow());
        });
        return id;
    }

    [Fact]
    public async Task A_concerns_history_shows_the_old_and_new_heading()
    {
        await App.SeedDemoAsync();
        var id = await EditFirstConcernAsync("Renamed for the history test");
        var client = await App.CreateClientAsUserAsync(Roles.Staff);

        var page = await client.GetDocumentAsync($"/desk/history/concern/{id}");

        var row = page.QuerySelectorAll("tr").Single(tr => tr.TextContent.Contains("Renamed for the history test", StringComparison.Ordinal));
        row.TextContent.Should().Contain(Demo.ConcernHeadings[0]).And.Contain("Heading").And.Contain("Changed");
    }

    [Fact]
    public async Task A_resolutions_history_includes_its_paragraphs()
    {
        await App.SeedDemoAsync();
        var id = await App.QueryAsync(db => db.Resolutions.Where(r => r.Symbol == Demo.L31).Select(r => r.Id).SingleAsync());
        var client = await App.CreateClientAsUserAsync(Roles.Staff);

        var page = await client.GetDocumentAsync($"/desk/history/resolution/{id}");

        page.QuerySelector("h1")!.TextContent.Should().Contain(Demo.L31);
        page.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).Should().Contain(t => t.StartsWith("Paragraph #", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        await App.SeedDemoAsync();
        var client = App.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri("/desk/history/concern/1", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Contain("/account/sign-in");
    }

    [Theory]
    [InlineData("/desk/history/nothing/1")]
    [InlineData("/desk/history/concern/999999")]
    [InlineData("/desk/history/concern/abc")]
    [InlineData("/desk/history/concern/-3")]
    public async Task Unknown_records_give_404(string url)
    {
        await App.SeedDemoAsync();
        var client = await App.CreateClientAsUserAsync(Roles.Staff);

        (await client.GetStatusAsync(url)).Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_admins_read_an_accounts_history()
    {
        var subject = await App.CreateUserAsync(Roles.Staff);
        var staff = await App.CreateClientAsUserAsync(Roles.Staff);
        var admin = await App.CreateClientAsUserAsync(Roles.Admin);

        (await staff.GetStatusAsync($"/desk/history/user/{subject.Id}")).Should().Be(HttpStatusCode.Forbidden);
        var page = await admin.GetDocumentAsync($"/desk/history/user/{subject.Id}");
        page.QuerySelectorAll("td").Select(td => td.TextContent).Should().Contain(t => t.Contains(Roles.Staff, StringComparison.Ordinal) || t.Contains("UserRole", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Staff_may_not_read_a_draft_briefings_introduction_in_its_history_as_they_may_not_open_the_briefing()
    {
        var world = await App.CreateWorldAsync();
        var id = await App.CreateBriefingAsync(world);
        var history = $"/desk/history/briefing/{id.ToString(CultureInfo.InvariantCulture)}";
        using var staff = await App.CreateClientAsUserAsync(Roles.Staff);
        using var lead = await App.CreateClientAsUserAsync(Roles.CoalitionLead);

        (await staff.GetStatusAsync(BriefingKit.ComposerUrl(id))).Should().Be(HttpStatusCode.Forbidden);
        using var refused = await staff.GetAsync(new Uri(history, UriKind.Relative));
        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await refused.Content.ReadAsStringAsync()).Should().NotContain("opposes");
        var page = await lead.GetDocumentAsync(history);
        page.QuerySelectorAll("td").Select(td => td.TextContent).Should().Contain(t => t.Contains("Why the coalition **opposes** the draft.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Staff_asking_for_the_history_of_a_briefing_that_does_not_exist_are_refused_as_for_one_that_does()
    {
        using var staff = await App.CreateClientAsUserAsync(Roles.Staff);

        (await staff.GetStatusAsync("/desk/history/briefing/999999")).Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_record_without_changes_says_so()
    {
        var org = await App.QueryAsync(async db =>
        {
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO organisations (name, slug, kind) VALUES ('Quiet NGO', 'quiet-ngo', 'Ngo')");
            return await db.Organisations.Where(o => o.Slug == "quiet-ngo").Select(o => o.Id).SingleAsync();
        });
        var client = await App.CreateClientAsUserAsync(Roles.Staff);

        var page = await client.GetDocumentAsync($"/desk/history/organisation/{org.ToString(CultureInfo.InvariantCulture)}");

        page.QuerySelector(".empty-state")!.TextContent.Should().Contain("No change has been recorded");
    }
}

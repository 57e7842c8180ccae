using System.Net;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Concerns;
using ResolutionTracker.IntegrationTests.Fixture;
using ResolutionTracker.Web.Authorization;

namespace ResolutionTracker.IntegrationTests.Pages.Public.Concerns;

public sealed class DetailTests(AppFactory app) : AppTest(app)
{
    private const string DraftHeading = "A draft nobody outside the coalition may read yet";

    [Fact]
    public async Task A_published_concern_is_shown_to_anonymous_readers()
    {
        await App.SeedDemoAsync();
        var id = await PublishedConcernIdAsync(Demo.ConcernHeadings[3]);
        using var client = App.CreateClient();

        var page = await client.GetDocumentAsync($"/concerns/{id}");

        page.QuerySelector("h1")!.TextContent.Trim().Should().Be(Demo.ConcernHeadings[3]);
    }

    [Fact]
    public async Task A_published_concern_shows_its_footnotes_with_links_to_the_cited_documents()
    {
        await App.SeedDemoAsync();
        var id = await PublishedConcernIdAsync(Demo.ConcernHeadings[0]);
        using var client = App.CreateClient();

        var page = await client.GetDocumentAsync($"/concerns/{id}");

        page.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href"))
            .Should().Contain("https://undocs.org/en/A/HRC/RES/37/23")
            .And.Contain("https://www.ohchr.org/Documents/HRBodies/HRCouncil/AdvisoryCom/TechnicalAssistance/China_English.pdf");
    }

    [Fact]
    public async Task An_unknown_concern_gives_404()
    {
        using var client = App.CreateClient();

        var status = await client.GetStatusAsync("/concerns/987654");

        status.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_draft_concern_is_not_found_for_anonymous_readers()
    {
        await App.SeedDemoAsync();
        var id = await AddDraftConcernAsync();
        using var client = App.CreateClient();

        var status = await client.GetStatusAsync($"/concerns/{id}");

        status.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_draft_concern_is_shown_to_signed_in_staff()
    {
        await App.SeedDemoAsync();
        var id = await AddDraftConcernAsync();
        using var client = await App.CreateClientAsUserAsync(Roles.Staff);

        var page = await client.GetDocumentAsync($"/concerns/{id}");

        page.QuerySelector("h1")!.TextContent.Trim().Should().Be(DraftHeading);
    }

    private Task<int> PublishedConcernIdAsync(string heading) =>
        App.QueryAsync(db => db.Concerns.Where(c => c.Heading == heading).Select(c => c.Id).SingleAsync());

    private async Task<int> AddDraftConcernAsync()
    {
        var author = await App.CreateUserAsync(Roles.Staff);
        var concern = default(Concern);
        await App.ExecuteAsync(async db =>
        {
            var resolution = await db.Resolutions.SingleAsync(r => r.Symbol == Demo.L31);
            concern = new Concern(resolution, author.Id, DraftHeading, "Still being written.", null, Severity.Low, App.Clock.GetUtcNow());
            db.Concerns.Add(concern);
        });
        return concern!.Id;
    }
}

using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.IntegrationTests.Fixture;

namespace ResolutionTracker.IntegrationTests.Pages.Public.Resolutions;

public sealed class IndexTests(AppFactory app) : AppTest(app)
{
    [Fact]
    public async Task Filtering_by_status_lists_exactly_the_resolutions_with_that_status()
    {
        await App.SeedDemoAsync();
        var adopted = await App.QueryAsync(db => db.Resolutions.Where(r => r.Status == ResolutionStatus.Adopted).Select(r => r.Symbol).ToListAsync());
        using var client = App.CreateClient();

        var page = await client.GetDocumentAsync("/resolutions?status=Adopted");

        Symbols(page).Should().BeEquivalentTo(adopted).And.Contain(Demo.Predecessor);
    }

    [Fact]
    public async Task Filtering_by_session_lists_exactly_the_resolutions_of_that_session()
    {
        await App.SeedDemoAsync();
        var session43 = await App.QueryAsync(db => db.Resolutions.Where(r => r.Session.Number == 43).Select(r => r.Symbol).ToListAsync());
        using var client = App.CreateClient();

        var page = await client.GetDocumentAsync("/resolutions?session=43");

        Symbols(page).Should().BeEquivalentTo(session43).And.Contain(Demo.L31);
    }

    [Theory]
    [InlineData("status=Approvedish")]
    [InlineData("session=forty-three")]
    [InlineData("session=99999999999999999999")]
    [InlineData("body=%3Cscript%3E")]
    [InlineData("page=-5")]
    public async Task An_unknown_filter_value_still_lists_the_resolutions(string query)
    {
        await App.SeedDemoAsync();
        var count = await App.QueryAsync(db => db.Resolutions.CountAsync());
        using var client = App.CreateClient();

        var page = await client.GetDocumentAsync($"/resolutions?{query}");

        Symbols(page).Should().HaveCount(count);
    }

    private static List<string> Symbols(IHtmlDocument page) =>
        page.QuerySelectorAll("table.table-resolutions tbody tr td:first-child a").Select(a => a.TextContent.Trim()).ToList();
}

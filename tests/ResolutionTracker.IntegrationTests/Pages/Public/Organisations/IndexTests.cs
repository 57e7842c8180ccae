using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Organisations;
using ResolutionTracker.IntegrationTests.Fixture;
using ResolutionTracker.Web.Pages.Public.Organisations;

namespace ResolutionTracker.IntegrationTests.Pages.Public.Organisations;

public sealed class IndexTests(AppFactory app) : AppTest(app)
{
    [Fact]
    public async Task Filtering_by_kind_lists_exactly_the_organisations_of_that_kind()
    {
        await App.SeedDemoAsync();
        var ngos = await App.QueryAsync(db => db.Organisations.Where(o => o.Kind == OrganisationKind.Ngo).Select(o => o.Name).ToListAsync());
        using var client = App.CreateClient();

        var page = await client.GetDocumentAsync($"/organisations?kind={IndexModel.ToValue(OrganisationKind.Ngo)}");

        Names(page).Should().BeEquivalentTo(ngos);
    }

    [Fact]
    public async Task Filtering_by_regional_group_lists_exactly_the_states_of_that_group()
    {
        await App.SeedDemoAsync();
        var weog = await App.QueryAsync(db => db.Organisations
            .Where(o => o.RegionalGroup == RegionalGroup.WesternEuropeanAndOthers).Select(o => o.Name).ToListAsync());
        using var client = App.CreateClient();

        var page = await client.GetDocumentAsync($"/organisations?group={IndexModel.ToValue(RegionalGroup.WesternEuropeanAndOthers)}");

        Names(page).Should().BeEquivalentTo(weog);
    }

    [Fact]
    public async Task The_second_page_lists_the_next_20_organisations_by_name()
    {
        await App.SeedDemoAsync();
        var expected = await App.QueryAsync(db => db.Organisations.OrderBy(o => o.Name).Skip(20).Take(20).Select(o => o.Name).ToListAsync());
        using var client = App.CreateClient();

        var page = await client.GetDocumentAsync("/organisations?page=2");

        Names(page).Should().Equal(expected);
    }

    [Fact]
    public async Task The_pager_links_to_the_next_page_keeping_the_filters()
    {
        await App.SeedDemoAsync();
        using var client = App.CreateClient();

        var page = await client.GetDocumentAsync($"/organisations?kind={IndexModel.ToValue(OrganisationKind.State)}");

        var next = page.QuerySelector("a[rel=next]")?.GetAttribute("href");
        next.Should().NotBeNull().And.Contain("page=2").And.Contain($"kind={IndexModel.ToValue(OrganisationKind.State)}");
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("0")]
    [InlineData("99999999999999999999")]
    public async Task A_malformed_page_number_shows_the_first_page(string pageNumber)
    {
        await App.SeedDemoAsync();
        var first = await App.QueryAsync(db => db.Organisations.OrderBy(o => o.Name).Take(20).Select(o => o.Name).ToListAsync());
        using var client = App.CreateClient();

        var page = await client.GetDocumentAsync($"/organisations?page={Uri.EscapeDataString(pageNumber)}");

        Names(page).Should().Equal(first);
    }

    [Fact]
    public async Task A_page_past_the_end_shows_the_last_page()
    {
        await App.SeedDemoAsync();
        var total = await App.QueryAsync(db => db.Organisations.CountAsync());
        var last = await App.QueryAsync(db => db.Organisations.OrderBy(o => o.Name).Skip((total - 1) / 20 * 20).Select(o => o.Name).ToListAsync());
        using var client = App.CreateClient();

        var page = await client.GetDocumentAsync("/organisations?page=500");

        Names(page).Should().Equal(last);
    }

    [Theory]
    [InlineData("kind=planet")]
    [InlineData("group=martian")]
    public async Task An_unknown_filter_value_gives_400(string query)
    {
        using var client = App.CreateClient();

        var status = await client.GetStatusAsync($"/organisations?{query}");

        status.Should().Be(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("%", "50% Coalition")]
    [InlineData("_", "Rights_Watch")]
    [InlineData("\\", "Back\\slash Forum")]
    public async Task The_name_search_matches_like_wildcards_as_typed(string typed, string only)
    {
        await App.ExecuteAsync(db =>
        {
            db.Organisations.AddRange(
                new Organisation("50% Coalition", OrganisationKind.Ngo),
                new Organisation("Rights_Watch", OrganisationKind.Ngo),
                new Organisation("Rights Network", OrganisationKind.Ngo),
                new Organisation("Back\\slash Forum", OrganisationKind.Ngo));
            return Task.CompletedTask;
        });
        using var client = App.CreateClient();

        var page = await client.GetDocumentAsync($"/organisations?q={Uri.EscapeDataString(typed)}");

        Names(page).Should().Equal(only);
    }

    // The organisation names in the list, in the order shown.
    private static List<string> Names(IHtmlDocument page) =>
        page.QuerySelectorAll("table tbody tr td:first-child a").Select(a => a.TextContent.Trim()).ToList();
}

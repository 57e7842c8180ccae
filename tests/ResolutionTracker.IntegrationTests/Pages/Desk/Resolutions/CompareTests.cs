using System.Net;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.IntegrationTests.Fixture;
using ResolutionTracker.IntegrationTests.Resolutions;
using ResolutionTracker.Web.Authorization;

namespace ResolutionTracker.IntegrationTests.Pages.Desk.Resolutions;

public sealed class CompareTests(AppFactory app) : AppTest(app)
{
    private async Task<(Revisions.Ids L1, int Rev1)> TwoVersionsAsync()
    {
        var l1 = await Revisions.AddL1Async(App);
        var rev1 = await Revisions.AddRev1Async(App, l1.ResolutionId);
        return (l1, rev1.Version.Id);
    }

    [Fact]
    public async Task By_default_the_latest_version_is_compared_with_the_one_before_it_paragraph_by_paragraph()
    {
        var (l1, rev1) = await TwoVersionsAsync();
        using var client = await App.CreateClientAsUserAsync(Roles.Staff);

        var page = await client.GetDocumentAsync($"/desk/resolutions/{l1.ResolutionId}/compare");

        page.QuerySelector("h2#cmp-summary")!.TextContent.Should().Be("L.1 → L.1/Rev.1");
        page.QuerySelectorAll(".compare-counts li").Select(li => li.TextContent.Trim())
            .Should().Equal("4 paragraphs kept", "1 changed", "1 added", "1 deleted", "1 moved");
        page.QuerySelector("#cmp-from option[selected]")!.GetAttribute("value").Should().Be(l1.L1.ToString(System.Globalization.CultureInfo.InvariantCulture));
        page.QuerySelector("#cmp-to option[selected]")!.GetAttribute("value").Should().Be(rev1.ToString(System.Globalization.CultureInfo.InvariantCulture));
        page.QuerySelectorAll(".compare-row .cmp-kind .cmp-badge").Select(b => b.TextContent.Trim()).Should().Equal(
            "Kept", "Kept", "Changed", "Deleted", "Added", "Kept", "Moved from OP 1");
    }

    [Fact]
    public async Task A_changed_paragraph_shows_deleted_and_inserted_words()
    {
        var (l1, _) = await TwoVersionsAsync();
        using var client = await App.CreateClientAsUserAsync(Roles.Staff);

        var page = await client.GetDocumentAsync($"/desk/resolutions/{l1.ResolutionId}/compare");

        var row = page.QuerySelector(".compare-row.cmp-changed")!;
        row.QuerySelector(".cmp-old .cmp-text")!.TextContent.Trim().Should().Be(Revisions.Op2);
        var dels = row.QuerySelectorAll(".cmp-new del").Select(d => d.TextContent.Replace("deleted: ", "", StringComparison.Ordinal)).ToList();
        var inss = row.QuerySelectorAll(".cmp-new ins").Select(d => d.TextContent.Replace("inserted: ", "", StringComparison.Ordinal)).ToList();
        dels.Should().Contain("Calls upon");
        inss.Should().Contain("Urges");
        inss.Should().Contain(i => i.Contains("reprisals", StringComparison.Ordinal));
        row.QuerySelector(".cmp-kind .cmp-was")!.TextContent.Should().Be("was OP 2");
    }

    [Fact]
    public async Task A_moved_paragraph_says_where_it_came_from_and_a_deleted_one_where_it_was()
    {
        var (l1, _) = await TwoVersionsAsync();
        using var client = await App.CreateClientAsUserAsync(Roles.Staff);

        var page = await client.GetDocumentAsync($"/desk/resolutions/{l1.ResolutionId}/compare");

        var moved = page.QuerySelector(".compare-row.cmp-moved")!;
        moved.Id.Should().Be("new-op4");
        moved.QuerySelector(".cmp-badge")!.TextContent.Trim().Should().Be("Moved from OP 1");
        var deleted = page.QuerySelector(".compare-row.cmp-deleted")!;
        deleted.Id.Should().Be("old-op3");
        deleted.QuerySelector(".cmp-new .cmp-none")!.TextContent.Should().Be("Not in L.1/Rev.1");
        deleted.QuerySelector(".cmp-old .cmp-text")!.TextContent.Should().Contain("(a)").And.Contain("On legislation;");
    }

    [Fact]
    public async Task Only_changes_hides_the_paragraphs_that_stayed_as_they_were()
    {
        var (l1, rev1) = await TwoVersionsAsync();
        using var client = await App.CreateClientAsUserAsync(Roles.Staff);

        var page = await client.GetDocumentAsync($"/desk/resolutions/{l1.ResolutionId}/compare?from={l1.L1}&to={rev1}&show=changes");

        page.QuerySelectorAll(".compare-row").Should().HaveCount(4);
        page.QuerySelectorAll(".compare-row.cmp-kept").Should().BeEmpty();
    }

    [Fact]
    public async Task Versions_can_be_compared_the_other_way_round()
    {
        var (l1, rev1) = await TwoVersionsAsync();
        using var client = await App.CreateClientAsUserAsync(Roles.Staff);

        var page = await client.GetDocumentAsync($"/desk/resolutions/{l1.ResolutionId}/compare?from={rev1}&to={l1.L1}");

        page.QuerySelector("h2#cmp-summary")!.TextContent.Should().Be("L.1/Rev.1 → L.1");
        page.QuerySelector(".compare-help strong").Should().NotBeNull();
    }

    [Fact]
    public async Task The_same_version_on_both_sides_is_a_bad_request_with_a_message()
    {
        var (l1, rev1) = await TwoVersionsAsync();
        using var client = await App.CreateClientAsUserAsync(Roles.Staff);

        using var response = await client.GetAsync(new Uri($"/desk/resolutions/{l1.ResolutionId}/compare?from={rev1}&to={rev1}", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var page = await response.ParseAsync();
        page.QuerySelector(".alert-danger")!.TextContent.Should().Contain("Choose two different versions");
        page.QuerySelector("form.compare-picker").Should().NotBeNull("the user can pick again");
    }

    [Theory]
    [InlineData("?from=999999")]
    [InlineData("?to=999999")]
    [InlineData("?from=OTHER")]
    public async Task An_unknown_or_foreign_version_is_not_found(string query)
    {
        var (l1, _) = await TwoVersionsAsync();
        var other = await TestResolution.AddAsync(App, "A/HRC/98/L.2", 98);
        var otherVersion = await App.QueryAsync(db => db.Versions.Where(v => v.ResolutionId == other.Id).Select(v => v.Id).SingleAsync());
        using var client = await App.CreateClientAsUserAsync(Roles.Staff);

        var status = await client.GetStatusAsync($"/desk/resolutions/{l1.ResolutionId}/compare{query.Replace("OTHER", otherVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)}");

        status.Should().Be(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/desk/resolutions/999999/compare")]
    [InlineData("/desk/resolutions/abc/compare")]
    public async Task An_unknown_resolution_is_not_found(string url)
    {
        using var client = await App.CreateClientAsUserAsync(Roles.Staff);

        (await client.GetStatusAsync(url)).Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_malformed_version_id_is_a_bad_request_not_an_error()
    {
        var (l1, _) = await TwoVersionsAsync();
        using var client = await App.CreateClientAsUserAsync(Roles.Staff);

        using var response = await client.GetAsync(new Uri($"/desk/resolutions/{l1.ResolutionId}/compare?from=abc", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ParseAsync()).QuerySelector(".alert-danger")!.TextContent.Should().Contain("Choose the versions to compare");
    }

    [Fact]
    public async Task A_resolution_with_one_version_says_a_comparison_needs_two()
    {
        var one = await TestResolution.AddAsync(App);
        using var client = await App.CreateClientAsUserAsync(Roles.Staff);

        var page = await client.GetDocumentAsync($"/desk/resolutions/{one.Id}/compare");

        page.QuerySelector(".empty-state")!.TextContent.Should().Contain("Only one version (L.1)");
        page.QuerySelector(".compare").Should().BeNull();
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        var (l1, _) = await TwoVersionsAsync();
        using var client = App.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri($"/desk/resolutions/{l1.ResolutionId}/compare", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Contain("/account/sign-in");
    }

    [Fact]
    public async Task The_working_view_links_to_the_comparison_and_each_version_to_its_predecessor()
    {
        var (l1, rev1) = await TwoVersionsAsync();
        using var client = await App.CreateClientAsUserAsync(Roles.Staff);

        var page = await client.GetDocumentAsync($"/desk/resolutions/{l1.ResolutionId}");

        page.QuerySelectorAll(".working-links a").Select(a => a.TextContent).Should().Contain("Compare L.1 with L.1/Rev.1");
        var rowLink = page.QuerySelectorAll("#versions ~ table a, table a").Single(a => a.TextContent == "Compare with L.1");
        rowLink.GetAttribute("href").Should().Be($"/desk/resolutions/{l1.ResolutionId}/compare?from={l1.L1}&to={rev1}");
    }
}

using System.Net;
using AngleSharp.Dom;
using ResolutionTracker.IntegrationTests.Fixture;
using ResolutionTracker.Web.Authorization;

namespace ResolutionTracker.IntegrationTests.Pages.Desk.Resolutions;

public sealed class IndexTests(AppFactory app) : AppTest(app)
{
    [Fact]
    public async Task The_list_links_each_resolution_to_its_working_view_with_its_open_notes()
    {
        var resolution = await TestResolution.AddAsync(App);
        var author = await App.CreateUserAsync(Roles.Staff);
        await TestResolution.AddNoteAsync(App, resolution.Op1, author.Id, "Open note.");
        await TestResolution.AddNoteAsync(App, resolution.Pp1, author.Id, "Another open note.");
        using var client = await App.CreateClientAsUserAsync(Roles.Staff);

        var page = await client.GetDocumentAsync("/desk/resolutions");

        var row = page.QuerySelectorAll("tbody tr").Should().ContainSingle().Subject;
        row.QuerySelector("a")!.GetAttribute("href").Should().Be(resolution.Path);
        Text(row.QuerySelector("td[data-label='Open notes']")!).Should().Be("2");
        Text(page.QuerySelector(".result-count")!).Should().Be("1 resolution");
    }

    [Fact]
    public async Task A_filter_that_matches_nothing_says_so()
    {
        await TestResolution.AddAsync(App);
        using var client = await App.CreateClientAsUserAsync(Roles.Staff);

        var page = await client.GetDocumentAsync("/desk/resolutions?status=Adopted");

        page.QuerySelectorAll("tbody tr").Should().BeEmpty();
        Text(page.QuerySelector(".empty-state")!).Should().Contain("No resolution matches these filters");
    }

    [Fact]
    public async Task An_unknown_filter_value_is_ignored_and_said_so()
    {
        await TestResolution.AddAsync(App);
        using var client = await App.CreateClientAsUserAsync(Roles.Staff);

        var page = await client.GetDocumentAsync("/desk/resolutions?status=Nonsense&session=x&page=-3");

        page.QuerySelectorAll("tbody tr").Should().ContainSingle();
        Text(page.QuerySelector(".notice")!).Should().Contain("status “Nonsense”").And.Contain("session “x”");
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_sign_in()
    {
        using var client = App.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri("/desk/resolutions", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.Should().Be("/account/sign-in");
    }

    private static string Text(IElement element) => element.TextContent.Trim();
}

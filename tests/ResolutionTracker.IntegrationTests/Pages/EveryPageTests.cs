using ResolutionTracker.IntegrationTests.Authorization;
using ResolutionTracker.IntegrationTests.Fixture;
using ResolutionTracker.Web.Authorization;

namespace ResolutionTracker.IntegrationTests.Pages;

// Every Razor page the app maps, with its route values filled from the demo data, answers without a server error.
public sealed class EveryPageTests(AppFactory app) : AppTest(app)
{
    [Fact]
    public async Task Every_page_answers_anonymous_readers_without_a_server_error()
    {
        await App.SeedDemoAsync();
        var urls = await PageUrlsAsync();
        using var client = App.CreateClient();

        var failures = await ServerErrorsAsync(client, urls);

        urls.Should().Contain("/resolutions/A/HRC/43/L.31", "the pages are found from the app's endpoints");
        failures.Should().BeEmpty();
    }

    [Fact]
    public async Task Every_page_answers_a_signed_in_admin_without_a_server_error()
    {
        await App.SeedDemoAsync();
        var urls = await PageUrlsAsync();
        using var client = await App.CreateClientAsUserAsync(Roles.Admin);

        var failures = await ServerErrorsAsync(client, urls);

        failures.Should().BeEmpty();
    }

    private static async Task<List<string>> ServerErrorsAsync(HttpClient client, IEnumerable<string> urls)
    {
        var failures = new List<string>();
        foreach (var url in urls)
        {
            var status = await client.GetStatusAsync(url);
            if ((int)status >= 500)
                failures.Add($"GET {url} answered {(int)status} {status}");
        }
        return failures;
    }

    private async Task<List<string>> PageUrlsAsync() =>
        (await PageCatalog.DemoPageUrlsAsync(App))
            // The exception handler's page answers 500 by design: it is what a server error looks like.
            .Where(url => !string.Equals(url, "/Error", StringComparison.OrdinalIgnoreCase))
            .ToList();
}

using Microsoft.EntityFrameworkCore;
using ResolutionTracker.IntegrationTests.Fixture;

namespace ResolutionTracker.IntegrationTests.Pages.Public.Resolutions;

// The public resolution page is output-cached for visitors and refreshed by any save of a public record.
public class CacheTests(AppFactory app) : AppTest(app)
{
    [Fact]
    public async Task A_saved_change_reaches_visitors_at_once_though_the_page_is_cached()
    {
        await App.SeedDemoAsync();
        using var visitor = App.CreateClient();
        var before = await visitor.GetDocumentAsync($"/resolutions/{Demo.L31}");
        before.QuerySelector("h1")!.TextContent.Should().Contain("mutually beneficial cooperation");

        await App.ExecuteAsync(async db =>
            (await db.Resolutions.SingleAsync(r => r.Symbol == Demo.L31)).Retitle("A retitled draft for the cache test"));

        var after = await visitor.GetDocumentAsync($"/resolutions/{Demo.L31}");
        after.QuerySelector("h1")!.TextContent.Should().Contain("A retitled draft for the cache test");
    }

    [Fact]
    public async Task Visitors_are_served_the_cached_page_until_something_public_changes()
    {
        await App.SeedDemoAsync();
        using var visitor = App.CreateClient();
        await visitor.GetDocumentAsync($"/resolutions/{Demo.L31}");

        // A change the app did not make through its own saves (here raw SQL) is not seen until the cache is refreshed.
        await App.ExecuteAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE resolutions SET title = 'Changed behind the app' WHERE symbol = {0}", Demo.L31));

        var cached = await visitor.GetDocumentAsync($"/resolutions/{Demo.L31}");
        cached.QuerySelector("h1")!.TextContent.Should().NotContain("Changed behind the app");
    }
}

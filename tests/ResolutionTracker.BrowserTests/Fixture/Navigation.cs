using Microsoft.Playwright;

namespace ResolutionTracker.BrowserTests.Fixture;

public static class Navigation
{
    // GotoAsync returns once the page and its stylesheets and scripts have loaded; a page that failed is a failed step.
    public static async Task GoAsync(this IPage page, string path)
    {
        ArgumentNullException.ThrowIfNull(page);
        var response = await page.GotoAsync(path);
        response.Should().NotBeNull();
        response!.Status.Should().Be(200, $"GET {path} should succeed");
    }
}

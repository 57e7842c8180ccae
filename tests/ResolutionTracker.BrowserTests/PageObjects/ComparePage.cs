using Microsoft.Playwright;
using ResolutionTracker.BrowserTests.Fixture;

namespace ResolutionTracker.BrowserTests.PageObjects;

// /desk/resolutions/{id}/compare: two versions of a resolution, word by word.
public sealed class ComparePage(IPage page)
{
    public static async Task<ComparePage> OpenAsync(IPage page, string workingViewAddress)
    {
        await page.GoAsync(workingViewAddress + "/compare");
        return new ComparePage(page);
    }

    public ILocator Inserted(string words) => page.Locator("ins", new() { HasText = words });
}

using Microsoft.Playwright;
using ResolutionTracker.BrowserTests.Fixture;

namespace ResolutionTracker.BrowserTests.PageObjects;

// /desk: a signed-in person's own work, starting with what reviewers sent back.
public sealed class DeskPage(IPage page)
{
    public static async Task<DeskPage> OpenAsync(IPage page)
    {
        await page.GoAsync("/desk");
        return new DeskPage(page);
    }

    public ILocator SentBack => page.Locator("section[aria-labelledby='sent-back-heading']");

    public async Task<ConcernPage> OpenSentBackAsync(string heading)
    {
        await SentBack.GetByRole(AriaRole.Link, new() { Name = heading }).ClickAsync();
        return new ConcernPage(page);
    }
}

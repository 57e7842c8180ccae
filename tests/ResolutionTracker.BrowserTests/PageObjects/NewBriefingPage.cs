using System.Globalization;
using Microsoft.Playwright;
using ResolutionTracker.BrowserTests.Fixture;

namespace ResolutionTracker.BrowserTests.PageObjects;

// /desk/briefings/new?resolution={id}: a briefing's title and address, before anything goes in it.
public sealed class NewBriefingPage(IPage page)
{
    public static async Task<NewBriefingPage> OpenAsync(IPage page, int resolutionId)
    {
        await page.GoAsync($"/desk/briefings/new?resolution={resolutionId.ToString(CultureInfo.InvariantCulture)}");
        return new NewBriefingPage(page);
    }

    public ILocator Lede => page.Locator("main .lede");

    public async Task FillAsync(string title, string slug)
    {
        await page.Locator("#Input_Title").FillAsync(title);
        await page.Locator("#Input_Slug").FillAsync(slug);
    }

    public async Task<BriefingComposerPage> StartAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the briefing" }).ClickAsync();
        return new BriefingComposerPage(page);
    }
}

using System.Globalization;
using Microsoft.Playwright;
using ResolutionTracker.BrowserTests.Fixture;

namespace ResolutionTracker.BrowserTests.PageObjects;

// /desk/review lists what waits for a lead; /desk/review/{id} is one concern under review, with what changed.
public sealed class ReviewPage(IPage page)
{
    public static async Task<ReviewPage> OpenQueueAsync(IPage page)
    {
        await page.GoAsync("/desk/review");
        return new ReviewPage(page);
    }

    public static async Task<ReviewPage> OpenAsync(IPage page, int concernId)
    {
        await page.GoAsync($"/desk/review/{concernId.ToString(CultureInfo.InvariantCulture)}");
        return new ReviewPage(page);
    }

    public ILocator Main => page.Locator("main");
    public ILocator ChangesHeading => page.Locator("#changes-heading");
    public ILocator InsertedWords => page.Locator(".review-diff ins");
    public ILocator DeletedWords => page.Locator(".review-diff del");

    public Task OpenFromQueueAsync(string heading) => page.GetByRole(AriaRole.Link, new() { Name = heading }).ClickAsync();

    public async Task SendBackAsync(string comment)
    {
        await page.GetByLabel("Comment for the author").FillAsync(comment);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send back to the author" }).ClickAsync();
    }

    public Task ApproveAsync(int revision) =>
        page.GetByRole(AriaRole.Button, new() { Name = $"Approve revision {revision.ToString(CultureInfo.InvariantCulture)}" }).ClickAsync();
}

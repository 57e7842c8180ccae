using Microsoft.Playwright;
using ResolutionTracker.BrowserTests.Fixture;

namespace ResolutionTracker.BrowserTests.PageObjects;

// /desk/concerns/new and /desk/concerns/{id}/edit: the same fields, a different button.
public sealed class ConcernFormPage(IPage page)
{
    public static async Task<ConcernFormPage> OpenEditAsync(IPage page, int concernId)
    {
        await page.GoAsync($"/desk/concerns/{concernId}/edit");
        return new ConcernFormPage(page);
    }

    public ILocator TickedParagraphs => page.Locator("input[type=checkbox][name='Input.ParagraphIds']:checked");

    public async Task FillAsync(string heading, string summary, string body)
    {
        await page.Locator("#Input_Heading").FillAsync(heading);
        await page.Locator("#Input_Summary").FillAsync(summary);
        await FillBodyAsync(body);
    }

    public Task FillBodyAsync(string body) => page.Locator("#Input_Body").FillAsync(body);

    public Task<ConcernPage> SaveDraftAsync() => SaveAsync("Save draft");

    public Task<ConcernPage> SaveChangesAsync() => SaveAsync("Save changes");

    private async Task<ConcernPage> SaveAsync(string button)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
        return new ConcernPage(page);
    }
}

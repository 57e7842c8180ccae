using System.Globalization;
using Microsoft.Playwright;
using ResolutionTracker.BrowserTests.Fixture;

namespace ResolutionTracker.BrowserTests.PageObjects;

// /desk/concerns/{id}: a concern as its author and reviewers see it, with its state and the next step.
public sealed class ConcernPage(IPage page)
{
    public static async Task<ConcernPage> OpenAsync(IPage page, int concernId)
    {
        await page.GoAsync($"/desk/concerns/{concernId.ToString(CultureInfo.InvariantCulture)}");
        return new ConcernPage(page);
    }

    public int Id => int.Parse(new Uri(page.Url).AbsolutePath.Split('/')[^1], CultureInfo.InvariantCulture);
    public ILocator Heading => page.Locator("h1");
    public ILocator Main => page.Locator("main");
    public ILocator BoldWords => page.Locator("main strong");
    public ILocator SymbolLink(string symbol) => page.Locator($"a.un-symbol[href$='{symbol}']").First;

    public async Task<FootnotesPage> OpenFootnotesAsync(int count)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = $"Footnotes ({count.ToString(CultureInfo.InvariantCulture)})" }).ClickAsync();
        return new FootnotesPage(page);
    }

    public async Task<ConcernFormPage> EditAsync()
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit", Exact = true }).ClickAsync();
        return new ConcernFormPage(page);
    }

    public Task SubmitForReviewAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
}

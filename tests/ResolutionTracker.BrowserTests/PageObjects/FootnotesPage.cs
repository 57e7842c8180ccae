using Microsoft.Playwright;

namespace ResolutionTracker.BrowserTests.PageObjects;

// /desk/concerns/{id}/footnotes: a concern's footnotes and the form that adds one.
public sealed class FootnotesPage(IPage page)
{
    public ILocator Main => page.Locator("main");

    public async Task AddAsync(string text, string citedSymbols)
    {
        var add = page.Locator("section.footnote-add");
        await add.GetByLabel("Text").FillAsync(text);
        await add.GetByLabel("Cited document symbols").FillAsync(citedSymbols);
        await add.GetByRole(AriaRole.Button, new() { Name = "Add footnote" }).ClickAsync();
    }
}

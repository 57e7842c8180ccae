using Microsoft.Playwright;
using ResolutionTracker.BrowserTests.Fixture;

namespace ResolutionTracker.BrowserTests.PageObjects;

// /desk/resolutions/import: paste a text, read it, correct what the reader got wrong, save it.
public sealed class ImportPage(IPage page)
{
    public static async Task<ImportPage> OpenAsync(IPage page)
    {
        await page.GoAsync("/desk/resolutions/import");
        return new ImportPage(page);
    }

    // The way people find it: the button on the list of resolutions.
    public static async Task<ImportPage> OpenFromResolutionsAsync(IPage page)
    {
        await page.GoAsync("/desk/resolutions");
        await page.GetByRole(AriaRole.Link, new() { Name = "Import a text" }).ClickAsync();
        return new ImportPage(page);
    }

    public ILocator Counts => page.Locator(".import-counts");
    public ILocator UnmatchedSponsors => page.Locator(".import-unmatched");
    public ILocator SaveAsVersion => page.GetByLabel("a new version of an existing resolution");
    public ILocator VersionLabel => page.GetByLabel("Version label");
    public ILocator Kind(string paragraph) => page.GetByLabel($"Kind of {paragraph}");

    // The paragraph rows are numbered from 0 in reading order (#row-0, #row-1 ...).
    public ILocator Row(int number) => page.Locator($"#row-{number}");

    public Task PasteAsync(string text) => page.GetByLabel("Text of the resolution").FillAsync(text);

    public Task ReadAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Read the text" }).ClickAsync();

    public async Task ReadAsync(string text)
    {
        await PasteAsync(text);
        await ReadAsync();
    }

    public Task ChangeKindAsync(string paragraph, string kind) => Kind(paragraph).SelectOptionAsync(kind);

    public Task CheckAgainAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Check again" }).ClickAsync();

    public Task ChooseNewResolutionAsync() => page.GetByLabel("a new resolution").CheckAsync();

    public Task SaveAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
}

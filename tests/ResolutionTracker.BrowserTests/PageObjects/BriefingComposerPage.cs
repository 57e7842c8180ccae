using System.Globalization;
using Microsoft.Playwright;

namespace ResolutionTracker.BrowserTests.PageObjects;

// /desk/briefings/{id}: the composer, one section each for concerns, recommendations, signatories and notes.
public sealed class BriefingComposerPage(IPage page)
{
    public int Id => int.Parse(new Uri(page.Url).AbsolutePath.Split('/')[^1], CultureInfo.InvariantCulture);
    public ILocator Heading => page.Locator("h1");
    public ILocator Main => page.Locator("main");
    public ILocator Facts => page.Locator(".composer-facts");

    // Approved concerns not yet in the briefing, each an <li> with an id and a button that includes it.
    public ILocator AvailableConcerns => page.Locator("#concerns .composer-available > li");
    public ILocator IncludedConcernTitles => page.Locator("#concerns ol.composer-list > li .record-title");
    public ILocator Recommendations => page.Locator("#recommendations ol.composer-list");
    public ILocator Signatories => page.Locator("#signatories ol.composer-list");
    public ILocator Notes => page.Locator("#notes .footnote-list");

    public async Task<string> AvailableConcernTitleAsync(int index) =>
        (await AvailableConcerns.Nth(index).Locator(".record-title").InnerTextAsync()).Trim();

    public async Task<string> AvailableConcernIdAsync(int index) => (await AvailableConcerns.Nth(index).GetAttributeAsync("id"))!;

    // By the <li>'s id: once one concern is included, the others move up the list.
    public Task IncludeConcernAsync(string itemId) => page.Locator($"#{itemId} button[type=submit]").ClickAsync();

    public Task MoveConcernUpAsync(int position) =>
        page.GetByRole(AriaRole.Button, new() { Name = $"Move up concern {position.ToString(CultureInfo.InvariantCulture)}" }).ClickAsync();

    public async Task AddRecommendationAsync(string text, string addressedTo)
    {
        var section = page.Locator("#recommendations");
        await section.Locator("#rec-text-new").FillAsync(text);
        await section.Locator("#rec-to-new").FillAsync(addressedTo);
        await section.GetByRole(AriaRole.Button, new() { Name = "Add recommendation" }).ClickAsync();
    }

    public async Task AddSignatoryAsync(int organisationId)
    {
        await page.Locator("#OrganisationId").SelectOptionAsync(organisationId.ToString(CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Add signatory" }).ClickAsync();
    }

    public async Task AddNoteAsync(string text, string citedSymbols)
    {
        var section = page.Locator("#notes");
        await section.Locator("#text-new").FillAsync(text);
        await section.Locator("#symbols-new").FillAsync(citedSymbols);
        await section.GetByRole(AriaRole.Button, new() { Name = "Add note" }).ClickAsync();
    }

    public async Task<BriefingPreviewPage> PreviewAsync()
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Preview and publish" }).First.ClickAsync();
        return new BriefingPreviewPage(page);
    }
}

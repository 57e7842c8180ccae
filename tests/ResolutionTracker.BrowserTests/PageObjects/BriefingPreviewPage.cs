using System.Globalization;
using Microsoft.Playwright;

namespace ResolutionTracker.BrowserTests.PageObjects;

// /desk/briefings/{id}/preview: the next version as readers will see it, and the button that publishes it.
public sealed class BriefingPreviewPage(IPage page)
{
    public ILocator Banner => page.Locator(".preview-banner");
    public BriefingDocument Document => new(page.Locator(".preview-frame"));

    public ILocator ConfirmPublish(int version) =>
        page.GetByRole(AriaRole.Button, new() { Name = $"Yes, publish version {version.ToString(CultureInfo.InvariantCulture)}" });

    // Publishing asks first: the button that does it is inside a <details> the lead opens.
    public Task AskToPublishAsync(int version) =>
        page.Locator("summary", new() { HasText = $"Publish version {version.ToString(CultureInfo.InvariantCulture)}" }).ClickAsync();

    public async Task<BriefingComposerPage> ConfirmPublishAsync(int version)
    {
        await ConfirmPublish(version).ClickAsync();
        return new BriefingComposerPage(page);
    }
}

using Microsoft.Playwright;
using ResolutionTracker.BrowserTests.Fixture;

namespace ResolutionTracker.BrowserTests.PageObjects;

// /resolutions/{symbol}: a resolution's text and the coalition's published concerns about it, for anyone.
public sealed class PublicResolutionPage(IPage page)
{
    public ILocator Paragraph(string anchor) => page.Locator($"[id='{anchor}']");
    public ILocator Concern(string heading) => page.GetByText(heading, new() { Exact = true }).First;
}

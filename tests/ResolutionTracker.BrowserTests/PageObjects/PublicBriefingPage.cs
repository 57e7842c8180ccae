using Microsoft.Playwright;
using ResolutionTracker.BrowserTests.Fixture;

namespace ResolutionTracker.BrowserTests.PageObjects;

// /briefings/{slug} and /briefings/{slug}/v/{n}: a published briefing, for anyone.
public sealed class PublicBriefingPage(IPage page)
{
    public static async Task<PublicBriefingPage> OpenAsync(IPage page, string path)
    {
        await page.GoAsync(path);
        return new PublicBriefingPage(page);
    }

    public BriefingDocument Document => new(page.Locator("article.briefing-doc"));
    public ILocator Title => page.Locator("h1");
    public ILocator NewerVersionNotice => page.Locator(".briefing-newer");
    public ILocator NewerVersionLink => page.Locator(".briefing-newer a");
    public ILocator Tools => page.Locator(".briefing-tools");
    public ILocator Footer => page.Locator(".site-footer");
    public ILocator NoteMarker(int index) => page.Locator("sup.note-ref a").Nth(index);
    public ILocator BackFromNote(string noteSelector) => page.Locator($"{noteSelector} a.note-back").First;
    public ILocator Permalink(string concernAnchor) => page.Locator($"#{concernAnchor} a.permalink");
}

using Microsoft.Playwright;

namespace ResolutionTracker.BrowserTests.PageObjects;

// A briefing as readers get it: the same markup in the lead's preview and on the public page.
public sealed class BriefingDocument(ILocator root)
{
    public ILocator Title => root.Locator("h1");
    public ILocator ConcernHeadings => root.Locator(".briefing-concern-heading");
    public ILocator RecommendationGroup => root.Locator(".briefing-recommendation-group");
    public ILocator Recommendations => root.Locator(".briefing-recommendations li");
    public ILocator Signatories => root.Locator(".briefing-signatories > li");
    public ILocator Notes => root.Locator(".briefing-note-list > li");
    public ILocator NotesSection => root.Locator(".briefing-notes");
    public ILocator FirstNoteLink => root.Locator("#note-1 a.un-symbol, #note-1 a").First;
    public ILocator NoteMarkers => root.Locator("sup.note-ref a");

    // The briefing's own notes are marked in its opening: the position or the introduction.
    public ILocator OpeningNoteMarkers =>
        root.Locator(".briefing-position sup.note-ref, section[aria-labelledby='introduction-heading'] sup.note-ref");

    public ILocator SignatoriesHeadingNoteMarkers => root.Locator("#signatories-heading sup.note-ref");
}

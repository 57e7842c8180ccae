using ResolutionTracker.BrowserTests.Fixture;
using ResolutionTracker.BrowserTests.PageObjects;

namespace ResolutionTracker.BrowserTests.Pages.Public.Resolutions;

[Collection(nameof(BrowserGroup))]
public sealed class DetailTests(BrowserApp app)
{
    private const string L31 = "/resolutions/A/HRC/43/L.31";

    private static readonly string[] ConcernHeadings =
    [
        "“Mutually beneficial cooperation”: the key term is never defined",
        "It undermines the Council's mandate to address human rights violations",
        "Cooperation is presented as an end in itself, not as a means to protect rights",
        "National sovereignty set against scrutiny: the “without interference” clause",
        "Silent on reprisals, and civil society left out of the meeting proposed for HRC46",
    ];

    [Fact]
    public async Task The_draft_shows_the_paragraphs_the_coalition_writes_about()
    {
        var page = await app.OpenAsync(L31);
        var resolution = new PublicResolutionPage(page);

        foreach (var anchor in new[] { "pp3", "pp4", "pp8", "pp11" })
            (await resolution.Paragraph(anchor).IsVisibleAsync()).Should().BeTrue($"paragraph #{anchor} is shown");
        (await resolution.Paragraph("pp11").InnerTextAsync()).Should().Contain("inalienable right to choose freely and develop");
        await BrowserApp.SaveScreenshotAsync(page, "resolution-l31");
    }

    [Fact]
    public async Task The_draft_shows_the_five_published_concerns()
    {
        var resolution = new PublicResolutionPage(await app.OpenAsync(L31));

        foreach (var heading in ConcernHeadings)
            (await resolution.Concern(heading).IsVisibleAsync()).Should().BeTrue($"the concern \"{heading}\" is shown");
    }

    [Fact]
    public async Task The_draft_has_no_serious_accessibility_violations()
    {
        var page = await app.OpenAsync(L31);

        await page.ExpectNoSeriousViolationsAsync(L31);
    }

    [Fact]
    public async Task The_draft_fits_a_phone_screen_without_sideways_scrolling()
    {
        var page = await app.OpenAsync(L31, width: 375, height: 812);

        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");

        await BrowserApp.SaveScreenshotAsync(page, "resolution-l31-phone");
        scrollWidth.Should().BeLessThanOrEqualTo(375);
    }
}

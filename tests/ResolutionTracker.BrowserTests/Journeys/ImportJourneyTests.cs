using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ResolutionTracker.BrowserTests.Fixture;
using ResolutionTracker.BrowserTests.PageObjects;
using ResolutionTracker.Web.Authorization;

namespace ResolutionTracker.BrowserTests.Journeys;

// Staff import a draft, correct it, save it, import its revision as a new version and compare the two.
[Collection(nameof(BrowserGroup))]
public sealed class ImportJourneyTests(BrowserApp app)
{
    // Our own text, in the layout PDF extraction gives a Human Rights Council draft.
    private const string Draft = """
        United Nations
        A/HRC/99/L.42

        General Assembly
        Distr.: Limited
        20 March 2099

        Original: English

        Human Rights Council
        Ninety-ninth session
        Agenda item 3
        Promotion and protection of all human rights

        Albania,* Chile and Examplestan: draft resolution

        99/...  Access to public libraries in rural areas

        The Human Rights Council,

        Recalling its resolution 97/11 of 5 October 2097 on access to information,

        Noting with concern that many rural communities have no public library,

        Encourages States to open libraries in every district,

        1.
        Calls upon States to fund public libraries in rural areas:

        (a)
        By setting aside a share of their cultural budgets;

        (b)
        By training librarians;

        2.
        Requests the Secretary-General to report on progress at its one hundred and first session;

        3.
        Decides to remain seized of the matter.
        """;

    private static string Revision => Draft
        .Replace("A/HRC/99/L.42", "A/HRC/99/L.42/Rev.1", StringComparison.Ordinal)
        .Replace("report on progress", "report in writing on progress", StringComparison.Ordinal);

    [Fact]
    public async Task Staff_import_a_draft_correct_it_add_its_revision_and_compare_the_two()
    {
        var page = await app.SignedInAsync(Roles.Staff);

        var import = await ImportPage.OpenFromResolutionsAsync(page);
        await import.PasteAsync(Draft);
        await BrowserApp.SaveScreenshotAsync(page, "import-01-paste");
        await import.ReadAsync();

        (await import.Counts.InnerTextAsync()).Should().Be("3 preambular and 3 operative paragraphs");
        (await import.UnmatchedSponsors.InnerTextAsync()).Should().Contain("Examplestan");
        await BrowserApp.SaveScreenshotAsync(page, "import-02-preview");
        await page.ExpectNoSeriousViolationsAsync("import preview");

        // "Encourages" opens an operative paragraph the draft forgot to number.
        await import.ChangeKindAsync("pp.3", "Operative");
        await import.CheckAgainAsync();
        (await import.Counts.InnerTextAsync()).Should().Be("2 preambular and 4 operative paragraphs");
        await import.Kind("OP 1").ScrollIntoViewIfNeededAsync();
        await BrowserApp.SaveScreenshotAsync(page, "import-03-corrected");

        await import.ChooseNewResolutionAsync();
        await import.SaveAsync();
        await page.WaitForURLAsync(new Regex(@"/desk/resolutions/\d+$"));
        var working = new WorkingViewPage(page);
        (await working.Confirmation.InnerTextAsync()).Should()
            .StartWith("Imported A/HRC/99/L.42: 2 preambular and 4 operative paragraphs");
        var workingAddress = page.Url;
        await BrowserApp.SaveScreenshotAsync(page, "import-04-saved");

        import = await ImportPage.OpenAsync(page);
        await import.ReadAsync(Revision);
        await import.ChangeKindAsync("pp.3", "Operative");
        (await import.SaveAsVersion.IsCheckedAsync()).Should().BeTrue();
        (await import.VersionLabel.InputValueAsync()).Should().Be("L.42/Rev.1");
        await import.SaveAsync();
        await page.WaitForURLAsync(workingAddress);
        (await working.Confirmation.InnerTextAsync()).Should().StartWith("Added L.42/Rev.1 to A/HRC/99/L.42: 5 kept, 1 changed");
        await BrowserApp.SaveScreenshotAsync(page, "import-05-revision");

        var compare = await ComparePage.OpenAsync(page, workingAddress);
        (await compare.Inserted("in writing").CountAsync()).Should().BeGreaterThan(0, "the added words are marked as inserted");
        await BrowserApp.SaveScreenshotAsync(page, "import-06-compare");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_import_preview_fits_a_phone_screen()
    {
        var page = await app.SignedInAsync(Roles.Staff, width: 375, height: 812);
        var import = await ImportPage.OpenAsync(page);
        await import.ReadAsync(Draft);
        // The click only starts the form's navigation: measure the preview once it and its stylesheets are in.
        await import.Row(3).WaitForAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);

        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");

        var full = await BrowserApp.SaveScreenshotAsync(page, "import-07-phone");
        // One paragraph's row at phone width, legible without zooming into the whole page.
        await import.Row(3).ScreenshotAsync(new() { Path = Path.Combine(Path.GetDirectoryName(full)!, "import-08-phone-row.png") });
        scrollWidth.Should().BeLessThanOrEqualTo(375);
        await page.Context.CloseAsync();
    }
}

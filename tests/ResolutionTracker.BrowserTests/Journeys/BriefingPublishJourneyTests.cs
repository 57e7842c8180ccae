using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ResolutionTracker.BrowserTests.Fixture;
using ResolutionTracker.BrowserTests.PageObjects;
using ResolutionTracker.Domain;
using ResolutionTracker.Web.Authorization;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ResolutionTracker.BrowserTests.Journeys;

// Issue 5 in Chromium, as the coalition lead does it: start a briefing on L.31, gather approved concerns and put them
// in order, add a recommendation, signatories and a note, preview, publish; then an anonymous reader opens it.
[Collection(nameof(BrowserGroup))]
public sealed class BriefingPublishJourneyTests(BrowserApp app, ITestOutputHelper output)
{
    private const string L31 = "A/HRC/43/L.31";
    private const string Recommendation = "Journey: vote against the draft unless its operative paragraphs name the human rights it claims to serve.";
    private const string AddressedTo = "Members of the Human Rights Council";
    private const string NoteText = "Journey note: the signatories listed here signed on behalf of their organisations.";
    private const string NoteSymbol = "A/HRC/RES/37/23";

    [Fact]
    public async Task Lead_composes_previews_and_publishes_a_briefing_that_an_anonymous_reader_can_read()
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        var title = $"Journey briefing {unique} on L.31";
        var slug = $"journey-briefing-{unique}";
        var resolutionId = await app.QueryAsync(db => db.Resolutions.Where(r => r.Symbol == L31).Select(r => r.Id).SingleAsync());
        var ngos = await app.QueryAsync(db => db.Organisations.Where(o => o.Kind == OrganisationKind.Ngo)
            .OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).Take(2).ToListAsync());
        ngos.Should().HaveCount(2, "the demo seeds NGOs that can sign");

        var page = await app.SignedInAsync(Roles.CoalitionLead);

        // Start the briefing on L.31 with a title and an address of our own.
        var start = await NewBriefingPage.OpenAsync(page, resolutionId);
        await Expect(start.Lede).ToContainTextAsync(L31);
        await start.FillAsync(title, slug);
        await ShotAsync(page, 1, "new");
        var composer = await start.StartAsync();
        await Expect(composer.Heading).ToHaveTextAsync(title);
        await Expect(page).ToHaveURLAsync(new Regex(@"/desk/briefings/\d+$"));
        var briefingId = composer.Id;
        await Expect(composer.Main).ToContainTextAsync($"/briefings/{slug}");

        // Two approved concerns, then the second moved above the first.
        (await composer.AvailableConcerns.CountAsync()).Should().BeGreaterThanOrEqualTo(2, "the L.31 demo concerns are approved");
        var firstId = await composer.AvailableConcernIdAsync(0);
        var secondId = await composer.AvailableConcernIdAsync(1);
        var firstHeading = await composer.AvailableConcernTitleAsync(0);
        var secondHeading = await composer.AvailableConcernTitleAsync(1);
        await composer.IncludeConcernAsync(firstId);
        await Expect(composer.Main).ToContainTextAsync("Concerns (1)");
        await composer.IncludeConcernAsync(secondId);
        await Expect(composer.Main).ToContainTextAsync("Concerns (2)");
        await Expect(composer.IncludedConcernTitles).ToHaveTextAsync([firstHeading, secondHeading]);
        await composer.MoveConcernUpAsync(position: 2);
        await Expect(composer.IncludedConcernTitles).ToHaveTextAsync([secondHeading, firstHeading]);
        await ShotAsync(page, 2, "concerns-ordered");

        // A recommendation addressed to a group of states.
        await composer.AddRecommendationAsync(Recommendation, AddressedTo);
        await Expect(composer.Recommendations).ToContainTextAsync(Recommendation);
        await Expect(composer.Recommendations).ToContainTextAsync($"Addressed to {AddressedTo}");

        // Two NGOs sign, in this order.
        foreach (var ngo in ngos)
        {
            await composer.AddSignatoryAsync(ngo.Id);
            await Expect(composer.Signatories).ToContainTextAsync(ngo.Name);
        }
        await Expect(composer.Main).ToContainTextAsync("Signatories (2)");

        // A note on the briefing as a whole, citing a symbol.
        await composer.AddNoteAsync(NoteText, NoteSymbol);
        await Expect(composer.Notes).ToContainTextAsync(NoteText);
        await Expect(composer.Main).ToContainTextAsync("Notes (1)");
        await ShotAsync(page, 3, "composer");
        await page.ExpectNoSeriousViolationsAsync("briefing composer");

        // The preview: the concerns in the chosen order, the notes numbered 1..n with the briefing's own note first.
        var preview = await composer.PreviewAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/desk/briefings/{briefingId}/preview$"));
        await Expect(preview.Banner).ToContainTextAsync("Preview of version 1, not published");
        await Expect(preview.Document.Title).ToHaveTextAsync(title);
        await ExpectConcernOrderAsync(preview.Document, secondHeading, firstHeading);
        var previewNotes = await ExpectNotesNumberedAsync(preview.Document);
        output.WriteLine($"preview notes: {previewNotes}");
        await ShotAsync(page, 4, "preview");

        // Publish, confirming in the page.
        await preview.AskToPublishAsync(version: 1);
        await Expect(preview.ConfirmPublish(version: 1)).ToBeVisibleAsync();
        await ShotAsync(page, 5, "confirm-publish");
        composer = await preview.ConfirmPublishAsync(version: 1);
        await Expect(page).ToHaveURLAsync(new Regex($"/desk/briefings/{briefingId}$"));
        await Expect(composer.Main).ToContainTextAsync($"Published version 1: /briefings/{slug}");
        await Expect(composer.Facts).ToContainTextAsync("no unpublished changes");
        await ShotAsync(page, 6, "published");

        // An anonymous reader, in a browser context of their own.
        var reader = await app.NewPageAsync();
        try
        {
            var published = await PublicBriefingPage.OpenAsync(reader, $"/briefings/{slug}");
            await Expect(new SiteHeader(reader).SignIn).ToBeVisibleAsync();
            var doc = published.Document;
            await Expect(doc.Title).ToHaveTextAsync(title);
            await ExpectConcernOrderAsync(doc, secondHeading, firstHeading);
            await Expect(doc.RecommendationGroup).ToHaveTextAsync($"To {AddressedTo}");
            await Expect(doc.Recommendations).ToHaveTextAsync([Recommendation]);
            await Expect(doc.Signatories).ToHaveCountAsync(2);
            await Expect(doc.Signatories.Nth(0)).ToContainTextAsync(ngos[0].Name);
            await Expect(doc.Signatories.Nth(1)).ToContainTextAsync(ngos[1].Name);
            var publicNotes = await ExpectNotesNumberedAsync(doc);
            publicNotes.Should().Be(previewNotes, "what is published is what was previewed");
            await Expect(doc.FirstNoteLink).ToBeVisibleAsync();
            await ShotAsync(reader, 7, "public");
            await reader.ExpectNoSeriousViolationsAsync("public briefing");

            await doc.NotesSection.ScrollIntoViewIfNeededAsync();
            await ShotAsync(reader, 8, "public-notes");

            await reader.EmulateMediaAsync(new() { Media = Media.Print });
            (await reader.EvaluateAsync<bool>("() => matchMedia('print').matches")).Should().BeTrue();
            await Expect(doc.Title).ToBeVisibleAsync();
            await ShotAsync(reader, 9, "print");
        }
        finally
        {
            await reader.Context.CloseAsync();
            await page.Context.CloseAsync();
        }

        var saved = await app.QueryAsync(db => db.Briefings.Where(b => b.Id == briefingId)
            .Select(b => new { b.Slug, b.Status, Snapshots = b.Snapshots.Count }).SingleAsync());
        saved.Slug.Should().Be(slug);
        saved.Snapshots.Should().Be(1);
    }

    private static async Task ExpectConcernOrderAsync(BriefingDocument document, string first, string second)
    {
        var headings = document.ConcernHeadings;
        await Expect(headings).ToHaveCountAsync(2);
        await Expect(headings.Nth(0)).ToContainTextAsync("1.");
        await Expect(headings.Nth(0)).ToContainTextAsync(first);
        await Expect(headings.Nth(1)).ToContainTextAsync("2.");
        await Expect(headings.Nth(1)).ToContainTextAsync(second);
    }

    // The notes are numbered 1..n without gaps, the briefing's own note is number 1 and the signatories refer to it,
    // and every marker in the text points at a note that exists. Returns the notes' text, to compare two renderings.
    private static async Task<string> ExpectNotesNumberedAsync(BriefingDocument document)
    {
        var items = document.Notes;
        var count = await items.CountAsync();
        count.Should().BeGreaterThanOrEqualTo(1);
        var texts = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var number = (i + 1).ToString(CultureInfo.InvariantCulture);
            (await items.Nth(i).GetAttributeAsync("id")).Should().Be($"note-{number}");
            (await items.Nth(i).GetAttributeAsync("value")).Should().Be(number);
            texts.Add((await items.Nth(i).InnerTextAsync()).Trim());
        }
        texts[0].Should().Contain(NoteText, "the briefing's own notes come first");
        // The briefing's own note is marked in its opening (the position or the introduction), so in reading
        // order it is the first marker, as in the annex; "Signed by" carries none.
        var markers = await document.NoteMarkers.AllInnerTextsAsync();
        markers.Should().NotBeEmpty();
        markers[0].Should().Be("1");
        (await document.OpeningNoteMarkers.CountAsync()).Should().BeGreaterThan(0);
        (await document.SignatoriesHeadingNoteMarkers.CountAsync()).Should().Be(0);
        markers.Select(m => int.Parse(m, CultureInfo.InvariantCulture)).Should().OnlyContain(n => n >= 1 && n <= count);
        return string.Join("\n", texts);
    }

    private async Task ShotAsync(IPage page, int step, string name)
    {
        var path = await BrowserApp.SaveScreenshotAsync(page, $"publish-{step.ToString("00", CultureInfo.InvariantCulture)}-{name}");
        output.WriteLine(path);
    }
}

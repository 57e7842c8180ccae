using System.Globalization;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ResolutionTracker.BrowserTests.Fixture;
using ResolutionTracker.Domain;
using ResolutionTracker.Web.Data.Seeding;
using Xunit.Abstractions;

namespace ResolutionTracker.BrowserTests.Journeys;

// Issue 5 in Chromium, as the coalition lead does it: start a briefing on L.31, gather approved concerns and put them
// in order, add a recommendation, signatories and a note, preview, publish; then an anonymous reader opens it.
[Collection(nameof(JourneyGroup))]
public sealed class BriefingPublishJourneyTests(JourneyApp app, ITestOutputHelper output)
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

        var page = await app.NewPageAsync();
        await SignInAsync(page, DemoSeeder.LeadEmail);

        // Start the briefing on L.31 with a title and an address of our own.
        await GoAsync(page, $"/desk/briefings/new?resolution={resolutionId}");
        await Assertions.Expect(page.Locator("main .lede")).ToContainTextAsync(L31);
        await page.Locator("#Input_Title").FillAsync(title);
        await page.Locator("#Input_Slug").FillAsync(slug);
        await ShotAsync(page, 1, "new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the briefing" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(title);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/desk/briefings/\d+$"));
        var briefingId = int.Parse(new Uri(page.Url).AbsolutePath.Split('/')[^1], CultureInfo.InvariantCulture);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync($"/briefings/{slug}");

        // Two approved concerns, then the second moved above the first.
        var available = page.Locator("#concerns .composer-available > li");
        (await available.CountAsync()).Should().BeGreaterThanOrEqualTo(2, "the L.31 demo concerns are approved");
        var firstId = (await available.Nth(0).GetAttributeAsync("id"))!;
        var secondId = (await available.Nth(1).GetAttributeAsync("id"))!;
        var firstHeading = (await available.Nth(0).Locator(".record-title").InnerTextAsync()).Trim();
        var secondHeading = (await available.Nth(1).Locator(".record-title").InnerTextAsync()).Trim();
        await page.Locator($"#{firstId} button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Concerns (1)");
        await page.Locator($"#{secondId} button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Concerns (2)");
        var included = page.Locator("#concerns ol.composer-list > li .record-title");
        await Assertions.Expect(included).ToHaveTextAsync([firstHeading, secondHeading]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Move up concern 2" }).ClickAsync();
        await Assertions.Expect(included).ToHaveTextAsync([secondHeading, firstHeading]);
        await ShotAsync(page, 2, "concerns-ordered");

        // A recommendation addressed to a group of states.
        var recommendations = page.Locator("#recommendations");
        await recommendations.Locator("#rec-text-new").FillAsync(Recommendation);
        await recommendations.Locator("#rec-to-new").FillAsync(AddressedTo);
        await recommendations.GetByRole(AriaRole.Button, new() { Name = "Add recommendation" }).ClickAsync();
        await Assertions.Expect(page.Locator("#recommendations ol.composer-list")).ToContainTextAsync(Recommendation);
        await Assertions.Expect(page.Locator("#recommendations ol.composer-list")).ToContainTextAsync($"Addressed to {AddressedTo}");

        // Two NGOs sign, in this order.
        foreach (var ngo in ngos)
        {
            await page.Locator("#OrganisationId").SelectOptionAsync(ngo.Id.ToString(CultureInfo.InvariantCulture));
            await page.GetByRole(AriaRole.Button, new() { Name = "Add signatory" }).ClickAsync();
            await Assertions.Expect(page.Locator("#signatories ol.composer-list")).ToContainTextAsync(ngo.Name);
        }
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Signatories (2)");

        // A note on the briefing as a whole, citing a symbol.
        var notes = page.Locator("#notes");
        await notes.Locator("#text-new").FillAsync(NoteText);
        await notes.Locator("#symbols-new").FillAsync(NoteSymbol);
        await notes.GetByRole(AriaRole.Button, new() { Name = "Add note" }).ClickAsync();
        await Assertions.Expect(page.Locator("#notes .footnote-list")).ToContainTextAsync(NoteText);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Notes (1)");
        await ShotAsync(page, 3, "composer");
        await AxeAsync(page, "briefing composer");

        // The preview: the concerns in the chosen order, the notes numbered 1..n with the briefing's own note first.
        await page.GetByRole(AriaRole.Link, new() { Name = "Preview and publish" }).First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/desk/briefings/{briefingId}/preview$"));
        await Assertions.Expect(page.Locator(".preview-banner")).ToContainTextAsync("Preview of version 1, not published");
        var preview = page.Locator(".preview-frame");
        await Assertions.Expect(preview.Locator("h1")).ToHaveTextAsync(title);
        await ExpectConcernOrderAsync(preview, secondHeading, firstHeading);
        var previewNotes = await ExpectNotesNumberedAsync(preview);
        output.WriteLine($"preview notes: {previewNotes}");
        await ShotAsync(page, 4, "preview");

        // Publish, confirming in the page.
        await page.Locator("summary", new() { HasText = "Publish version 1" }).ClickAsync();
        var confirm = page.GetByRole(AriaRole.Button, new() { Name = "Yes, publish version 1" });
        await Assertions.Expect(confirm).ToBeVisibleAsync();
        await ShotAsync(page, 5, "confirm-publish");
        await confirm.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/desk/briefings/{briefingId}$"));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync($"Published version 1: /briefings/{slug}");
        await Assertions.Expect(page.Locator(".composer-facts")).ToContainTextAsync("no unpublished changes");
        await ShotAsync(page, 6, "published");

        // An anonymous reader, in a browser context of their own.
        var reader = await app.NewPageAsync();
        try
        {
            await GoAsync(reader, $"/briefings/{slug}");
            await Assertions.Expect(reader.GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
            var doc = reader.Locator("article.briefing-doc");
            await Assertions.Expect(doc.Locator("h1")).ToHaveTextAsync(title);
            await ExpectConcernOrderAsync(doc, secondHeading, firstHeading);
            await Assertions.Expect(doc.Locator(".briefing-recommendation-group")).ToHaveTextAsync($"To {AddressedTo}");
            await Assertions.Expect(doc.Locator(".briefing-recommendations li")).ToHaveTextAsync([Recommendation]);
            var signatories = doc.Locator(".briefing-signatories > li");
            await Assertions.Expect(signatories).ToHaveCountAsync(2);
            await Assertions.Expect(signatories.Nth(0)).ToContainTextAsync(ngos[0].Name);
            await Assertions.Expect(signatories.Nth(1)).ToContainTextAsync(ngos[1].Name);
            var publicNotes = await ExpectNotesNumberedAsync(doc);
            publicNotes.Should().Be(previewNotes, "what is published is what was previewed");
            await Assertions.Expect(doc.Locator("#note-1 a.un-symbol, #note-1 a").First).ToBeVisibleAsync();
            await ShotAsync(reader, 7, "public");
            await AxeAsync(reader, "public briefing");

            await doc.Locator(".briefing-notes").ScrollIntoViewIfNeededAsync();
            await ShotAsync(reader, 8, "public-notes");

            await reader.EmulateMediaAsync(new() { Media = Media.Print });
            (await reader.EvaluateAsync<bool>("() => matchMedia('print').matches")).Should().BeTrue();
            await Assertions.Expect(doc.Locator("h1")).ToBeVisibleAsync();
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

    private static async Task ExpectConcernOrderAsync(ILocator document, string first, string second)
    {
        var headings = document.Locator(".briefing-concern-heading");
        await Assertions.Expect(headings).ToHaveCountAsync(2);
        await Assertions.Expect(headings.Nth(0)).ToContainTextAsync("1.");
        await Assertions.Expect(headings.Nth(0)).ToContainTextAsync(first);
        await Assertions.Expect(headings.Nth(1)).ToContainTextAsync("2.");
        await Assertions.Expect(headings.Nth(1)).ToContainTextAsync(second);
    }

    // The notes are numbered 1..n without gaps, the briefing's own note is number 1 and the signatories refer to it,
    // and every marker in the text points at a note that exists. Returns the notes' text, to compare two renderings.
    private static async Task<string> ExpectNotesNumberedAsync(ILocator document)
    {
        var items = document.Locator(".briefing-note-list > li");
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
        var markers = await document.Locator("sup.note-ref a").AllInnerTextsAsync();
        markers.Should().NotBeEmpty();
        markers[0].Should().Be("1");
        (await document.Locator(".briefing-position sup.note-ref, section[aria-labelledby='introduction-heading'] sup.note-ref").CountAsync())
            .Should().BeGreaterThan(0);
        (await document.Locator("#signatories-heading sup.note-ref").CountAsync()).Should().Be(0);
        markers.Select(m => int.Parse(m, CultureInfo.InvariantCulture)).Should().OnlyContain(n => n >= 1 && n <= count);
        return string.Join("\n", texts);
    }

    private static async Task GoAsync(IPage page, string path)
    {
        var response = await page.GotoAsync(path);
        response.Should().NotBeNull();
        response!.Status.Should().Be(200, $"GET {path} should succeed");
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await GoAsync(page, "/account/sign-in");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(DemoSeeder.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }

    private async Task ShotAsync(IPage page, int step, string name)
    {
        var path = await BrowserApp.SaveScreenshotAsync(page, $"publish-{step.ToString("00", CultureInfo.InvariantCulture)}-{name}");
        output.WriteLine(path);
    }

    private static async Task AxeAsync(IPage page, string what)
    {
        var result = await page.RunAxe();
        result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{what}: {v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}")
            .Should().BeEmpty();
    }
}

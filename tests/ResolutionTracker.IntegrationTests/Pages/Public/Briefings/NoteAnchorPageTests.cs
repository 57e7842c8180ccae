using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ResolutionTracker.IntegrationTests.Fixture;
using static ResolutionTracker.IntegrationTests.Pages.Public.Briefings.PublishedBriefings;

namespace ResolutionTracker.IntegrationTests.Pages.Public.Briefings;

// The public page: the briefing's own note (number 1, the signatories) is the first marker a reader meets.
public sealed class NoteAnchorPageTests(AppFactory app) : AppTest(app)
{
    private const string DemoUrl = "/briefings/" + DemoSlug;

    private async Task<HttpClient> StartAsync()
    {
        await App.SeedDemoAsync(includeDemoAccounts: true);
        await EvictAsync(App);
        return App.CreateClient();
    }

    private static List<IElement> Markers(IHtmlDocument page) => page.QuerySelectorAll("article.briefing-doc sup.note-ref a").ToList();

    private static int Number(IElement marker) => int.Parse(marker.TextContent, CultureInfo.InvariantCulture);

    // Note n's back link leads to this marker.
    private static void LinksBothWays(IHtmlDocument page, IElement marker)
    {
        var note = page.QuerySelector(marker.GetAttribute("href")!);
        note.Should().NotBeNull();
        note!.QuerySelectorAll("a.note-back").Select(a => a.GetAttribute("href")).Should().Contain("#" + marker.Id);
    }

    [Fact]
    public async Task On_the_demo_briefing_note_1_is_the_first_marker_and_sits_after_our_organisations_in_the_position()
    {
        using var client = await StartAsync();

        var page = await client.GetDocumentAsync(DemoUrl);

        var markers = Markers(page);
        var first = markers.First();
        first.TextContent.Should().Be("1");
        first.GetAttribute("href").Should().Be("#note-1");
        first.Closest("section")!.ClassList.Should().Contain("briefing-position");
        first.Closest("p")!.TextContent.Should().StartWith("Our organisations1 call on States");
        LinksBothWays(page, first);
        markers.Select(Number).Should().BeInAscendingOrder("notes are numbered in reading order");
        page.QuerySelector("#signatories-heading")!.TextContent.Should().Be("Signed by");
        page.QuerySelectorAll("sup.note-ref a[href='#note-1']").Should().ContainSingle();
    }

    [Fact]
    public async Task Without_the_phrase_note_1_ends_the_first_paragraph_of_the_position()
    {
        using var client = await StartAsync();
        var slug = await CreateAsync(App, "Plain words", concerns: 2, footnotes: 2);

        var page = await client.GetDocumentAsync("/briefings/" + slug);

        var first = Markers(page).First();
        first.TextContent.Should().Be("1");
        first.Closest("section.briefing-position p")!.TextContent.Should().Be("We oppose it.1");
        LinksBothWays(page, first);
        Markers(page).Select(Number).Should().Equal(1, 2, 3);
    }

    [Fact]
    public async Task A_linked_phrase_in_the_introduction_is_marked_after_the_link()
    {
        using var client = await StartAsync();
        var slug = await CreateAsync(App, "Linked words", concerns: 1, footnotes: 1);
        await PublishAsync(App, slug, (b, now) => b.Edit(b.Title, "The coalition: [our organisations](https://example.org/members) & friends.", b.Stance,
            "We oppose it.\n\nNo amendment would help.", now));

        var page = await client.GetDocumentAsync("/briefings/" + slug);

        var first = Markers(page).First();
        first.TextContent.Should().Be("1");
        var sup = first.ParentElement!;
        sup.Closest("section")!.QuerySelector("h2")!.Id.Should().Be("introduction-heading");
        sup.PreviousElementSibling!.TextContent.Should().Be("our organisations");
        sup.PreviousElementSibling!.GetAttribute("href").Should().Be("https://example.org/members");
        first.Closest("a")!.Should().BeSameAs(first, "the marker is not nested in the link");
        page.QuerySelector("section.briefing-position")!.QuerySelectorAll("sup").Should().BeEmpty();
        LinksBothWays(page, first);
    }

    [Fact]
    public async Task Without_a_position_and_an_introduction_note_1_is_marked_on_the_position_heading()
    {
        using var client = await StartAsync();
        var slug = await CreateAsync(App, "No words", concerns: 1, footnotes: 1);
        await PublishAsync(App, slug, (b, now) => b.Edit(b.Title, null, b.Stance, null, now));

        var page = await client.GetDocumentAsync("/briefings/" + slug);

        var first = Markers(page).First();
        first.TextContent.Should().Be("1");
        first.Closest("h2")!.Id.Should().Be("position-heading");
        page.QuerySelector("#signatories-heading sup").Should().BeNull();
        LinksBothWays(page, first);
    }

    [Fact]
    public async Task A_briefing_without_notes_of_its_own_marks_nothing_before_its_concerns()
    {
        using var client = await StartAsync();
        var slug = await CreateAsync(App, "Only concern notes", concerns: 1, footnotes: 1);
        await PublishAsync(App, slug, (b, now) =>
        {
            b.Edit(b.Title, "What our organisations think.", b.Stance, "Our organisations oppose it.", now);
            b.RemoveFootnote(b.Footnotes.Single(), now);
        });

        var page = await client.GetDocumentAsync("/briefings/" + slug);

        page.QuerySelector("section.briefing-position sup").Should().BeNull();
        page.QuerySelector("#introduction-heading")!.ParentElement!.QuerySelector("sup").Should().BeNull();
        page.QuerySelector("#signatories-heading sup").Should().BeNull();
        var first = Markers(page).Single();
        first.TextContent.Should().Be("1");
        first.Closest("section.briefing-concern").Should().NotBeNull();
    }
}

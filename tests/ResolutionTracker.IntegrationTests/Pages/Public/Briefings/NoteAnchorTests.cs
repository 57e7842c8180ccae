using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ResolutionTracker.IntegrationTests.Fixture;
using ResolutionTracker.Web.Briefings;
using ResolutionTracker.Web.Formatting;
using ResolutionTracker.Web.Pages.Public.Briefings;
using static ResolutionTracker.IntegrationTests.Pages.Public.Briefings.PublishedBriefings;

namespace ResolutionTracker.IntegrationTests.Pages.Public.Briefings;

// Where the briefing's own notes are marked in the HTML of the position and introduction. Pure string logic; it
// lives here because the unit test project does not reference the web app.
public class NoteAnchorTests
{
    private const string M = "<sup class=\"note-ref\"><a href=\"#note-1\" id=\"ref-1-1\">1</a></sup>";
    private const string Phrase = BriefingDocument.NoteAnchorPhrase;

    private static string Html(Microsoft.AspNetCore.Html.IHtmlContent content)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        content.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }

    [Fact]
    public void The_marker_goes_right_after_the_phrase()
    {
        NoteAnchor.AfterPhrase("<p>This annex recaps the key concerns our organisations have.</p>", Phrase, M)
            .Should().Be($"<p>This annex recaps the key concerns our organisations{M} have.</p>");
    }

    [Fact]
    public void The_phrase_is_found_in_any_case()
    {
        NoteAnchor.AfterPhrase("<p>Our Organisations call on States.</p>", Phrase, M)
            .Should().Be($"<p>Our Organisations{M} call on States.</p>");
    }

    [Fact]
    public void Only_the_first_occurrence_is_marked()
    {
        var html = NoteAnchor.AfterPhrase("<p>our organisations and again our organisations</p><p>our organisations</p>", Phrase, M);

        html.Should().Be($"<p>our organisations{M} and again our organisations</p><p>our organisations</p>");
    }

    [Fact]
    public void A_phrase_inside_a_link_is_marked_after_the_link()
    {
        NoteAnchor.AfterPhrase("<p>See <a href=\"https://example.org\" rel=\"nofollow\">our organisations</a> below.</p>", Phrase, M)
            .Should().Be($"<p>See <a href=\"https://example.org\" rel=\"nofollow\">our organisations</a>{M} below.</p>");
    }

    [Fact]
    public void A_phrase_inside_emphasis_inside_a_link_is_marked_after_the_link()
    {
        NoteAnchor.AfterPhrase("<p><a href=\"https://example.org\"><strong>Our organisations</strong> list</a>.</p>", Phrase, M)
            .Should().Be($"<p><a href=\"https://example.org\"><strong>Our organisations</strong> list</a>{M}.</p>");
    }

    [Fact]
    public void A_phrase_in_an_attribute_is_not_text_and_a_quoted_angle_bracket_does_not_end_the_tag()
    {
        const string html = "<p><a href=\"https://example.org\" title=\"a > our organisations\">a link</a> about our organisations.</p>";

        NoteAnchor.AfterPhrase(html, Phrase, M)
            .Should().Be($"<p><a href=\"https://example.org\" title=\"a > our organisations\">a link</a> about our organisations{M}.</p>");
        NoteAnchor.AfterPhrase("<p><a href=\"https://example.org\" title=\"our organisations\">a link</a></p>", Phrase, M).Should().BeNull();
    }

    [Fact]
    public void The_marker_never_splits_an_entity_and_entities_around_the_phrase_are_kept()
    {
        NoteAnchor.AfterPhrase("<p>Tom &amp; Jerry &lt;b&gt; our organisations&#x2019; view</p>", Phrase, M)
            .Should().Be($"<p>Tom &amp; Jerry &lt;b&gt; our organisations{M}&#x2019; view</p>");
    }

    [Fact]
    public void An_encoded_character_inside_the_phrase_counts_as_the_character()
    {
        NoteAnchor.AfterPhrase("<p>our organisation&#x73; and more</p>", Phrase, M)
            .Should().Be($"<p>our organisation&#x73;{M} and more</p>");
    }

    [Fact]
    public void A_phrase_in_a_heading_is_marked_in_the_heading()
    {
        NoteAnchor.AfterPhrase("<h3>What our organisations ask</h3>\n<p>Vote no.</p>", Phrase, M)
            .Should().Be($"<h3>What our organisations{M} ask</h3>\n<p>Vote no.</p>");
    }

    [Fact]
    public void Only_whole_words_count()
    {
        NoteAnchor.AfterPhrase("<p>Unlike your organisations, our organisations sign.</p>", Phrase, M)
            .Should().Be($"<p>Unlike your organisations, our organisations{M} sign.</p>");
        NoteAnchor.AfterPhrase("<p>your organisations</p>", Phrase, M).Should().BeNull();
    }

    [Fact]
    public void A_phrase_split_by_markup_is_not_found_as_in_the_word_export()
    {
        NoteAnchor.AfterPhrase("<p>our <em>organisations</em></p>", Phrase, M).Should().BeNull();
    }

    [Fact]
    public void No_phrase_means_no_place()
    {
        NoteAnchor.AfterPhrase("<p>We oppose it.</p>", Phrase, M).Should().BeNull();
        NoteAnchor.AfterPhrase("", Phrase, M).Should().BeNull();
    }

    [Fact]
    public void The_end_of_the_first_paragraph_is_before_its_closing_tag()
    {
        NoteAnchor.AtEndOfFirstParagraph("<p>First.</p><p>Second.</p>", M).Should().Be($"<p>First.{M}</p><p>Second.</p>");
    }

    [Fact]
    public void A_line_break_does_not_end_the_first_paragraph()
    {
        NoteAnchor.AtEndOfFirstParagraph("<p>One<br>two</p><p>three</p>", M).Should().Be($"<p>One<br>two{M}</p><p>three</p>");
    }

    [Fact]
    public void A_first_paragraph_ending_in_a_link_is_marked_after_the_link()
    {
        NoteAnchor.AtEndOfFirstParagraph("<p>See <a href=\"https://undocs.org/A/RES/60/251\" class=\"un-symbol\">A/RES/60/251</a></p>", M)
            .Should().Be($"<p>See <a href=\"https://undocs.org/A/RES/60/251\" class=\"un-symbol\">A/RES/60/251</a>{M}</p>");
    }

    [Fact]
    public void When_the_text_opens_with_a_list_its_first_item_is_the_first_paragraph()
    {
        NoteAnchor.AtEndOfFirstParagraph("<ul>\n<li>One<ul><li>inner</li></ul></li>\n<li>Two</li>\n</ul>\n", M)
            .Should().Be($"<ul>\n<li>One{M}<ul><li>inner</li></ul></li>\n<li>Two</li>\n</ul>\n");
    }

    [Fact]
    public void Text_without_visible_words_has_no_first_paragraph()
    {
        NoteAnchor.AtEndOfFirstParagraph("", M).Should().BeNull();
        NoteAnchor.AtEndOfFirstParagraph("<p> </p>\n<hr>", M).Should().BeNull();
    }

    [Fact]
    public void The_position_is_preferred_to_the_introduction()
    {
        var placed = NoteAnchor.Place("<p>Our organisations oppose it.</p>", "<p>Our organisations wrote this.</p>", M);

        placed.Should().Be(new NoteAnchor.Placement($"<p>Our organisations{M} oppose it.</p>", "<p>Our organisations wrote this.</p>", OnHeading: false));
    }

    [Fact]
    public void The_phrase_in_the_introduction_wins_over_the_end_of_the_positions_first_paragraph()
    {
        var placed = NoteAnchor.Place("<p>We oppose it.</p>", "<p>Intro.</p><p>What our organisations ask.</p>", M);

        placed.Should().Be(new NoteAnchor.Placement("<p>We oppose it.</p>", $"<p>Intro.</p><p>What our organisations{M} ask.</p>", OnHeading: false));
    }

    [Fact]
    public void Without_the_phrase_the_marker_ends_the_first_paragraph_of_the_position()
    {
        var placed = NoteAnchor.Place("<p>We oppose it.</p><p>Firmly.</p>", "<p>Intro.</p>", M);

        placed.Should().Be(new NoteAnchor.Placement($"<p>We oppose it.{M}</p><p>Firmly.</p>", "<p>Intro.</p>", OnHeading: false));
    }

    [Fact]
    public void Without_a_position_the_marker_ends_the_first_paragraph_of_the_introduction()
    {
        var placed = NoteAnchor.Place("", "<p>Intro.</p><p>More.</p>", M);

        placed.Should().Be(new NoteAnchor.Placement("", $"<p>Intro.{M}</p><p>More.</p>", OnHeading: false));
    }

    [Fact]
    public void Without_a_position_and_an_introduction_the_marker_goes_on_the_heading()
    {
        NoteAnchor.Place("", "", M).Should().Be(new NoteAnchor.Placement("", "", OnHeading: true));
    }

    [Fact]
    public void Without_notes_of_its_own_nothing_is_marked()
    {
        NoteAnchor.Place("<p>Our organisations oppose it.</p>", "", null)
            .Should().Be(new NoteAnchor.Placement("<p>Our organisations oppose it.</p>", "", OnHeading: false));
        NoteAnchor.Place("", "", "").OnHeading.Should().BeFalse();
    }

    [Fact]
    public void It_works_on_what_the_page_really_renders_a_linked_phrase_in_markdown()
    {
        var introduction = Html(Markdown.Render(
            "Tom & Jerry <script>alert(1)</script> wrote [our organisations](https://example.org \"our organisations > all\") on A/RES/60/251."));

        var placed = NoteAnchor.Place("", introduction, M);

        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(placed.Introduction);
        var marker = document.QuerySelector("sup.note-ref")!;
        marker.Closest("a").Should().BeNull("the marker is its own link, never inside another");
        marker.PreviousElementSibling!.LocalName.Should().Be("a");
        marker.PreviousElementSibling!.TextContent.Should().Be("our organisations");
        marker.PreviousElementSibling!.GetAttribute("title").Should().Be("our organisations > all");
        document.QuerySelectorAll("sup.note-ref").Should().ContainSingle();
        document.Body!.TextContent.Should().Contain("Tom & Jerry");
        document.QuerySelector("script").Should().BeNull();
    }

    [Fact]
    public void It_works_on_what_the_page_really_renders_a_plain_position_with_a_symbol()
    {
        var position = Html(SymbolText.RenderParagraphs("On A/HRC/43/L.31, <our organisations> say \"no\".\n\nSecond paragraph."));

        var placed = NoteAnchor.Place(position, "", M);

        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(placed.Position);
        var paragraphs = document.QuerySelectorAll("p").ToList();
        paragraphs.Should().HaveCount(2);
        paragraphs[0].TextContent.Should().Be("On A/HRC/43/L.31, <our organisations1> say \"no\".");
        paragraphs[1].QuerySelector("sup").Should().BeNull();
    }
}

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

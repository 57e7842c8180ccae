using System.Globalization;
using ResolutionTracker.Web.Briefings;
using ResolutionTracker.Web.Formatting;
using ResolutionTracker.Web.Pages.Public.Briefings;

namespace ResolutionTracker.UnitTests.Web.Pages.Public.Briefings;

// Where the briefing's own notes are marked in the HTML of the position and introduction.
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
    public void A_phrase_in_a_comment_is_not_text()
    {
        NoteAnchor.AfterPhrase("<p><!-- our organisations --> We sign.</p>", Phrase, M).Should().BeNull();
        NoteAnchor.AtEndOfFirstParagraph("<!-- our organisations --><p>We sign.</p><p>Firmly.</p>", M)
            .Should().Be($"<!-- our organisations --><p>We sign.{M}</p><p>Firmly.</p>");
    }

    [Fact]
    public void A_less_than_sign_that_opens_no_tag_is_text()
    {
        NoteAnchor.AfterPhrase("<p>With 1 < 2 and 3 <= 4, our organisations agree.</p>", Phrase, M)
            .Should().Be($"<p>With 1 < 2 and 3 <= 4, our organisations{M} agree.</p>");
    }

    [Fact]
    public void The_rest_of_the_html_is_kept_byte_for_byte_as_the_encoder_wrote_it()
    {
        var position = Html(SymbolText.RenderParagraphs("The coalition's members, our organisations, say \"café\" to A/HRC/43/L.31."));

        NoteAnchor.AfterPhrase(position, Phrase, M).Should().Be(position.Replace("our organisations", "our organisations" + M, StringComparison.Ordinal));
        position.Should().Contain("&#x27;").And.Contain("&#xE9;");
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

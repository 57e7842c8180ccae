using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using ResolutionTracker.Domain;
using ResolutionTracker.Web.Briefings;
using ResolutionTracker.Web.Formatting;
using ResolutionTracker.Web.Pages.Public.Briefings;

namespace ResolutionTracker.UnitTests.Web.Pages.Public.Briefings;

// What the public briefing page derives from a snapshot, computed once per process. Rendered's cache is
// static, so every test uses content of its own (a fresh digest, a fresh text).
public sealed class RenderedTests
{
    private static string NewDigest() => Guid.NewGuid().ToString("N");

    private static BriefingDocument Document(string title, string? position = null) => new()
    {
        Title = title,
        Slug = "a-briefing",
        Number = 1,
        Resolution = new ResolutionRef(1, "A/HRC/43/L.31", "Freedom of expression", "Human Rights Council", 43, "Adopted"),
        Stance = nameof(BriefingStance.Oppose),
        Position = position,
    };

    private static string Html(IHtmlContent content)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        content.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }

    [Fact]
    public void A_document_not_parsed_yet_is_not_known()
    {
        Rendered.Known(NewDigest()).Should().BeNull();
    }

    [Fact]
    public void A_parsed_document_is_known_by_its_content_digest()
    {
        var digest = NewDigest();

        var document = Rendered.Document(digest, Document("Oppose the draft").ToJson());

        document.Title.Should().Be("Oppose the draft");
        Rendered.Known(digest).Should().BeSameAs(document);
    }

    [Fact]
    public void A_digest_names_one_content_so_its_document_is_parsed_once()
    {
        var digest = NewDigest();
        var first = Rendered.Document(digest, Document("First").ToJson());

        var again = Rendered.Document(digest, Document("Second").ToJson());

        again.Should().BeSameAs(first);
        again.Title.Should().Be("First");
    }

    [Fact]
    public void Documents_with_different_digests_are_kept_apart()
    {
        var (one, two) = (NewDigest(), NewDigest());

        Rendered.Document(one, Document("One").ToJson());
        Rendered.Document(two, Document("Two").ToJson());

        Rendered.Known(one)!.Title.Should().Be("One");
        Rendered.Known(two)!.Title.Should().Be("Two");
    }

    [Fact]
    public async Task The_document_html_is_rendered_on_the_first_request_only_and_without_the_templates_indentation()
    {
        var digest = NewDigest();
        var renders = 0;
        Task<IHtmlContent> Render()
        {
            renders++;
            return Task.FromResult<IHtmlContent>(new HtmlString("<article>\n    <h1>Title</h1>\n    <p>One</p>\n</article>"));
        }

        var first = await Rendered.DocumentHtmlAsync(digest, Render);
        var second = await Rendered.DocumentHtmlAsync(digest, Render);

        renders.Should().Be(1);
        Html(first).Should().Be("<article>\n<h1>Title</h1>\n<p>One</p>\n</article>");
        second.Should().BeSameAs(first);
    }

    [Fact]
    public void The_description_is_the_documents_and_is_kept_by_digest()
    {
        var digest = NewDigest();

        var description = Rendered.Description(digest, Document("T", position: "We   oppose\nthe draft."));
        var again = Rendered.Description(digest, Document("T", position: "Another position."));

        description.Should().Be("We oppose the draft.");
        again.Should().Be(description);
    }

    [Fact]
    public void Markdown_is_rendered_as_the_sanitiser_leaves_it_and_memoised_by_text()
    {
        var markdown = $"**{Guid.NewGuid():N}** on A/HRC/43/L.31 <script>alert(1)</script>";

        var html = Rendered.Markdown(markdown);

        Html(html).Should().Be(Html(Markdown.Render(markdown)));
        Html(html).Should().Contain("class=\"un-symbol\"").And.NotContain("<script>");
        Rendered.Markdown(markdown).Should().BeSameAs(html);
    }

    [Fact]
    public void Plain_text_and_paragraphs_are_rendered_as_SymbolText_renders_them_and_memoised()
    {
        var text = $"{Guid.NewGuid():N} <b> on A/HRC/43/L.31\n\nSecond paragraph.";

        var inline = Rendered.Text(text);
        var paragraphs = Rendered.Paragraphs(text);

        Html(inline).Should().Be(Html(SymbolText.Render(text)));
        Html(paragraphs).Should().Be(Html(SymbolText.RenderParagraphs(text)));
        Html(paragraphs).Should().StartWith("<p>").And.Contain("&lt;b&gt;");
        Rendered.Text(text).Should().BeSameAs(inline);
        Rendered.Paragraphs(text).Should().BeSameAs(paragraphs);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \n ")]
    public void Blank_markdown_and_blank_paragraphs_render_nothing(string? text)
    {
        Html(Rendered.Markdown(text)).Should().BeEmpty();
        Html(Rendered.Paragraphs(text)).Should().BeEmpty();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void No_text_renders_nothing(string? text) =>
        Html(Rendered.Text(text)).Should().BeEmpty();

    [Fact]
    public void The_indentation_of_the_template_goes_and_each_line_break_stays()
    {
        const string html = "<article>\n    <header>\n        <h1>Title <a href=\"/x\">A/HRC/43/L.31</a></h1>\n\n\n    </header>\r\n\t<p>One\n   two</p>\n</article>";

        Rendered.Unindent(html).Should().Be("<article>\n<header>\n<h1>Title <a href=\"/x\">A/HRC/43/L.31</a></h1>\n</header>\r\n<p>One\ntwo</p>\n</article>");
    }

    [Fact]
    public void Spaces_within_a_line_are_kept() =>
        Rendered.Unindent("<p>Our  organisations <sup>1</sup> call</p>").Should().Be("<p>Our  organisations <sup>1</sup> call</p>");

    [Theory]
    [InlineData("<pre><code>line\n    indented</code></pre>\n    <p>x</p>")]
    [InlineData("<PRE>a\n  b</PRE>")]
    [InlineData("<textarea>\n  kept</textarea>")]
    public void Preformatted_text_keeps_the_whole_fragment_as_it_was(string html) =>
        Rendered.Unindent(html).Should().Be(html);
}

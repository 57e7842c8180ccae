using AngleSharp.Html.Parser;
using ResolutionTracker.Web.Formatting;

namespace ResolutionTracker.UnitTests.Web.Formatting;

// The sanitizer keeps exactly the allow-list Markdown.cs states, and nothing the library would allow by default.
public sealed class MarkdownTests
{
    private static readonly string[] Stated =
        ["p", "br", "strong", "em", "del", "ul", "ol", "li", "blockquote", "code", "pre", "a", "h3", "h4", "h5", "hr", "sup", "sub"];

    // A sample of what HtmlSanitizer allows unless told otherwise, and of what never belongs in user text.
    public static TheoryData<string> Refused =>
    [
        "h1", "h2", "h6", "img", "table", "thead", "tbody", "tr", "td", "th", "caption", "span", "div", "section", "article",
        "nav", "header", "footer", "aside", "figure", "figcaption", "picture", "source", "video", "audio", "iframe", "object",
        "embed", "script", "style", "link", "meta", "base", "form", "input", "button", "select", "textarea", "label",
        "svg", "math", "font", "center", "b", "i", "u", "s", "small", "big", "mark", "abbr", "cite", "q", "dl", "dt", "dd",
        "details", "summary", "area", "map", "kbd", "samp", "var", "ins", "time", "address", "template", "slot",
    ];

    public static TheoryData<string> Allowed => [.. Stated];

    [Fact]
    public void The_allow_list_is_exactly_the_stated_tags() =>
        Markdown.AllowedTags.Should().BeEquivalentTo(Stated);

    [Theory]
    [MemberData(nameof(Allowed))]
    public void A_stated_tag_is_kept(string tag)
    {
        var html = Markdown.Sanitize(Element(tag));

        Tags(html).Should().Contain(tag);
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_tag_outside_the_list_is_removed(string tag)
    {
        var html = Markdown.Sanitize($"<p>{Element(tag)}</p>");

        Tags(html).Should().NotContain(tag).And.OnlyContain(t => Stated.Contains(t));
    }

    [Theory]
    [InlineData("style", "color:red")]
    [InlineData("class", "btn btn-danger")]
    [InlineData("id", "main")]
    [InlineData("onclick", "alert(1)")]
    [InlineData("data-x", "1")]
    [InlineData("target", "_top")]
    [InlineData("src", "https://elsewhere.example/t.png")]
    public void Attributes_outside_the_list_are_removed(string attribute, string value)
    {
        var html = Markdown.Sanitize($"<p {attribute}=\"{value}\">text</p>");

        Parse(html).QuerySelector("p")!.HasAttribute(attribute).Should().BeFalse();
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html;base64,PHNjcmlwdD4=")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("ftp://elsewhere.example/file")]
    public void A_link_with_a_scheme_outside_the_list_loses_its_address(string href)
    {
        var html = Markdown.Sanitize($"<a href=\"{href}\">x</a>");

        Parse(html).QuerySelector("a")?.GetAttribute("href").Should().BeNull();
    }

    [Fact]
    public void An_image_written_in_markdown_is_not_shown()
    {
        var html = Markdown.Render("See ![tracker](https://elsewhere.example/t.png) here.").ToString()!;

        Tags(html).Should().NotContain("img");
        html.Should().NotContain("elsewhere.example");
    }

    [Theory]
    [InlineData("# Title", "h3")]
    [InlineData("## Title", "h4")]
    [InlineData("### Title", "h5")]
    [InlineData("###### Title", "h5")]
    public void A_markdown_heading_sits_under_the_page_headings_and_keeps_its_words(string markdown, string expected)
    {
        var document = Parse(Markdown.Render(markdown).ToString()!);

        document.QuerySelector(expected)!.TextContent.Should().Be("Title");
        Tags(document.Body!.InnerHtml).Should().OnlyContain(t => t == expected);
    }

    [Fact]
    public void A_link_keeps_its_address_and_leaves_without_the_readers_context()
    {
        var link = Parse(Markdown.Render("[OHCHR](https://www.ohchr.org/)").ToString()!).QuerySelector("a")!;

        link.GetAttribute("href").Should().Be("https://www.ohchr.org/");
        link.GetAttribute("rel").Should().Be("nofollow noopener noreferrer");
    }

    private static string Element(string tag) => tag switch
    {
        "br" or "hr" or "img" or "input" or "meta" or "link" or "base" or "source" or "area" or "embed" => $"<{tag}>",
        "a" => "<a href=\"https://example.org/\">x</a>",
        "li" => "<ul><li>x</li></ul>",
        "tr" or "td" or "th" or "thead" or "tbody" or "caption" => $"<table><{tag}>x</{tag}></table>",
        _ => $"<{tag}>x</{tag}>",
    };

    private static AngleSharp.Html.Dom.IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument($"<body>{html}</body>");

    private static List<string> Tags(string html) =>
        Parse(html).Body!.QuerySelectorAll("*").Select(e => e.LocalName).Distinct().ToList();
}

using ResolutionTracker.Web.Pages.Public.Briefings;

namespace ResolutionTracker.IntegrationTests.Pages.Public.Briefings;

public sealed class RenderedTests
{
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

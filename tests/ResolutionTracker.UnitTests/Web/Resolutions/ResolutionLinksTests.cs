using ResolutionTracker.Domain;
using ResolutionTracker.Web.Resolutions;

namespace ResolutionTracker.UnitTests.Web.Resolutions;

public class ResolutionLinksTests
{
    [Theory]
    [InlineData("A/HRC/43/L.31", "/resolutions/A/HRC/43/L.31")]
    [InlineData("A/HRC/RES/37/23", "/resolutions/A/HRC/RES/37/23")]
    [InlineData("S/RES/2334 (2016)", "/resolutions/S/RES/2334%20%282016%29")]
    public void The_symbol_keeps_its_slashes_and_capitals(string symbol, string path)
    {
        ResolutionLinks.PublicPath(symbol).Should().Be(path);
    }

    [Theory]
    [InlineData("A/HRC/43/L.31#op2", "/resolutions/A/HRC/43/L.31%23op2")]
    [InlineData("A/HRC/43?x=1", "/resolutions/A/HRC/43%3Fx%3D1")]
    [InlineData("A/B C/%41", "/resolutions/A/B%20C/%2541")]
    [InlineData("A/../../admin", "/resolutions/A/../../admin")]
    public void Characters_that_would_end_or_change_the_path_are_escaped_part_by_part(string symbol, string path)
    {
        ResolutionLinks.PublicPath(symbol).Should().Be(path);
    }

    [Fact]
    public void Hash_and_question_mark_never_reach_the_address_unescaped()
    {
        var path = ResolutionLinks.PublicPath("A/HRC/43/L.31 #? draft");

        path.Should().NotContainAny("#", "?", " ");
        Uri.UnescapeDataString(path).Should().Be("/resolutions/A/HRC/43/L.31 #? draft");
    }

    [Theory]
    [InlineData(ParagraphKind.Preambular, 11, "/resolutions/A/HRC/43/L.31#pp11")]
    [InlineData(ParagraphKind.Operative, 2, "/resolutions/A/HRC/43/L.31#op2")]
    public void A_paragraph_link_adds_the_paragraphs_anchor(ParagraphKind kind, int number, string path)
    {
        ResolutionLinks.ParagraphPath("A/HRC/43/L.31", kind, number).Should().Be(path);
    }

    [Fact]
    public void The_akoma_ntoso_export_follows_the_same_rule()
    {
        ResolutionLinks.AknPath("A/HRC/43/L.31").Should().Be("/akn/A/HRC/43/L.31");
        ResolutionLinks.AknPath("A/HRC/43 #1").Should().Be("/akn/A/HRC/43%20%231");
    }

    [Fact]
    public void A_missing_symbol_is_refused()
    {
        var act = () => ResolutionLinks.PublicPath(null!);

        act.Should().Throw<ArgumentNullException>();
    }
}

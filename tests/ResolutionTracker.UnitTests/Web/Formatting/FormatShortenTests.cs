using ResolutionTracker.Web.Formatting;

namespace ResolutionTracker.UnitTests.Web.Formatting;

public class FormatShortenTests
{
    [Fact]
    public void A_text_at_most_the_length_is_left_whole()
    {
        Format.Shorten("").Should().Be("");
        Format.Shorten(new string('a', 40)).Should().Be(new string('a', 40));
    }

    [Fact]
    public void A_longer_text_keeps_its_first_40_characters_and_an_ellipsis()
    {
        Format.Shorten(new string('a', 41) + "tail").Should().Be(new string('a', 40) + "…");
    }

    [Fact]
    public void The_length_can_be_chosen()
    {
        Format.Shorten("https://www.ohchr.org/en/documents", 10).Should().Be("https://ww…");
    }

    [Fact]
    public void A_character_of_two_utf16_units_is_never_split()
    {
        var text = new string('a', 39) + "😀" + "b";

        var shortened = Format.Shorten(text);

        shortened.Should().Be(new string('a', 39) + "…");
        shortened.Should().NotContain("\ud83d");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_length_below_one_is_refused(int length)
    {
        var act = () => Format.Shorten("text", length);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}

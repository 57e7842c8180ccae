using ResolutionTracker.Web.Search;

namespace ResolutionTracker.UnitTests.Web.Search;

public class NameSearchTests
{
    [Fact]
    public void Plain_words_are_wrapped_to_match_anywhere_in_a_name()
    {
        NameSearch.ContainsPattern("Amnesty").Should().Be("%Amnesty%");
    }

    [Theory]
    [InlineData("50%", @"%50\%%")]
    [InlineData("a_b", @"%a\_b%")]
    [InlineData(@"C:\x", @"%C:\\x%")]
    [InlineData(@"\%_", @"%\\\%\_%")]
    [InlineData(@"%%", @"%\%\%%")]
    public void Like_wildcards_and_the_escape_character_are_matched_as_typed(string typed, string pattern)
    {
        NameSearch.ContainsPattern(typed).Should().Be(pattern);
    }

    [Fact]
    public void The_escape_character_is_a_backslash()
    {
        NameSearch.Escape.Should().Be(@"\");
    }

    [Fact]
    public void An_empty_search_matches_every_name()
    {
        NameSearch.ContainsPattern("").Should().Be("%%");
    }
}

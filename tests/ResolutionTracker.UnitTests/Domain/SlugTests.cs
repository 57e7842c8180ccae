using ResolutionTracker.Domain;

namespace ResolutionTracker.UnitTests.Domain;

public class SlugTests
{
    [Theory]
    [InlineData("A/HRC/43/L.31", "a-hrc-43-l-31")]
    [InlineData("Amnesty International", "amnesty-international")]
    [InlineData("Fédération internationale pour les droits humains", "federation-internationale-pour-les-droits-humains")]
    [InlineData("Côte d'Ivoire", "cote-d-ivoire")]
    [InlineData("  --Hello,   World!--  ", "hello-world")]
    [InlineData("S/RES/2334 (2016)", "s-res-2334-2016")]
    public void A_slug_is_lower_case_ascii_words_joined_by_dashes(string text, string expected)
    {
        Slug.From(text).Should().Be(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("—/…")]
    public void Text_without_letters_or_digits_gives_an_empty_slug(string text)
    {
        Slug.From(text).Should().BeEmpty();
    }

    [Fact]
    public void A_slug_cut_to_its_maximum_length_does_not_end_in_a_dash()
    {
        Slug.From("abc def ghi", maxLength: 4).Should().Be("abc");
    }

    [Fact]
    public void A_slug_is_no_longer_than_the_limit()
    {
        Slug.From(new string('a', Limits.Slug + 50)).Should().HaveLength(Limits.Slug);
    }
}

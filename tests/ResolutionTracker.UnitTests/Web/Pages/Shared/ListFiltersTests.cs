using ResolutionTracker.Domain;
using ResolutionTracker.Web.Pages.Shared;

namespace ResolutionTracker.UnitTests.Web.Pages.Shared;

public class ListFiltersTests
{
    [Theory]
    [InlineData("HumanRightsCouncil")]
    [InlineData("humanrightscouncil")]
    [InlineData("  HUMANRIGHTSCOUNCIL ")]
    public void A_choice_is_read_by_its_name_in_any_case(string text)
    {
        var filters = new ListFilters();

        filters.Choice<UnBody>(text, "body").Should().Be(UnBody.HumanRightsCouncil);
        filters.Ignored.Should().BeEmpty();
    }

    [Theory]
    [InlineData("0")]
    [InlineData("3")]
    [InlineData("-1")]
    [InlineData("Human Rights Council")]
    public void A_choice_that_is_not_a_name_is_ignored_and_said_so(string text)
    {
        var filters = new ListFilters();

        filters.Choice<UnBody>(text, "body").Should().BeNull();
        filters.Ignored.Should().Equal($"body \u201c{text}\u201d");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void An_empty_value_means_any_and_is_not_reported(string? text)
    {
        var filters = new ListFilters();

        filters.Choice<UnBody>(text, "body").Should().BeNull();
        filters.PositiveNumber(text, "session").Should().BeNull();
        filters.Flag(text, "mine").Should().BeFalse();
        filters.Ignored.Should().BeEmpty();
    }

    [Theory]
    [InlineData("43", 43)]
    [InlineData(" 7 ", 7)]
    public void A_positive_number_is_read(string text, int expected)
    {
        new ListFilters().PositiveNumber(text, "session").Should().Be(expected);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("+4")]
    [InlineData("4e2")]
    [InlineData("1,000")]
    [InlineData("99999999999999999999")]
    [InlineData("forty")]
    public void Anything_but_digits_above_zero_is_ignored_and_said_so(string text)
    {
        var filters = new ListFilters();

        filters.PositiveNumber(text, "session").Should().BeNull();
        filters.Ignored.Should().Equal($"session \u201c{text}\u201d");
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("On", true)]
    [InlineData("yes", true)]
    [InlineData("1", true)]
    [InlineData("false", false)]
    [InlineData("OFF", false)]
    [InlineData("no", false)]
    [InlineData("0", false)]
    public void A_flag_reads_the_usual_words_for_on_and_off(string text, bool expected)
    {
        var filters = new ListFilters();

        filters.Flag(text, "mine").Should().Be(expected);
        filters.Ignored.Should().BeEmpty();
    }

    [Fact]
    public void A_flag_in_other_words_is_off_and_said_so()
    {
        var filters = new ListFilters();

        filters.Flag("maybe", "mine").Should().BeFalse();
        filters.Ignored.Should().Equal("mine \u201cmaybe\u201d");
    }

    [Fact]
    public void A_long_value_is_quoted_back_shortened()
    {
        var filters = new ListFilters();

        filters.Choice<ResolutionStatus>(new string('x', 500), "status");

        filters.Ignored.Should().Equal($"status \u201c{new string('x', 40)}…\u201d");
    }

    [Fact]
    public void Markup_in_a_value_is_quoted_as_text_for_the_page_to_encode()
    {
        var filters = new ListFilters();

        filters.Choice<ResolutionStatus>("<script>", "status");

        filters.Ignored.Should().Equal("status \u201c<script>\u201d");
    }

    [Fact]
    public void Every_ignored_value_is_reported_in_the_order_read()
    {
        var filters = new ListFilters();

        filters.Choice<UnBody>("Mars", "body");
        filters.Ignore("kind \u201cconcerns\u201d (for signed-in staff)");
        filters.PositiveNumber("abc", "session");

        filters.Ignored.Should().Equal("body \u201cMars\u201d", "kind \u201cconcerns\u201d (for signed-in staff)", "session \u201cabc\u201d");
    }
}

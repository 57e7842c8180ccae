using ResolutionTracker.Domain.Annotations;

namespace ResolutionTracker.UnitTests.Domain;

public class QuoteSpansTests
{
    private const string Text = "Calls upon all States to cooperate with the Special Rapporteur and to respond to urgent appeals.";

    private static TextQuoteSelector Quote(string exact) => new(exact, null, null);

    private static string Marked((int Start, int End) span) => Text[span.Start..span.End];

    [Fact]
    public void Quotes_are_found_in_reading_order_whatever_order_they_come_in()
    {
        var spans = QuoteSpans.In(Text, [Quote("urgent appeals"), Quote("all States")]);

        spans.Select(Marked).Should().Equal("all States", "urgent appeals");
    }

    [Fact]
    public void Overlapping_quotes_are_marked_once_as_one_span()
    {
        var spans = QuoteSpans.In(Text, [Quote("cooperate with the Special"), Quote("the Special Rapporteur")]);

        spans.Select(Marked).Should().Equal("cooperate with the Special Rapporteur");
    }

    [Fact]
    public void A_quote_inside_another_leaves_the_longer_span()
    {
        var spans = QuoteSpans.In(Text, [Quote("Special Rapporteur and to respond"), Quote("Rapporteur")]);

        spans.Select(Marked).Should().Equal("Special Rapporteur and to respond");
    }

    [Fact]
    public void Quotes_that_touch_are_joined()
    {
        var spans = QuoteSpans.In(Text, [Quote("Calls upon"), Quote(" all States")]);

        spans.Select(Marked).Should().Equal("Calls upon all States");
    }

    [Fact]
    public void Quotes_apart_stay_apart()
    {
        var spans = QuoteSpans.In(Text, [Quote("Calls upon"), Quote("all States")]);

        spans.Select(Marked).Should().Equal("Calls upon", "all States");
    }

    [Fact]
    public void A_quote_no_longer_in_the_text_is_left_out()
    {
        var spans = QuoteSpans.In(Text, [Quote("win-win cooperation"), Quote("urgent appeals")]);

        spans.Select(Marked).Should().Equal("urgent appeals");
    }

    [Fact]
    public void No_quotes_mark_nothing()
    {
        QuoteSpans.In(Text, []).Should().BeEmpty();
    }
}

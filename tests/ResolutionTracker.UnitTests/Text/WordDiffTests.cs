using System.Diagnostics;
using System.Text;
using ResolutionTracker.Text.Diff;

namespace ResolutionTracker.UnitTests.Text;

public class WordDiffTests
{
    private static DiffSegment Eq(string text) => new(DiffKind.Equal, text);

    private static DiffSegment Ins(string text) => new(DiffKind.Inserted, text);

    private static DiffSegment Del(string text) => new(DiffKind.Deleted, text);

    [Fact]
    public void Identical_texts_are_one_equal_segment()
    {
        var text = "Calls upon all States to cooperate.";

        WordDiff.Compare(text, text).Should().Equal(Eq(text));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", "")]
    [InlineData(null, "")]
    [InlineData("", null)]
    public void Two_empty_texts_have_no_segments(string? oldText, string? newText)
    {
        WordDiff.Compare(oldText, newText).Should().BeEmpty();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Text_where_there_was_none_is_all_inserted(string? oldText)
    {
        WordDiff.Compare(oldText, "Urges States to act.").Should().Equal(Ins("Urges States to act."));
    }

    [Fact]
    public void Text_removed_entirely_is_all_deleted()
    {
        WordDiff.Compare("Urges States to act.", null).Should().Equal(Del("Urges States to act."));
    }

    [Fact]
    public void A_phrase_replaced_by_a_word_shows_whole_words()
    {
        var segments = WordDiff.Compare("Calls upon all States to cooperate.", "Urges all States to cooperate.");

        segments.Should().Equal(Del("Calls upon"), Ins("Urges"), Eq(" all States to cooperate."));
    }

    [Fact]
    public void A_changed_word_is_replaced_whole_never_letter_by_letter()
    {
        var segments = WordDiff.Compare("States shall ensure funding", "States should ensure funding");

        segments.Should().Equal(Eq("States "), Del("shall"), Ins("should"), Eq(" ensure funding"));
    }

    [Fact]
    public void An_inserted_word_is_shown_as_an_insertion()
    {
        var segments = WordDiff.Compare("to ensure adequate funding", "to ensure adequate and sustained funding");

        segments.Should().Equal(Eq("to ensure adequate "), Ins("and sustained "), Eq("funding"));
    }

    [Fact]
    public void A_deleted_phrase_is_shown_as_a_deletion()
    {
        var segments = WordDiff.Compare(
            "adequate funding for public library services, within available resources;",
            "adequate funding for public library services;");

        segments.Should().Equal(Eq("adequate funding for public library services"), Del(", within available resources"), Eq(";"));
    }

    [Fact]
    public void Neighbouring_changed_words_read_as_one_replaced_phrase()
    {
        var segments = WordDiff.Compare("the quick brown fox", "a slow red fox");

        segments.Should().Equal(Del("the quick brown"), Ins("a slow red"), Eq(" fox"));
    }

    [Fact]
    public void A_punctuation_change_touches_only_the_mark()
    {
        var segments = WordDiff.Compare("Requests the Secretary-General to report.", "Requests the Secretary-General to report;");

        segments.Should().Equal(Eq("Requests the Secretary-General to report"), Del("."), Ins(";"));
    }

    [Fact]
    public void Hyphenated_words_and_apostrophes_stay_whole()
    {
        var segments = WordDiff.Compare("the Council's mandate", "the Assembly's mandate");

        segments.Should().Equal(Eq("the "), Del("Council's"), Ins("Assembly's"), Eq(" mandate"));
    }

    [Fact]
    public void A_whitespace_only_change_is_still_reported()
    {
        var segments = WordDiff.Compare("Calls upon States", "Calls  upon\nStates");

        segments.Should().Equal(Eq("Calls"), Del(" "), Ins("  "), Eq("upon"), Del(" "), Ins("\n"), Eq("States"));
    }

    [Fact]
    public void A_new_paragraph_in_a_body_is_an_insertion()
    {
        var segments = WordDiff.Compare("First paragraph.", "First paragraph.\n\nSecond paragraph.");

        segments.Should().Equal(Eq("First paragraph."), Ins("\n\nSecond paragraph."));
    }

    [Fact]
    public void Insertions_among_shared_spaces_keep_their_words_together()
    {
        var segments = WordDiff.Compare(
            "Rev.1 takes civil society out of the proposed panel",
            "Rev.1 shuts civil society and library associations out of the panel");

        segments.Should().Equal(
            Eq("Rev.1 "), Del("takes"), Ins("shuts"), Eq(" civil society "), Ins("and library associations "),
            Eq("out of the "), Del("proposed "), Eq("panel"));
    }

    [Fact]
    public void Changes_sit_on_natural_boundaries_not_around_a_shared_full_stop()
    {
        var segments = WordDiff.Compare(
            "Only Member States take part. Those who use libraries would have no voice in a discussion about their work.",
            "Only Member States take part in the panel. Those who use libraries, and their associations, would have no voice in a discussion about their work.\n\nWe ask the sponsors to restore L.1.");

        segments.Where(s => s.Kind == DiffKind.Inserted).Select(s => s.Text).Should().Equal(
            " in the panel", ", and their associations,", "\n\nWe ask the sponsors to restore L.1.");
        segments.Should().NotContain(s => s.Kind == DiffKind.Deleted);
    }

    [Theory]
    [InlineData("Calls upon all States to cooperate.", "Urges all States, and others, to cooperate fully;")]
    [InlineData("the quick brown fox", "a slow red fox jumps")]
    [InlineData("Résumé of the Council’s work", "Résumé of the Assembly’s 2020 work — 中文 text")]
    [InlineData("a b c d e f", "f e d c b a")]
    [InlineData("  leading and trailing  ", "leading, trailing")]
    public void The_segments_rebuild_both_texts(string oldText, string newText)
    {
        var segments = WordDiff.Compare(oldText, newText);

        string.Concat(segments.Where(s => s.Kind != DiffKind.Inserted).Select(s => s.Text)).Should().Be(oldText);
        string.Concat(segments.Where(s => s.Kind != DiffKind.Deleted).Select(s => s.Text)).Should().Be(newText);
        segments.Should().NotContain(s => s.Text.Length == 0);
        segments.Zip(segments.Skip(1)).Should().NotContain(p => p.First.Kind == p.Second.Kind, "neighbours of one kind are merged");
    }

    [Fact]
    public void A_long_body_with_one_change_is_compared_quickly()
    {
        var sb = new StringBuilder();
        for (var i = 0; sb.Length < 49_000; i++)
            sb.Append("Paragraph ").Append(i).Append(" recalls the Council's earlier resolutions, and notes with concern. ");
        var oldText = sb.ToString();
        var newText = oldText.Replace("Paragraph 300 recalls", "Paragraph 300 reaffirms", StringComparison.Ordinal);
        var watch = Stopwatch.StartNew();

        var segments = WordDiff.Compare(oldText, newText);

        watch.Stop();
        segments.Where(s => s.Kind != DiffKind.Equal).Should().Equal(Del("recalls"), Ins("reaffirms"));
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(2));
    }
}

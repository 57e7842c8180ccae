using System.Diagnostics;
using System.Globalization;
using ResolutionTracker.Text.Alignment;
using ResolutionTracker.Text.Diff;
using ResolutionTracker.Text.Parsing;

namespace ResolutionTracker.UnitTests.Text.Alignment;

public class ParagraphAlignerTests
{
    private static AlignedParagraph Pp(int number, string text) => new(AlignedParagraphKind.Preambular, number, text);

    private static AlignedParagraph Op(int number, string text, params ParsedSubItem[] subItems) =>
        new(AlignedParagraphKind.Operative, number, text, subItems);

    private static readonly AlignedParagraph Recalling = Pp(1, "Recalling its resolution 98/12 of 4 July 2098 on the protection of lighthouse keepers,");
    private static readonly AlignedParagraph Noting = Pp(2, "Noting with concern the growing number of attacks on coastal archives in several regions,");
    private static readonly AlignedParagraph Welcomes = Op(1, "Welcomes the report of the Special Rapporteur on coastal heritage;");
    private static readonly AlignedParagraph CallsUpon = Op(2, "Calls upon all States to ensure that lighthouse keepers can carry out their work free from threats and intimidation;");
    private static readonly AlignedParagraph Requests = Op(3, "Requests the Office of the High Commissioner to prepare a compilation of good practices and to present it to the Council at its one hundred and second session;");
    private static readonly AlignedParagraph Decides = Op(4, "Decides to remain seized of the matter.");

    private static ParagraphPair Single(ParagraphAlignment alignment, int? oldIndex, int? newIndex) =>
        alignment.Pairs.Should().ContainSingle(p => p.OldIndex == oldIndex && p.NewIndex == newIndex).Subject;

    [Fact]
    public void Identical_versions_are_all_kept_in_order()
    {
        var paragraphs = new[] { Recalling, Noting, Welcomes, CallsUpon, Requests, Decides };

        var alignment = ParagraphAligner.Align(paragraphs, paragraphs);

        alignment.Pairs.Should().HaveCount(6).And.OnlyContain(p => p.Kind == PairKind.Kept && !p.Moved && p.Similarity == 1.0 && p.Diff.Count == 0);
        alignment.Pairs.Select(p => p.NewIndex).Should().Equal(0, 1, 2, 3, 4, 5);
        alignment.Summary.Should().Be(new AlignmentSummary(6, 0, 0, 0, 0));
    }

    [Fact]
    public void Spacing_and_typographic_quotes_do_not_make_a_change()
    {
        var old = new[] { Op(1, "Urges States to respect the keepers’ “right to light”;") };
        var @new = new[] { Op(1, "Urges  States to respect\nthe keepers' \"right to light\";") };

        ParagraphAligner.Align(old, @new).Pairs.Should().ContainSingle().Which.Kind.Should().Be(PairKind.Kept);
    }

    [Fact]
    public void A_reworded_paragraph_is_changed_with_its_word_diff()
    {
        var old = new[] { Welcomes, CallsUpon, Decides };
        var @new = new[]
        {
            Welcomes,
            Op(2, "Urges all States to ensure that lighthouse keepers can carry out their work free from threats, intimidation and reprisals;"),
            Decides,
        };

        var alignment = ParagraphAligner.Align(old, @new);

        var changed = Single(alignment, 1, 1);
        changed.Kind.Should().Be(PairKind.Changed);
        changed.Moved.Should().BeFalse();
        changed.Similarity.Should().BeInRange(ParagraphAligner.SimilarityThreshold, 0.99);
        changed.Diff.Should().Contain(new DiffSegment(DiffKind.Deleted, "Calls upon"))
            .And.Contain(new DiffSegment(DiffKind.Inserted, "Urges"));
        string.Concat(changed.Diff.Where(d => d.Kind != DiffKind.Inserted).Select(d => d.Text)).Should().Be(CallsUpon.Text);
        string.Concat(changed.Diff.Where(d => d.Kind != DiffKind.Deleted).Select(d => d.Text)).Should().Be(@new[1].Text);
        alignment.Summary.Should().Be(new AlignmentSummary(2, 1, 0, 0, 0));
    }

    [Fact]
    public void A_new_paragraph_is_added_in_its_place()
    {
        var inserted = Op(3, "Encourages regional organizations to share information on threats to coastal archives;");
        var old = new[] { Welcomes, CallsUpon, Requests, Decides };
        var @new = new[] { Welcomes, CallsUpon, inserted, Requests with { Number = 4 }, Decides with { Number = 5 } };

        var alignment = ParagraphAligner.Align(old, @new);

        alignment.Pairs.Select(p => (p.Kind, p.OldIndex, p.NewIndex)).Should().Equal(
            (PairKind.Kept, 0, 0), (PairKind.Kept, 1, 1), (PairKind.Added, (int?)null, 2), (PairKind.Kept, 2, 3), (PairKind.Kept, 3, 4));
        alignment.Summary.Should().Be(new AlignmentSummary(4, 0, 1, 0, 0));
    }

    [Fact]
    public void Operative_paragraphs_renumbered_after_an_insertion_are_kept_not_changed()
    {
        var old = new[] { Op(1, Welcomes.Text), Op(2, CallsUpon.Text), Op(3, Requests.Text) };
        var @new = new[] { Op(1, "Takes note of the oral update of the Special Rapporteur;"), Op(2, Welcomes.Text), Op(3, CallsUpon.Text), Op(4, Requests.Text) };

        var alignment = ParagraphAligner.Align(old, @new);

        alignment.Pairs.Where(p => p.OldIndex is not null).Should().OnlyContain(p => p.Kind == PairKind.Kept && !p.Moved);
        alignment.Pairs.Where(p => p.OldIndex is not null).Select(p => p.NewIndex).Should().Equal(1, 2, 3);
        Single(alignment, null, 0).Kind.Should().Be(PairKind.Added);
    }

    [Fact]
    public void A_dropped_paragraph_is_deleted_and_listed_after_the_paragraph_that_preceded_it()
    {
        var old = new[] { Welcomes, CallsUpon, Requests, Decides };
        var @new = new[] { Welcomes, Requests with { Number = 2 }, Decides with { Number = 3 } };

        var alignment = ParagraphAligner.Align(old, @new);

        alignment.Pairs.Select(p => (p.Kind, p.OldIndex, p.NewIndex)).Should().Equal(
            (PairKind.Kept, 0, 0), (PairKind.Deleted, 1, (int?)null), (PairKind.Kept, 2, 1), (PairKind.Kept, 3, 2));
        alignment.Summary.Should().Be(new AlignmentSummary(3, 0, 0, 1, 0));
    }

    [Fact]
    public void A_deleted_first_paragraph_comes_first()
    {
        var alignment = ParagraphAligner.Align([Recalling, Noting], [Noting with { Number = 1 }]);

        alignment.Pairs.Select(p => p.Kind).Should().Equal(PairKind.Deleted, PairKind.Kept);
    }

    [Fact]
    public void A_paragraph_taken_to_another_place_is_kept_and_moved_while_the_rest_stay_in_place()
    {
        var old = new[] { Welcomes, CallsUpon, Requests, Decides };
        var @new = new[] { CallsUpon with { Number = 1 }, Requests with { Number = 2 }, Welcomes with { Number = 3 }, Decides };

        var alignment = ParagraphAligner.Align(old, @new);

        var moved = Single(alignment, 0, 2);
        moved.Kind.Should().Be(PairKind.Kept);
        moved.Moved.Should().BeTrue();
        alignment.Pairs.Where(p => p.OldIndex != 0).Should().OnlyContain(p => p.Kind == PairKind.Kept && !p.Moved);
        alignment.Pairs.Select(p => p.NewIndex).Should().Equal(0, 1, 2, 3);
        alignment.Summary.Should().Be(new AlignmentSummary(4, 0, 0, 0, 1));
    }

    [Fact]
    public void A_paragraph_moved_and_reworded_is_changed_and_moved()
    {
        var old = new[] { Welcomes, CallsUpon, Requests, Decides };
        var reworded = Op(3, "Requests the Office of the High Commissioner to prepare a compilation of good practices and challenges and to present it to the Council at its one hundred and fourth session;");
        var @new = new[] { reworded with { Number = 1 }, Welcomes with { Number = 2 }, CallsUpon with { Number = 3 }, Decides };

        var alignment = ParagraphAligner.Align(old, @new);

        var pair = Single(alignment, 2, 0);
        pair.Kind.Should().Be(PairKind.Changed);
        pair.Moved.Should().BeTrue();
        pair.Diff.Should().Contain(new DiffSegment(DiffKind.Deleted, "second")).And.Contain(new DiffSegment(DiffKind.Inserted, "fourth"));
        alignment.Summary.Should().Be(new AlignmentSummary(3, 1, 0, 0, 1));
    }

    [Fact]
    public void Two_paragraphs_swapping_places_make_only_one_of_them_moved()
    {
        var alignment = ParagraphAligner.Align([Welcomes, CallsUpon], [CallsUpon, Welcomes]);

        alignment.Pairs.Count(p => p.Moved).Should().Be(1);
        alignment.Pairs.Should().OnlyContain(p => p.Kind == PairKind.Kept);
    }

    [Fact]
    public void A_preambular_paragraph_turned_operative_is_deleted_and_added_not_paired()
    {
        var old = new[] { Recalling, Noting, Welcomes };
        var @new = new[] { Recalling, Welcomes, Op(2, "Notes with concern the growing number of attacks on coastal archives in several regions;") };

        var alignment = ParagraphAligner.Align(old, @new);

        Single(alignment, 1, null).Kind.Should().Be(PairKind.Deleted);
        Single(alignment, null, 2).Kind.Should().Be(PairKind.Added);
        alignment.Summary.Should().Be(new AlignmentSummary(2, 0, 1, 1, 0));
    }

    [Fact]
    public void The_same_words_in_another_kind_are_not_an_exact_match()
    {
        var alignment = ParagraphAligner.Align([Pp(1, "Stressing the importance of coastal archives,")], [Op(1, "Stressing the importance of coastal archives,")]);

        alignment.Pairs.Select(p => p.Kind).Should().Equal(PairKind.Deleted, PairKind.Added);
    }

    [Fact]
    public void A_change_in_a_sub_item_makes_the_paragraph_changed_and_shows_in_the_diff()
    {
        var old = new[] { Op(5, "Calls upon States:", new ParsedSubItem("(a)", "To protect lighthouse keepers;"), new ParsedSubItem("(b)", "To preserve coastal archives;")) };
        var @new = new[] { Op(5, "Calls upon States:", new ParsedSubItem("(a)", "To protect lighthouse keepers;"), new ParsedSubItem("(b)", "To preserve and digitize coastal archives;")) };

        var pair = ParagraphAligner.Align(old, @new).Pairs.Should().ContainSingle().Subject;

        pair.Kind.Should().Be(PairKind.Changed);
        pair.Diff.Should().Contain(d => d.Kind == DiffKind.Inserted && d.Text.Trim() == "and digitize");
        string.Concat(pair.Diff.Where(d => d.Kind != DiffKind.Deleted).Select(d => d.Text))
            .Should().Be("Calls upon States:\n(a) To protect lighthouse keepers;\n(b) To preserve and digitize coastal archives;");
    }

    [Fact]
    public void An_added_sub_item_is_a_change_of_its_paragraph()
    {
        var old = new[] { Op(5, "Calls upon States:", new ParsedSubItem("(a)", "To protect lighthouse keepers;")) };
        var @new = new[] { Op(5, "Calls upon States:", new ParsedSubItem("(a)", "To protect lighthouse keepers;"), new ParsedSubItem("(b)", "To fund the restoration of lamps;")) };

        ParagraphAligner.Align(old, @new).Pairs.Should().ContainSingle().Which.Kind.Should().Be(PairKind.Changed);
    }

    [Fact]
    public void A_rewritten_paragraph_below_the_threshold_is_deleted_and_added()
    {
        var old = new[] { Welcomes, CallsUpon };
        var @new = new[] { Welcomes, Op(2, "Invites the General Assembly to proclaim an international day of lighthouse keepers;") };

        var alignment = ParagraphAligner.Align(old, @new);

        alignment.Summary.Should().Be(new AlignmentSummary(1, 0, 1, 1, 0));
    }

    [Fact]
    public void The_best_scoring_candidate_wins_when_two_new_paragraphs_resemble_one_old()
    {
        var old = new[] { CallsUpon };
        var close = Op(1, "Calls upon all States to ensure that lighthouse keepers can carry out their work free from threats;");
        var far = Op(2, "Calls upon all States to ensure that archivists can carry out their work in safety;");

        var alignment = ParagraphAligner.Align(old, [far, close]);

        Single(alignment, 0, 1).Kind.Should().Be(PairKind.Changed);
        Single(alignment, null, 0).Kind.Should().Be(PairKind.Added);
    }

    [Fact]
    public void Repeated_identical_paragraphs_pair_in_order()
    {
        var same = Op(1, "Decides to continue its consideration of the question;");
        var alignment = ParagraphAligner.Align([same, same with { Number = 2 }], [same, same with { Number = 2 }]);

        alignment.Pairs.Select(p => (p.OldIndex, p.NewIndex)).Should().Equal(((int?)0, (int?)0), (1, 1));
        alignment.Pairs.Should().OnlyContain(p => !p.Moved);
    }

    [Fact]
    public void Empty_lists_align_to_nothing_all_added_or_all_deleted()
    {
        ParagraphAligner.Align([], []).Pairs.Should().BeEmpty();
        ParagraphAligner.Align([], [Welcomes, Decides]).Pairs.Should().OnlyContain(p => p.Kind == PairKind.Added).And.HaveCount(2);
        ParagraphAligner.Align([Welcomes, Decides], []).Pairs.Should().OnlyContain(p => p.Kind == PairKind.Deleted).And.HaveCount(2);
    }

    [Fact]
    public void Every_paragraph_of_both_versions_appears_exactly_once()
    {
        var old = new[] { Recalling, Noting, Welcomes, CallsUpon, Requests, Decides };
        var @new = new[] { Noting with { Number = 1 }, Op(1, "Takes note of the oral update;"), Requests with { Number = 2 }, Welcomes with { Number = 3 }, Decides with { Number = 4 } };

        var alignment = ParagraphAligner.Align(old, @new);

        alignment.Pairs.Where(p => p.OldIndex is not null).Select(p => p.OldIndex!.Value).Order().Should().Equal(0, 1, 2, 3, 4, 5);
        alignment.Pairs.Where(p => p.NewIndex is not null).Select(p => p.NewIndex!.Value).Order().Should().Equal(0, 1, 2, 3, 4);
        alignment.Pairs.Where(p => p.NewIndex is not null).Select(p => p.NewIndex).Should().BeInAscendingOrder();
    }

    [Fact]
    public void One_hundred_and_fifty_paragraphs_align_and_diff_well_within_fifty_milliseconds()
    {
        var (old, @new) = LongPair();
        ParagraphAligner.Align(old, @new);

        var times = new List<double>();
        for (var i = 0; i < 9; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var alignment = ParagraphAligner.Align(old, @new);
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            alignment.Summary.Changed.Should().BeGreaterThan(20);
        }
        // Generous against a busy test machine; bench/run measures the real median (docs/benchmarks.md).
        times.Order().ElementAt(4).Should().BeLessThan(200);
    }

    // A fictional 150-paragraph resolution and a revision of it: every fifth paragraph reworded, two dropped,
    // two added, one moved. The benchmark builds the same shape.
    internal static (List<AlignedParagraph> Old, List<AlignedParagraph> New) LongPair()
    {
        static string Words(int n) => string.Create(CultureInfo.InvariantCulture,
            $"the Council, recalling paragraph {n} of its earlier decision on the keepers of lighthouse number {n * 7} and the archive of harbour {n * 13}, calls upon States to protect coastal heritage site {n} and to report on measures taken;");
        var old = new List<AlignedParagraph>();
        for (var i = 1; i <= 50; i++)
            old.Add(Pp(i, "Recalling " + Words(i)));
        for (var i = 1; i <= 100; i++)
            old.Add(Op(i, "Requests " + Words(1000 + i)));
        var @new = new List<AlignedParagraph>();
        foreach (var (p, k) in old.Select((p, k) => (p, k)))
        {
            if (k is 20 or 90)
                continue;
            @new.Add(k % 5 == 0 ? p with { Text = p.Text.Replace("calls upon", "urges", StringComparison.Ordinal).Replace("measures taken", "steps taken and planned", StringComparison.Ordinal) } : p);
            if (k is 60 or 120)
                @new.Add(Op(999, "Invites the General Assembly to proclaim an international day of lighthouse keepers " + k.ToString(CultureInfo.InvariantCulture) + ";"));
        }
        var movedOne = @new[70];
        @new.RemoveAt(70);
        @new.Insert(130, movedOne);
        return (old, @new);
    }
}

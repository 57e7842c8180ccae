using System.Globalization;
using System.Text;
using ResolutionTracker.Text.Parsing;

namespace ResolutionTracker.UnitTests.Text.Parsing;

// Texts built to make the parser slow: each shape took seconds to minutes at these sizes when joins copied
// what they joined to. They are read in one pass now, so these tests check what comes out, never how long
// it took; a parser that turns quadratic again makes this class crawl rather than fail.
public class UnTextHostileTests
{
    private const int Size = 400_000;
    private const string Opening = "The General Assembly,\n\n";

    // Blocks of `block(n)` for n = 1, 2, ... after `start` until the text is about Size characters long.
    private static (string Text, int Count) Grow(string start, Func<int, string> block)
    {
        var text = new StringBuilder(start);
        var count = 0;
        while (text.Length < Size)
            text.Append(block(++count));
        return (text.ToString(), count);
    }

    private static string Times(string piece, int count) => string.Concat(Enumerable.Repeat(piece, count));

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public void Numbered_blocks_past_999_are_joined_to_paragraph_999_and_their_warnings_counted()
    {
        var (text, count) = Grow(Opening, n => $"{Number(n)}.\nx.\n\n");

        var parsed = UnTextParser.Parse(text);

        parsed.Operative.Should().HaveCount(999);
        parsed.Operative.Take(998).Should().OnlyContain(p => p.Text == "x.");
        parsed.Operative[998].Text.Should().Be("x. " + string.Join(" ", Enumerable.Range(1000, count - 999).Select(n => $"{Number(n)}. x.")));
        // One warning a joined block, and one each for the missing title and symbol.
        parsed.Warnings.Should().HaveCount(51);
        parsed.Warnings[^1].Should().Be($"... and {count - 999 + 2 - 50} more warnings");
    }

    [Fact]
    public void Numbered_blocks_past_999_that_run_on_are_joined_to_paragraph_999_without_warnings()
    {
        var (text, count) = Grow(Opening, n => $"{Number(n)}.\nx\n\n");

        var parsed = UnTextParser.Parse(text);

        parsed.Operative.Should().HaveCount(999);
        parsed.Operative[998].Text.Should().Be("x " + string.Join(" ", Enumerable.Range(1000, count - 999).Select(n => $"{Number(n)}. x")));
        parsed.Warnings.Should().Equal("no title found before the opening formula", "no document symbol found in the header");
    }

    // After "1. " and the start, a piece repeated until the text is Size long; what the one operative paragraph
    // reads, given how many pieces there are.
    private static readonly Dictionary<string, (string Start, string Piece, Func<int, string> Text)> OneParagraph = new()
    {
        ["a paragraph cut into thousands of blocks is joined whole"] = ("Decides", "\n\nand more words", n => "Decides" + Times(" and more words", n)),
        ["a word broken at thousands of line ends is joined into one"] = ("Decides ab-", "\nab-", n => "Decides " + Times("ab", n + 1) + "-"),
        ["a compound broken at thousands of line ends keeps every hyphen"] = ("Decides self-", "\nself-", n => "Decides " + Times("self-", n + 1)),
        ["thousands of lines of white space change nothing"] = ("Decides to act.", "\n \t \u00A0 ", _ => "Decides to act."),
        ["one very long line is one paragraph"] = ("Decides", " word", n => "Decides" + Times(" word", n)),
        ["a tail of thousands of star blocks stays with its paragraph"] = ("Decides to act", "\n\n*", n => "Decides to act" + Times(" *", n)),
    };

    public static TheoryData<string> OneParagraphShapes() => [.. OneParagraph.Keys];

    [Theory]
    [MemberData(nameof(OneParagraphShapes))]
    public void A_paragraph_made_of_thousands_of_pieces_reads_as_one(string shape)
    {
        var (start, piece, expected) = OneParagraph[shape];
        var (text, count) = Grow(Opening + "1. " + start, _ => piece);

        var parsed = UnTextParser.Parse(text);

        parsed.Operative.Should().ContainSingle().Which.Text.Should().Be(expected(count));
    }

    [Fact]
    public void Thousands_of_stray_blocks_after_a_sub_item_are_joined_to_it()
    {
        var (text, count) = Grow(Opening + "1. Decides:\n\n(a) To act;", _ => "\n\nStray.");

        var parsed = UnTextParser.Parse(text);

        var paragraph = parsed.Operative.Should().ContainSingle().Subject;
        paragraph.Text.Should().Be("Decides:");
        paragraph.SubItems.Should().ContainSingle().Which.Text.Should().Be("To act;" + Times(" Stray.", count));
    }

    [Fact]
    public void Thousands_of_sub_items_are_kept_in_order()
    {
        var (text, count) = Grow(Opening + "1. Decides:\n\n", n => $"(a) Item {Number(n)};\n\n");

        var parsed = UnTextParser.Parse(text);

        parsed.Operative.Should().ContainSingle().Which.SubItems.Select(s => s.Text)
            .Should().Equal(Enumerable.Range(1, count).Select(n => $"Item {Number(n)};"));
    }

    [Fact]
    public void A_footnote_of_thousands_of_lines_is_read_whole()
    {
        var (text, count) = Grow(Opening + "1. Decides to act.1\n\n__________\n1 See the note", _ => "\nand more");

        var parsed = UnTextParser.Parse(text);

        parsed.Footnotes.Should().Equal(new ParsedFootnote("1", "See the note" + Times(" and more", count)));
        parsed.Operative.Should().ContainSingle().Which.Text.Should().Be("Decides to act.");
    }

    [Fact]
    public void A_sponsor_line_of_thousands_of_names_joined_by_and_gives_each_name()
    {
        var (names, count) = Grow("", _ => "Chile and ");
        var text = $"A/HRC/99/L.1\n\n{names}Peru: draft resolution\n\nThe Human Rights Council,\n\n1. Decides to act.";

        var parsed = UnTextParser.Parse(text);

        parsed.Sponsors.Should().Equal(Enumerable.Repeat("Chile", count).Append("Peru"));
    }

    [Fact]
    public void A_recorded_vote_of_thousands_of_names_with_and_in_them_gives_each_name()
    {
        var (names, count) = Grow("", _ => "Trinidad and Tobago and ");
        var text = $"{Opening}1. Decides to act.\n\n22nd plenary meeting\n1 May 2099\n\nIn favour: {names}Peru.\n";

        var parsed = UnTextParser.Parse(text);

        parsed.Vote!.Rows.Should().Equal(Enumerable.Repeat(new ParsedVoteRow("Trinidad and Tobago", "Yes"), count).Append(new ParsedVoteRow("Peru", "Yes")));
    }

    [Fact]
    public void A_long_run_of_spaces_in_a_sponsor_line_is_read_past()
    {
        var text = $"A/HRC/99/L.1\n\nChile{new string(' ', Size)}: draft resolution\n\nThe Human Rights Council,\n\n1. Decides to act.";

        var parsed = UnTextParser.Parse(text);

        parsed.Sponsors.Should().Equal("Chile");
    }

    [Fact]
    public void A_header_line_of_thousands_of_addresses_and_symbols_gives_the_first_symbol_outside_an_address()
    {
        var (line, _) = Grow("", n => $"https://example.org/?s=A/RES/99/{Number(n)} A/RES/98/{Number(n)} ");
        var text = $"{line}\n\n{Opening}1. Decides to act.";

        var parsed = UnTextParser.Parse(text);

        parsed.Symbol.Should().Be("A/RES/98/1");
    }

    [Fact]
    public void In_a_paragraph_of_many_symbols_a_marker_inside_a_symbol_is_left_and_one_after_a_word_removed()
    {
        var numbers = Enumerable.Range(1, 999).Select(Number).ToList();
        var paragraph = string.Concat(numbers.Select(n => $" E/CN.4/2005/L.10/Add.{n} rights{n}"));
        var notes = string.Concat(numbers.Select(n => $"{n} Note {n}.\n"));
        var text = $"{Opening}1. Decides{paragraph}.\n\n__________\n{notes}";

        var parsed = UnTextParser.Parse(text);

        parsed.Operative.Should().ContainSingle().Which.Text
            .Should().Be("Decides" + string.Concat(numbers.Select(n => $" E/CN.4/2005/L.10/Add.{n} rights")) + ".");
        parsed.Footnotes.Should().HaveCount(999);
        parsed.Warnings.Should().NotContain(w => w.StartsWith("the marker of footnote", StringComparison.Ordinal));
    }

    private static readonly Dictionary<string, Func<string>> Shapes = new()
    {
        ["a long resolution"] = () => UnTextFixtures.Read("long_A_99_L_77.txt"),
        ["a French text"] = () => UnTextFixtures.Read("french_A_99_L_40.txt"),
        ["numbered blocks past 999"] = () => Grow(Opening, n => $"{Number(n)}.\nx\n\n").Text,
        ["a word broken at thousands of line ends"] = () => Grow(Opening + "1. Decides ab-", _ => "\nab-").Text,
    };

    public static TheoryData<string> ShapeNames() => [.. Shapes.Keys];

    [Theory]
    [MemberData(nameof(ShapeNames))]
    public void A_cancelled_token_stops_the_parse(string shape)
    {
        var text = Shapes[shape]();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var parse = () => UnTextParser.Parse(text, cancelled.Token);

        parse.Should().Throw<OperationCanceledException>();
    }

    [Fact]
    public void A_token_that_is_never_cancelled_changes_nothing()
    {
        var text = UnTextFixtures.Read("long_A_99_L_77.txt");
        using var source = new CancellationTokenSource();

        var parsed = UnTextParser.Parse(text, source.Token);

        parsed.Should().BeEquivalentTo(UnTextParser.Parse(text));
    }
}

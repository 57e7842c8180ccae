namespace ResolutionTracker.Text.Parsing;

// Groups the body's content lines into paragraphs. Blank lines, page furniture and footnote blocks separate
// candidate blocks; a block that does not start a paragraph (the previous one has not ended with a comma,
// semicolon, colon or full stop, or it begins in lower case) continues the previous one, which rejoins
// paragraphs split by a page break. Texts without blank lines are split where a line starts with a number,
// an (a) label or a preambular opening word after a line that ended a paragraph.
internal static class BlockReader
{
    // A label alone ("12.", "(iii)") is at most seven characters: a longer block is not made a string to ask.
    private const int LongestLabel = 7;

    public static List<string> Read(UnTextLines lines, int start, int end, string? firstText, CancellationToken cancellationToken)
    {
        var blocks = new Blocks();
        var current = new List<string>();
        if (firstText is not null)
            current.Add(firstText);
        var seenNumbered = false;
        for (var i = start; i < end; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!lines.IsContent(i))
            {
                blocks.Add(current);
                continue;
            }
            var line = lines.Lines[i];
            var numbered = ParagraphBuilder.IsNumbered(line);
            if (current.Count > 0 && StartsParagraphInLine(current[^1], line, numbered, seenNumbered))
                blocks.Add(current);
            seenNumbered |= numbered;
            current.Add(line);
        }
        blocks.Add(current);
        return blocks.Finish();
    }

    // Each candidate block, as it ends, starts a paragraph or continues the one before. The paragraph being
    // continued stays in a joiner until the next one starts, so each join costs only what it adds, however
    // many blocks a paragraph is made of.
    private sealed class Blocks
    {
        private readonly List<string> done = [];
        private LineJoiner? previous;

        // Takes the block's lines and empties the list for the next block.
        public void Add(List<string> lines)
        {
            if (lines.Count == 0)
                return;
            var text = LineJoiner.Join(lines);
            lines.Clear();
            if (previous is not null && Continues(previous, text))
            {
                previous.Append(text);
                return;
            }
            if (previous is not null)
                done.Add(previous.ToString());
            previous = new LineJoiner();
            previous.Append(text);
        }

        public List<string> Finish()
        {
            if (previous is not null)
                done.Add(previous.ToString());
            previous = null;
            return done;
        }
    }

    private static bool StartsParagraphInLine(string previous, string line, bool numbered, bool seenNumbered)
    {
        if (numbered)
            return TextShape.EndsParagraph(previous);
        if (ParagraphBuilder.IsSubItem(line))
        {
            return TextShape.EndsParagraph(previous)
                || previous.EndsWith(" and", StringComparison.Ordinal) || previous.EndsWith(" or", StringComparison.Ordinal);
        }
        return !seenNumbered && OpeningWords.IsOpening(line) && TextShape.EndsParagraph(previous) && !previous.EndsWith(':');
    }

    private static bool Continues(LineJoiner previous, string next)
    {
        if (previous.Length <= LongestLabel && ParagraphBuilder.IsLabelOnly(previous.ToString()))
            return true;
        if (ParagraphBuilder.IsNumbered(next) || ParagraphBuilder.IsSubItem(next))
            return false;
        return !previous.EndsParagraph() || TextShape.StartsLower(next);
    }
}

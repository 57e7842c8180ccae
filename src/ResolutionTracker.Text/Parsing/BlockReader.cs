namespace ResolutionTracker.Text.Parsing;

// Groups the body's content lines into paragraphs. Blank lines, page furniture and footnote blocks separate
// candidate blocks; a block that does not start a paragraph (the previous one has not ended with a comma,
// semicolon, colon or full stop, or it begins in lower case) continues the previous one, which rejoins
// paragraphs split by a page break. Texts without blank lines are split where a line starts with a number,
// an (a) label or a preambular opening word after a line that ended a paragraph.
internal static class BlockReader
{
    public static List<string> Read(UnTextLines lines, int start, int end, string? firstText)
    {
        var raw = new List<List<string>>();
        var current = new List<string>();
        if (firstText is not null)
            current.Add(firstText);
        var seenNumbered = false;
        for (var i = start; i < end; i++)
        {
            if (!lines.IsContent(i))
            {
                Flush(raw, ref current);
                continue;
            }
            var line = lines.Lines[i];
            var numbered = ParagraphBuilder.IsNumbered(line);
            if (current.Count > 0 && StartsParagraphInLine(current[^1], line, numbered, seenNumbered))
                Flush(raw, ref current);
            seenNumbered |= numbered;
            current.Add(line);
        }
        Flush(raw, ref current);

        var blocks = new List<string>();
        string? previous = null;
        foreach (var block in raw)
        {
            var text = LineJoiner.Join(block);
            if (previous is not null && Continues(previous, text))
            {
                var joined = new System.Text.StringBuilder(previous);
                LineJoiner.Append(joined, text);
                previous = joined.ToString();
                blocks[^1] = previous;
                continue;
            }
            blocks.Add(text);
            previous = text;
        }
        return blocks;
    }

    private static void Flush(List<List<string>> raw, ref List<string> current)
    {
        if (current.Count == 0)
            return;
        raw.Add(current);
        current = [];
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

    private static bool Continues(string previous, string next)
    {
        if (ParagraphBuilder.IsLabelOnly(previous))
            return true;
        if (ParagraphBuilder.IsNumbered(next) || ParagraphBuilder.IsSubItem(next))
            return false;
        return !TextShape.EndsParagraph(previous) || TextShape.StartsLower(next);
    }
}

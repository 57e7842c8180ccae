namespace ResolutionTracker.Text.Parsing;

internal enum LineKind
{
    Blank,
    Content,
    Furniture,
    Footnote,
}

// The text cut into lines, each line classified once: blank, page furniture, part of a footnote block, or
// content that belongs to the header or a paragraph.
internal sealed class UnTextLines
{
    private UnTextLines(string[] lines)
    {
        Lines = lines;
        Kinds = new LineKind[lines.Length];
    }

    public string[] Lines { get; }
    public LineKind[] Kinds { get; }
    public List<ParsedFootnote> Footnotes { get; } = [];
    public int Count => Lines.Length;

    public static UnTextLines Split(string text, CancellationToken cancellationToken)
    {
        var normalised = text.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Replace('\r', '\n').Replace('\f', '\n').Replace('\u00A0', ' ').Replace('\t', ' ');
        var lines = normalised.Split('\n');
        for (var i = 0; i < lines.Length; i++)
            lines[i] = lines[i].Trim();
        var result = new UnTextLines(lines);
        for (var i = 0; i < lines.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            result.Kinds[i] = lines[i].Length == 0 ? LineKind.Blank
                : PageFurniture.IsStrong(lines[i]) ? LineKind.Furniture
                : LineKind.Content;
        }
        return result;
    }

    public bool IsContent(int index) => Kinds[index] == LineKind.Content;

    // Footnote blocks: after a line of underscores, or a "* ..." note at a page's foot. Each note starts with
    // its marker; a block ends at page furniture, or at a line after a blank that is not the next note.
    public void ExtractFootnotes(int from, CancellationToken cancellationToken)
    {
        for (var i = from; i < Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Kinds[i] != LineKind.Content)
                continue;
            var line = Lines[i];
            if (IsUnderscoreLine(line))
            {
                Kinds[i] = LineKind.Footnote;
                i = ReadBlock(i + 1, expectNumbers: true, cancellationToken) - 1;
            }
            else if (StarNote(line) is not null && (i == 0 || Kinds[i - 1] != LineKind.Content))
            {
                i = ReadBlock(i, expectNumbers: false, cancellationToken) - 1;
            }
        }
    }

    // A note is written into Footnotes when the next one starts or the block ends, not at each of its lines.
    private int ReadBlock(int start, bool expectNumbers, CancellationToken cancellationToken)
    {
        ParsedFootnoteBuilder? current = null;
        var afterBlank = true;
        var i = start;
        for (; i < Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Kinds[i] == LineKind.Furniture)
                break;
            if (Kinds[i] == LineKind.Blank)
            {
                afterBlank = true;
                continue;
            }
            var line = Lines[i];
            var note = StarNote(line) ?? (expectNumbers ? NumberedNote(line) : null);
            var startsNew = note is not null
                && (current is null || afterBlank || note.Value.Marker.StartsWith('*') || IsNextNumber(current.Marker, note.Value.Marker));
            if (startsNew)
            {
                Finish(current);
                current = new ParsedFootnoteBuilder(note!.Value.Marker);
                current.Add(note.Value.Text);
                Footnotes.Add(current.Placeholder);
                current.Index = Footnotes.Count - 1;
            }
            else if (current is not null && !afterBlank)
            {
                current.Add(line);
            }
            else
            {
                break;
            }
            Kinds[i] = LineKind.Footnote;
            afterBlank = false;
        }
        Finish(current);
        return i;
    }

    private void Finish(ParsedFootnoteBuilder? note)
    {
        if (note is not null)
            Footnotes[note.Index] = note.Build();
    }

    private static bool IsNextNumber(string previous, string marker) =>
        int.TryParse(previous, out var p) && int.TryParse(marker, out var m) && m == p + 1;

    private static bool IsUnderscoreLine(string line) => line.Length >= 5 && line.All(c => c == '_');

    private static (string Marker, string Text)? StarNote(string line)
    {
        var stars = 0;
        while (stars < line.Length && stars < 3 && line[stars] == '*')
            stars++;
        if (stars == 0 || stars >= line.Length || line[stars] != ' ')
            return null;
        var text = line[stars..].Trim();
        return text.Length > 0 && char.IsUpper(text[0]) ? (line[..stars], text) : null;
    }

    private static (string Marker, string Text)? NumberedNote(string line)
    {
        var digits = 0;
        while (digits < line.Length && digits < 3 && char.IsAsciiDigit(line[digits]))
            digits++;
        if (digits == 0 || digits >= line.Length || line[digits] != ' ' || line[0] == '0')
            return null;
        var text = line[digits..].Trim();
        return text.Length > 0 ? (line[..digits], text) : null;
    }

    // Page headers may repeat the date or the title, and the page number may stand alone: such lines are
    // furniture only where they sit next to a symbol, job number or page counter. Whether a line is weak
    // (which looks for it in the title) is asked only of lines with furniture within reach.
    public void MarkWeakFurniture(int from, string? title, CancellationToken cancellationToken)
    {
        var weak = new WeakLines(this, title is null ? null : TextShape.Squash(title));
        for (var i = from; i < Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Kinds[i] != LineKind.Content || !(FurnitureWithinReach(i, -1) || FurnitureWithinReach(i, 1)) || !weak.Is(i))
                continue;
            if (i > 0 && ClosingMeeting.IsMeetingLine(Lines[PreviousNonBlank(i)]))
                continue;
            if (TouchesFurniture(i, -1, weak) || TouchesFurniture(i, 1, weak))
                Kinds[i] = LineKind.Furniture;
        }
    }

    private int PreviousNonBlank(int i)
    {
        var j = i - 1;
        while (j > 0 && Kinds[j] == LineKind.Blank)
            j--;
        return Math.Max(j, 0);
    }

    // TouchesFurniture looks at no more than the next four lines that are not blank.
    private bool FurnitureWithinReach(int index, int step)
    {
        var seen = 0;
        for (var j = index + step; j >= 0 && j < Count && seen < 4; j += step)
        {
            if (Kinds[j] == LineKind.Furniture)
                return true;
            if (Kinds[j] != LineKind.Blank)
                seen++;
        }
        return false;
    }

    private bool TouchesFurniture(int index, int step, WeakLines weak)
    {
        var seen = 0;
        for (var j = index + step; j >= 0 && j < Count && seen < 4; j += step)
        {
            if (Kinds[j] == LineKind.Blank)
                continue;
            if (Kinds[j] == LineKind.Furniture)
                return true;
            if (Kinds[j] != LineKind.Content || !weak.Is(j))
                return false;
            seen++;
        }
        return false;
    }

    // Whether a line is weak furniture, worked out once a line: each line is asked about again by its neighbours.
    private sealed class WeakLines(UnTextLines lines, string? squashedTitle)
    {
        private readonly bool?[] known = new bool?[lines.Count];

        public bool Is(int index) => known[index] ??= PageFurniture.IsWeak(lines.Lines[index], squashedTitle);
    }

    private sealed class ParsedFootnoteBuilder(string marker)
    {
        private readonly LineJoiner text = new();

        public string Marker { get; } = marker;
        public int Index { get; set; }
        public ParsedFootnote Placeholder => new(Marker, "");

        public void Add(string line) => text.Append(line);

        public ParsedFootnote Build() => new(Marker, text.ToString());
    }
}

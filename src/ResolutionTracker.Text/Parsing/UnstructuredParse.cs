using ResolutionTracker.Text.Symbols;

namespace ResolutionTracker.Text.Parsing;

// Text in another language: page furniture and footnote blocks still come out, and each remaining block is
// kept as one paragraph, in order, for a person to sort.
internal static class UnstructuredParse
{
    public static ParsedResolution Parse(UnTextLines lines, string language, CancellationToken cancellationToken)
    {
        lines.ExtractFootnotes(0, cancellationToken);
        string? symbol = null;
        for (var i = 0; i < lines.Count && symbol is null; i++)
        {
            if (lines.Lines[i].Contains('/', StringComparison.Ordinal) && SymbolRecognizer.IsSymbol(lines.Lines[i]))
                symbol = lines.Lines[i];
        }
        var paragraphs = new List<ParsedParagraph>();
        var current = new List<string>();
        for (var i = 0; i <= lines.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (i < lines.Count && lines.IsContent(i))
            {
                current.Add(lines.Lines[i]);
                continue;
            }
            if (current.Count == 0)
                continue;
            paragraphs.Add(new ParsedParagraph(paragraphs.Count + 1, TextShape.CollapseSpaces(LineJoiner.Join(current)), []));
            current.Clear();
        }
        return new ParsedResolution
        {
            Symbol = symbol,
            Body = UnTextHeader.BodyFromSymbol(symbol),
            Session = UnTextHeader.SessionFromSymbol(symbol),
            Preambular = paragraphs,
            Footnotes = lines.Footnotes,
            Warnings =
            [
                $"the text does not look like English (it looks like {language}): each block is kept as one paragraph, without preambular or operative structure",
            ],
        };
    }
}

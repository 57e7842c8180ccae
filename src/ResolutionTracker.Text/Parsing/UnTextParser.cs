using System.Text;
using System.Text.RegularExpressions;

namespace ResolutionTracker.Text.Parsing;

// Reads a UN resolution as PDF text extraction gives it: hard line breaks, page furniture, footnote blocks in
// the middle of paragraphs, markers glued to words. The header runs up to the opening formula ("The General
// Assembly,"); preambular paragraphs follow until the first numbered paragraph; numbered paragraphs are
// operative, and (a), (b) / (i), (ii) items stay with the paragraph above them. Whatever is uncertain is
// reported in Warnings; the parser never throws on text. It stops with OperationCanceledException when the
// token is cancelled, which it looks at between lines, blocks and paragraphs.
public static partial class UnTextParser
{
    public static ParsedResolution Parse(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text))
            return new ParsedResolution { Warnings = ["no text"] };

        var lines = UnTextLines.Split(text, cancellationToken);
        var language = LanguageGuess.NonEnglish(text);
        if (language is not null)
            return UnstructuredParse.Parse(lines, language, cancellationToken);

        var warnings = new ParseWarnings();
        var (opening, openingBody, openingRest) = FindOpeningFormula(lines, cancellationToken);
        if (opening < 0)
        {
            opening = GuessBodyStart(lines, cancellationToken);
            warnings.Add("no opening formula (\"The General Assembly,\", \"The Human Rights Council,\") found");
        }

        lines.ExtractFootnotes(0, cancellationToken);
        var header = UnTextHeader.Read(lines, Math.Max(opening, 0), openingBody, cancellationToken);
        warnings.AddRange(header.Warnings);
        lines.MarkWeakFurniture(opening + 1, header.Title, cancellationToken);

        var bodyStart = opening + 1;
        var closingAt = FindClosing(lines, bodyStart, cancellationToken);
        var blocks = BlockReader.Read(lines, bodyStart, closingAt < 0 ? lines.Count : closingAt, openingRest, cancellationToken);
        var body = ParagraphBuilder.Build(blocks, warnings, cancellationToken);

        ParsedVote? vote = null;
        if (closingAt >= 0)
        {
            var closing = new List<string>();
            for (var i = closingAt; i < lines.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (lines.IsContent(i))
                    closing.Add(lines.Lines[i]);
            }
            vote = ClosingMeeting.Read(closing);
        }

        var markers = new FootnoteMarkers(lines.Footnotes.Select(f => f.Marker).Where(m => m.Length > 0 && char.IsAsciiDigit(m[0])));
        var title = header.Title is null ? null : markers.Strip(header.Title);
        var preambular = body.Preambular.Select(p => StripMarkers(p, markers, cancellationToken)).ToList();
        var operative = body.Operative.Select(p => StripMarkers(p, markers, cancellationToken)).ToList();
        foreach (var missing in markers.Missing)
            warnings.Add($"the marker of footnote {missing} was not found in the text");

        if (header.Symbol is null)
            warnings.Add("no document symbol found in the header");
        if (operative.Count == 0)
            warnings.Add("no operative paragraph found");
        if (header.Symbol is not null && header.Symbol.Contains("/L.", StringComparison.Ordinal) && !header.HasSponsorLine)
            warnings.Add("no sponsor line (\"...: draft resolution\") found in a draft");

        return new ParsedResolution
        {
            Symbol = header.Symbol,
            Title = title,
            Body = header.Body,
            Session = header.Session,
            AgendaItem = header.AgendaItem,
            Date = header.Date,
            Sponsors = header.SponsorText is null ? [] : StateList.Split(header.SponsorText),
            Preambular = preambular,
            Operative = operative,
            Footnotes = lines.Footnotes.Select(f => f with { Text = TextShape.CollapseSpaces(f.Text) }).ToList(),
            Vote = vote,
            Warnings = warnings.ToList(),
        };
    }

    private static ParsedParagraph StripMarkers(ParsedParagraph paragraph, FootnoteMarkers markers, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var text = Tidy(markers.Strip(paragraph.Text));
        var items = paragraph.SubItems.Select(s => s with { Text = Tidy(markers.Strip(s.Text)) }).ToList();
        return paragraph with { Text = text, SubItems = items };
    }

    private static string Tidy(string text) =>
        TextShape.CollapseSpaces(text).Replace(" ,", ",", StringComparison.Ordinal).Replace(" ;", ";", StringComparison.Ordinal);

    private static (int Index, string? Body, string? FirstText) FindOpeningFormula(UnTextLines lines, CancellationToken cancellationToken)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!lines.IsContent(i))
                continue;
            var match = OpeningFormula().Match(lines.Lines[i]);
            if (match.Success)
            {
                var body = match.Groups["body"].Value;
                var rest = match.Groups["rest"].Value.Trim();
                return (i, body, rest.Length == 0 ? null : rest);
            }
        }
        return (-1, null, null);
    }

    // Without an opening formula the body starts at the first numbered paragraph or the first line that
    // begins with a preambular opening word after a blank line.
    private static int GuessBodyStart(UnTextLines lines, CancellationToken cancellationToken)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!lines.IsContent(i) || (i > 0 && lines.IsContent(i - 1)))
                continue;
            var line = lines.Lines[i];
            if (ParagraphBuilder.IsNumbered(line) || OpeningWords.IsOpening(line))
                return i - 1;
        }
        return -1;
    }

    private static int FindClosing(UnTextLines lines, int from, CancellationToken cancellationToken)
    {
        var seenNumbered = false;
        for (var i = from; i < lines.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!lines.IsContent(i))
                continue;
            if (ParagraphBuilder.IsNumbered(lines.Lines[i]))
                seenNumbered = true;
            else if (seenNumbered && ClosingMeeting.IsMeetingLine(lines.Lines[i]))
                return i;
        }
        return -1;
    }

    [GeneratedRegex(@"^The (?<body>General Assembly|Human Rights Council|Security Council|Economic and Social Council|Commission on Human Rights|Conference of the Parties|Assembly|Council)\s*,(?<rest>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex OpeningFormula();
}

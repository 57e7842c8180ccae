using System.Text.RegularExpressions;
using ResolutionTracker.Text.Symbols;

namespace ResolutionTracker.Text.Parsing;

// What the first page says before the opening formula: symbol, body, session, agenda item, date,
// sponsors and title.
internal sealed partial class UnTextHeader
{
    public string? Symbol { get; private set; }
    public string? Body { get; private set; }
    public int? Session { get; private set; }
    public string? AgendaItem { get; private set; }
    public DateOnly? Date { get; private set; }
    public string? SponsorText { get; private set; }
    public bool HasSponsorLine { get; private set; }
    public string? Title { get; private set; }
    public List<string> Warnings { get; } = [];

    public static UnTextHeader Read(UnTextLines lines, int end, string? openingBody, CancellationToken cancellationToken)
    {
        var header = new UnTextHeader();
        header.ReadFields(lines, end, cancellationToken);
        header.ReadTitle(lines, end, cancellationToken);
        header.Body = BodyFromSymbol(header.Symbol) ?? header.Body ?? openingBody;
        var fromSymbol = SessionFromSymbol(header.Symbol);
        if (header.Session is null)
            header.Session = fromSymbol;
        else if (fromSymbol is not null && fromSymbol != header.Session)
            header.Warnings.Add($"the header says session {header.Session} but the symbol {header.Symbol} says {fromSymbol}");
        return header;
    }

    private void ReadFields(UnTextLines lines, int end, CancellationToken cancellationToken)
    {
        var agendaUntil = -1;
        for (var i = 0; i < end; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var line = lines.Lines[i];
            if (line.Length == 0 || lines.Kinds[i] == LineKind.Footnote)
                continue;
            if (Symbol is null && line.Contains('/', StringComparison.Ordinal) && SymbolRecognizer.IsSymbol(line))
            {
                Symbol = line;
                continue;
            }
            if (lines.Kinds[i] == LineKind.Furniture)
                continue;
            if (Date is null && PageFurniture.IsDateLine(line))
            {
                Date = ClosingMeeting.ParseDate(line);
                continue;
            }
            var session = SessionLine().Match(line);
            if (Session is null && session.Success)
            {
                Session = SessionNumbers.FromOrdinal(session.Groups["ord"].Value);
                continue;
            }
            var agenda = AgendaLine().Match(line);
            if (AgendaItem is null && agenda.Success)
            {
                AgendaItem = agenda.Groups["item"].Value.Trim().TrimEnd('*').Trim();
                agendaUntil = i;
                continue;
            }
            if (Body is null && line is "Human Rights Council" or "Security Council" or "Economic and Social Council"
                or "Commission on Human Rights" or "Third Committee")
            {
                Body = line;
            }
            // "...and Uruguay:" may end one line and "draft resolution" start the next.
            var split = line.StartsWith("draft ", StringComparison.OrdinalIgnoreCase) && i > 0 && lines.IsContent(i - 1)
                && lines.Lines[i - 1].TrimEnd('*', ' ').EndsWith(':');
            var candidate = split ? lines.Lines[i - 1] + " " + line : line;
            if (!HasSponsorLine && i > agendaUntil && SponsorNames(candidate) is { } names)
            {
                HasSponsorLine = true;
                SponsorText = ReadSponsorBlock(lines, split ? i - 1 : i, names);
                sponsorLineIndex = i;
            }
        }
        if (Symbol is null)
        {
            for (var i = 0; i < end && Symbol is null; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var found = SymbolRecognizer.FindAll(lines.Lines[i]);
                if (found.Count > 0 && !lines.Lines[i].StartsWith('['))
                    Symbol = found[0].Symbol;
            }
        }
    }

    private int sponsorLineIndex = -1;

    // "Albania, Chile*: draft resolution" gives "Albania, Chile"; a line that is no sponsor line gives null. The
    // names end at the first colon that "draft resolution" (or "decision") follows, with the spaces and the one
    // star before it. One regex with the names as a lazy ".*?" would try each place in a long run of spaces
    // again and again.
    private static string? SponsorNames(string line)
    {
        for (var colon = line.IndexOf(':', StringComparison.Ordinal); colon >= 0; colon = line.IndexOf(':', colon + 1))
        {
            if (!DraftAfterColon().IsMatch(line, colon + 1))
                continue;
            var end = colon;
            while (end > 0 && char.IsWhiteSpace(line[end - 1]))
                end--;
            if (end > 0 && line[end - 1] == '*')
            {
                end--;
                while (end > 0 && char.IsWhiteSpace(line[end - 1]))
                    end--;
            }
            return line.AsSpan(0, end).Contains('\n') ? null : line[..end];
        }
        return null;
    }

    // A long sponsor list wraps: the lines above the one that ends in ": draft resolution", up to a blank line.
    // In a text without blank lines the agenda item's title sits right above, so there a line is taken only
    // if it ends as a wrapped list does.
    private static string ReadSponsorBlock(UnTextLines lines, int index, string lastLine)
    {
        var top = index;
        while (top > 0 && lines.Kinds[top - 1] == LineKind.Content
            && !AgendaLine().IsMatch(lines.Lines[top - 1]) && !SessionLine().IsMatch(lines.Lines[top - 1]))
        {
            top--;
        }
        var delimited = top > 0 && lines.Kinds[top - 1] != LineKind.Content;
        var first = index;
        while (first > top && (delimited || ContinuesOnNextLine(lines.Lines[first - 1])))
            first--;
        return LineJoiner.Join(lines.Lines[first..index].Append(lastLine));
    }

    // A wrapped sponsor list breaks after a comma or inside a name ("Saint Vincent and the", "Great Britain and");
    // a line that ends otherwise is the agenda item's title above the list.
    private static bool ContinuesOnNextLine(string line)
    {
        var trimmed = line.TrimEnd('*', ' ');
        return trimmed.EndsWith(',')
            || trimmed.EndsWith(" and", StringComparison.Ordinal)
            || trimmed.EndsWith(" the", StringComparison.Ordinal)
            || trimmed.EndsWith(" of", StringComparison.Ordinal);
    }

    private void ReadTitle(UnTextLines lines, int end, CancellationToken cancellationToken)
    {
        for (var i = 0; i < end; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var numbered = NumberedTitle().Match(lines.Lines[i]);
            if (lines.IsContent(i) && numbered.Success)
            {
                Title = CleanTitle(TitleBlock(lines, i, end, numbered.Groups["title"].Value));
                return;
            }
        }
        if (sponsorLineIndex >= 0)
        {
            for (var i = sponsorLineIndex + 1; i < end; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (lines.IsContent(i) && !lines.Lines[i].StartsWith('*'))
                {
                    Title = CleanTitle(TitleBlock(lines, i, end, lines.Lines[i]));
                    return;
                }
            }
        }

        // No sponsor line and no resolution number: the last block before the opening formula that is not
        // one of the header's known lines.
        var candidate = -1;
        var afterAgenda = false;
        for (var i = 0; i < end; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!lines.IsContent(i))
            {
                afterAgenda = afterAgenda && lines.Kinds[i] != LineKind.Blank;
                continue;
            }
            var line = lines.Lines[i];
            if (AgendaLine().IsMatch(line))
            {
                afterAgenda = true;
                continue;
            }
            if (afterAgenda || IsKnownHeaderLine(line) || (i > 0 && lines.IsContent(i - 1)))
                continue;
            candidate = i;
        }
        if (candidate >= 0)
            Title = CleanTitle(TitleBlock(lines, candidate, end, lines.Lines[candidate]));
        else
            Warnings.Add("no title found before the opening formula");
    }

    private static string TitleBlock(UnTextLines lines, int start, int end, string first)
    {
        var parts = new List<string> { first };
        for (var j = start + 1; j < end && lines.IsContent(j); j++)
            parts.Add(lines.Lines[j]);
        return LineJoiner.Join(parts);
    }

    private static string CleanTitle(string title) => TextShape.CollapseSpaces(title.Replace("*", "", StringComparison.Ordinal)).Trim();

    private static bool IsKnownHeaderLine(string line) =>
        line is "United Nations" or "General Assembly" or "Human Rights Council" or "Security Council"
            or "Economic and Social Council" or "Third Committee" or "Commission on Human Rights"
        || line.StartsWith("Distr.", StringComparison.Ordinal)
        || line.StartsWith("Original:", StringComparison.Ordinal)
        || line.StartsWith('[')
        || line.StartsWith("Resolution adopted", StringComparison.Ordinal)
        || line.StartsWith("Adopted by the", StringComparison.Ordinal)
        || ResolutionNumberLine().IsMatch(line)
        || line.StartsWith("on ", StringComparison.Ordinal)
        || PageFurniture.IsDateLine(line)
        || SessionLine().IsMatch(line)
        || SessionDates().IsMatch(line);

    public static string? BodyFromSymbol(string? symbol)
    {
        if (symbol is null)
            return null;
        if (symbol.StartsWith("A/HRC/", StringComparison.Ordinal))
            return "Human Rights Council";
        if (symbol.StartsWith("A/C.", StringComparison.Ordinal) && symbol.Length > 4)
        {
            return symbol[4] switch
            {
                '1' => "First Committee",
                '2' => "Second Committee",
                '3' => "Third Committee",
                '4' => "Fourth Committee",
                '5' => "Fifth Committee",
                '6' => "Sixth Committee",
                _ => "General Assembly",
            };
        }
        if (symbol.StartsWith("A/", StringComparison.Ordinal))
            return "General Assembly";
        if (symbol.StartsWith("S/", StringComparison.Ordinal))
            return "Security Council";
        if (symbol.StartsWith("E/CN.4/", StringComparison.Ordinal))
            return "Commission on Human Rights";
        return symbol.StartsWith("E/", StringComparison.Ordinal) ? "Economic and Social Council" : null;
    }

    // A/HRC/43/L.31, A/RES/80/4, A/C.3/66/L.32: the first plain number after the organ parts. Years
    // (E/CN.4/2005/...) and Security Council numbers are not sessions.
    public static int? SessionFromSymbol(string? symbol)
    {
        if (symbol is null || !symbol.StartsWith("A/", StringComparison.Ordinal))
            return null;
        foreach (var part in symbol.Split('/').Skip(1))
        {
            if (part.Length is > 0 and <= 3 && part.All(char.IsAsciiDigit))
                return int.Parse(part, System.Globalization.CultureInfo.InvariantCulture);
            if (part.StartsWith('L') || part.StartsWith("S-", StringComparison.Ordinal))
                return null;
        }
        return null;
    }

    [GeneratedRegex(@"^(?<ord>[A-Z][a-z]+(?:[-\u2011][a-z]+)?)\s+(?:special\s+|regular\s+|resumed\s+)?session\b", RegexOptions.CultureInvariant)]
    private static partial Regex SessionLine();

    [GeneratedRegex(@"^[0-9]{1,2}\s+[A-Z][a-z]+(?:\s+[0-9]{4})?\s*[\u2013\u2014-]\s*[0-9]{1,2}\s+[A-Z][a-z]+\s+[0-9]{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex SessionDates();

    [GeneratedRegex(@"^Resolution [0-9]{1,5} \((?:19|20)[0-9]{2}\)$", RegexOptions.CultureInvariant)]
    private static partial Regex ResolutionNumberLine();

    [GeneratedRegex(@"^Agenda items?\s+(?<item>\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex AgendaLine();

    // What follows the colon of a sponsor line, from the place asked about.
    [GeneratedRegex(@"\G\s*(?:\*\s*)?(?:revised\s+)?draft\s+(?:resolution|decision)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DraftAfterColon();

    // "80/4. Title" in an adopted text, "43/... Title" in a Human Rights Council draft.
    [GeneratedRegex(@"^[0-9]{1,3}/(?:[0-9]{1,4}\.?|\.\.\.|\u2026)\s+(?<title>\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberedTitle();
}

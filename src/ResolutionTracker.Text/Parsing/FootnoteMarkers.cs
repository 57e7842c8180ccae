using System.Text;
using System.Text.RegularExpressions;
using ResolutionTracker.Text.Symbols;

namespace ResolutionTracker.Text.Parsing;

// Removes footnote markers that PDF extraction glued to the text ("2024,1", "rights3", "202115" for the year
// 2021 and footnote 15, "Development 2 and"). Digits are taken for a marker only when they are the next
// footnote expected in reading order (or one of the two after it, when a marker went missing), so numbers
// in the prose are left alone.
internal sealed partial class FootnoteMarkers
{
    private const int LookAhead = 3;

    // Words after which a number is a reference, not a footnote marker: "article 2", "Goal 3".
    private static readonly HashSet<string> ReferenceWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "article", "articles", "paragraph", "paragraphs", "para", "paras", "section", "sections", "chapter",
        "chapters", "resolution", "resolutions", "decision", "decisions", "goal", "goals", "target", "targets",
        "annex", "annexes", "part", "parts", "rule", "rules", "principle", "principles", "item", "items", "no",
        "vol", "volume", "protocol", "session", "sessions", "page", "pages", "table", "figure", "step", "level",
        "phase", "category", "option", "recommendation", "recommendations", "regulation", "clause", "and", "or",
        "to", "of", "than", "about", "some", "over", "under", "by", "from", "with", "at", "on", "in", "for",
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December", "Agenda", "Amendment", "Convention", "Covenant", "Declaration", "Council",
    };

    private readonly List<string> markers;
    private readonly bool[] found;
    private int next;

    public FootnoteMarkers(IEnumerable<string> numericMarkers)
    {
        markers = numericMarkers.ToList();
        found = new bool[markers.Count];
    }

    public IEnumerable<string> Missing => markers.Where((_, i) => !found[i]);

    public string Strip(string text)
    {
        if (next >= markers.Count || text.Length == 0)
            return text;
        IReadOnlyList<SymbolMatch>? symbols = null;
        // Symbols come in order and do not overlap, as the candidates do: the first one that does not end
        // before a candidate is the only one that can hold it.
        var symbol = 0;
        var builder = new StringBuilder(text.Length);
        var copied = 0;
        foreach (Match match in Candidate().Matches(text))
        {
            if (next >= markers.Count)
                break;
            var group = match.Groups["m"];
            var accepted = Accept(group.Value, spaced: match.Groups["sp"].Success);
            if (accepted < 0)
                continue;
            if (match.Groups["sp"].Success && !SpacedMarkerFits(text, match.Index))
                continue;
            symbols ??= SymbolRecognizer.FindAll(text);
            while (symbol < symbols.Count && symbols[symbol].Start + symbols[symbol].Length <= group.Index)
                symbol++;
            if (symbol < symbols.Count && symbols[symbol].Start <= group.Index)
                continue;
            if (match.Groups["pd"].Success && match.Index > 0 && char.IsAsciiDigit(text[match.Index - 1]))
                continue; // "1.5 per cent" is a number, not a full stop and a marker.

            for (var i = next; i <= accepted; i++)
                found[i] = i == accepted || found[i];
            next = accepted + 1;
            var removeFrom = match.Groups["sp"].Success ? match.Groups["sp"].Index : group.Index;
            builder.Append(text, copied, removeFrom - copied);
            copied = group.Index + group.Length;
        }
        if (copied == 0)
            return text;
        builder.Append(text, copied, text.Length - copied);
        return builder.ToString();
    }

    private int Accept(string digits, bool spaced)
    {
        var limit = spaced ? Math.Min(markers.Count, next + 1) : Math.Min(markers.Count, next + LookAhead);
        for (var i = next; i < limit; i++)
        {
            if (string.Equals(markers[i], digits, StringComparison.Ordinal))
                return i;
        }
        return -1;
    }

    private static bool SpacedMarkerFits(string text, int spaceIndex)
    {
        var end = spaceIndex;
        while (end > 0 && !char.IsLetter(text[end - 1]))
        {
            if (text[end - 1] is not (',' or ';' or ':' or '.' or '"' or '\u201D' or '\u2019' or ')'))
                return false;
            end--;
        }
        var start = end;
        while (start > 0 && char.IsLetter(text[start - 1]))
            start--;
        return end > start && !ReferenceWords.Contains(text[start..end]);
    }

    // pd: the marker follows a full stop; sp: a space comes before a free-standing marker.
    [GeneratedRegex("""
        (?:
            (?<=[\p{L}\p{N}\)\]"\u201D\u2019%])(?:[,;:]|(?<pd>\.))(?<m>[1-9][0-9]{0,2})(?=\s|$|[\)\]])
          | (?<=[\p{Ll}"\u201D\u2019\)])(?<m>[1-9][0-9]{0,2})(?=[\s.,;:\)]|$)
          | (?<=\b(?:1[89]|20)[0-9]{2})(?<m>[1-9][0-9]?)(?=[\s.,;:\)]|$)
          | (?<=[\p{L}\p{P}])(?<sp>[\u0020])(?<m>[1-9][0-9]{0,2})(?=\s|$|[,;.:])
        )
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex Candidate();
}

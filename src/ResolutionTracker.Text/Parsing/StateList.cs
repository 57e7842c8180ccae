namespace ResolutionTracker.Text.Parsing;

// Splits "Albania, Austria, Bosnia and Herzegovina and Ukraine" into names. The last "and" joins the last
// two states, unless it belongs to a state's own name.
internal static class StateList
{
    private static readonly string[] NamesWithAnd =
    [
        "Antigua and Barbuda", "Bosnia and Herzegovina", "Saint Kitts and Nevis", "Saint Vincent and the Grenadines",
        "Sao Tome and Principe", "Trinidad and Tobago", "United Kingdom of Great Britain and Northern Ireland",
        "Heard Island and McDonald Islands", "Turks and Caicos Islands", "Wallis and Futuna",
        "Saint Pierre and Miquelon", "South Georgia and the South Sandwich Islands", "Svalbard and Jan Mayen",
        "Latin America and the Caribbean", "Group of Latin American and Caribbean States",
        "Western European and other States",
    ];

    public static IReadOnlyList<string> Split(string text)
    {
        var names = new List<string>();
        foreach (var part in SplitOutsideParentheses(text))
        {
            var cleaned = Clean(part);
            if (cleaned.Length == 0)
                continue;
            names.AddRange(SplitOnAnd(cleaned));
        }
        return names;
    }

    // "Egypt (on behalf of the Group of Arab States, and Jordan)" keeps its parenthesis whole.
    private static List<string> SplitOutsideParentheses(string text)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '(':
                    depth++;
                    break;
                case ')':
                    depth = Math.Max(0, depth - 1);
                    break;
                case ',' or ';' when depth == 0:
                    parts.Add(text[start..i]);
                    start = i + 1;
                    break;
            }
        }
        parts.Add(text[start..]);
        return parts;
    }

    // The last "and" may join two states, and a list may join them all with "and". The places of the names
    // that have an "and" of their own and the depth of parentheses are worked out in one pass over the part,
    // not again at each "and".
    private static IEnumerable<string> SplitOnAnd(string part)
    {
        var start = part.StartsWith("and ", StringComparison.Ordinal) ? 4 : 0;
        var end = part.Length;
        var and = part.IndexOf(" and ", start, StringComparison.Ordinal);
        if (and < 0)
        {
            yield return part[start..];
            yield break;
        }

        var names = NamesWithAnd.Select(name => new NamePlaces(part, name)).ToList();
        var depth = new ParenthesisDepth(part);
        var depthAtStart = depth.At(start);
        while (and >= 0 && and + 5 <= end)
        {
            if (!names.Any(n => n.Holds(and, start)) && depth.At(and) - depthAtStart <= 0)
            {
                yield return part[start..and].Trim();
                // What is left, trimmed as a string of its own would be.
                start = and + 5;
                end = Math.Max(part.AsSpan().TrimEnd().Length, start);
                while (start < end && char.IsWhiteSpace(part[start]))
                    start++;
                depthAtStart = depth.At(start);
                and = part.IndexOf(" and ", start, StringComparison.Ordinal);
                continue;
            }
            and = part.IndexOf(" and ", and + 5, StringComparison.Ordinal);
        }
        yield return part[start..end];
    }

    // Where one name stands in the text; asked, with growing indexes, whether an index falls inside it.
    private sealed class NamePlaces
    {
        private readonly string name;
        private readonly List<int> places = [];
        private int before;

        public NamePlaces(string text, string name)
        {
            this.name = name;
            for (var at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + 1, StringComparison.Ordinal))
                places.Add(at);
        }

        // Inside a place that starts at or after `from`. The last place that starts before the index is the one
        // to look at: all places have the same length.
        public bool Holds(int index, int from)
        {
            while (before < places.Count && places[before] < index)
                before++;
            return before > 0 && places[before - 1] >= from && index < places[before - 1] + name.Length;
        }
    }

    // How many parentheses are open before an index, asked with growing indexes.
    private sealed class ParenthesisDepth(string text)
    {
        private int position;
        private int depth;

        public int At(int index)
        {
            for (; position < index; position++)
                depth += text[position] switch { '(' => 1, ')' => -1, _ => 0 };
            return depth;
        }
    }

    private static string Clean(string name) => TextShape.CollapseSpaces(name.Replace("*", "", StringComparison.Ordinal)).Trim(' ', '.');
}

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

    private static IEnumerable<string> SplitOnAnd(string part)
    {
        if (part.StartsWith("and ", StringComparison.Ordinal))
            part = part[4..];
        var position = 0;
        while (true)
        {
            var and = part.IndexOf(" and ", position, StringComparison.Ordinal);
            if (and < 0)
            {
                yield return part;
                yield break;
            }
            if (!InsideKnownName(part, and) && !InsideParentheses(part, and))
            {
                yield return part[..and].Trim();
                part = part[(and + 5)..].Trim();
                position = 0;
                continue;
            }
            position = and + 5;
        }
    }

    private static bool InsideParentheses(string text, int index)
    {
        var depth = 0;
        for (var i = 0; i < index; i++)
        {
            if (text[i] == '(')
                depth++;
            else if (text[i] == ')')
                depth--;
        }
        return depth > 0;
    }

    private static bool InsideKnownName(string text, int index)
    {
        foreach (var name in NamesWithAnd)
        {
            var at = text.IndexOf(name, StringComparison.Ordinal);
            while (at >= 0)
            {
                if (index > at && index < at + name.Length)
                    return true;
                at = text.IndexOf(name, at + 1, StringComparison.Ordinal);
            }
        }
        return false;
    }

    private static string Clean(string name) => TextShape.CollapseSpaces(name.Replace("*", "", StringComparison.Ordinal)).Trim(' ', '.');
}

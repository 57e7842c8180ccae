namespace ResolutionTracker.Text.AkomaNtoso;

// Splits a printed list of states ("Albania, Austria, Netherlands (Kingdom of the) and United Kingdom of Great
// Britain and Northern Ireland") into names. Commas inside parentheses do not split, and " and " splits only the
// last item, where UN style puts it, and never inside a state name that contains the word itself.
internal static class NameList
{
    private static readonly string[] NamesWithAnd =
    [
        "Antigua and Barbuda",
        "Bosnia and Herzegovina",
        "Saint Kitts and Nevis",
        "Saint Vincent and the Grenadines",
        "Sao Tome and Principe",
        "Trinidad and Tobago",
        "United Kingdom of Great Britain and Northern Ireland",
    ];

    public static List<string> Split(string? printed)
    {
        var names = new List<string>();
        if (string.IsNullOrWhiteSpace(printed))
            return names;

        var text = AknText.Normalise(printed).Trim('[', ']', '.', ' ', ';');
        var items = SplitOutsideParentheses(text, ",");
        for (var i = 0; i < items.Count; i++)
        {
            if (i == items.Count - 1)
                names.AddRange(SplitLastItem(items[i]));
            else
                names.Add(items[i]);
        }
        return names.Select(n => n.Trim()).Where(n => n.Length > 0).ToList();
    }

    private static List<string> SplitLastItem(string item)
    {
        var parts = SplitOutsideParentheses(item, " and ");
        var result = new List<string>();
        var i = 0;
        while (i < parts.Count)
        {
            var taken = 1;
            for (var length = parts.Count - i; length >= 2; length--)
            {
                var joined = string.Join(" and ", parts.Skip(i).Take(length));
                if (NamesWithAnd.Any(n => string.Equals(n, joined, StringComparison.OrdinalIgnoreCase)))
                {
                    taken = length;
                    break;
                }
            }
            result.Add(string.Join(" and ", parts.Skip(i).Take(taken)));
            i += taken;
        }
        return result;
    }

    private static List<string> SplitOutsideParentheses(string text, string separator)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '(')
                depth++;
            else if (c == ')' && depth > 0)
                depth--;
            else if (depth == 0 && string.CompareOrdinal(text, i, separator, 0, separator.Length) == 0)
            {
                parts.Add(text[start..i].Trim());
                start = i + separator.Length;
                i = start - 1;
            }
        }
        parts.Add(text[start..].Trim());
        return parts.Where(p => p.Length > 0).ToList();
    }
}

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ResolutionTracker.Text.AkomaNtoso;

// Text rules shared by the reader's parts: the same normal form as the plain-text parser (single spaces,
// no layout), and the labels of sub-items, "(a)" at the first level and "(i)" at the second.
internal static partial class AknText
{
    private static readonly string[] Romans =
    [
        "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x",
        "xi", "xii", "xiii", "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx",
    ];

    public static string Normalise(string text) => Whitespace().Replace(text, " ").Trim();

    // Whether Normalise would leave anything, without building the string: a paragraph's text is tested once
    // for each of its blocks, and grows with them. Looks from the end, where the last block was added.
    public static bool HasText(StringBuilder text)
    {
        for (var i = text.Length - 1; i >= 0; i--)
        {
            if (!char.IsWhiteSpace(text[i]))
                return true;
        }
        return false;
    }

    public static string Snip(string text, int length = 80) =>
        text.Length <= length ? text : string.Concat(text.AsSpan(0, length), "…");

    // "1." or "(1)" or "12" as printed in <num>.
    public static int? ParseNumber(string? printed)
    {
        if (printed is null)
            return null;
        var match = ParagraphNumber().Match(Normalise(printed));
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    // "(a)", "a)", "a." and "(a)." are all written "(a)", as the plain-text parser writes them.
    public static string? NormaliseLabel(string? printed)
    {
        if (printed is null)
            return null;
        var inner = Normalise(printed).TrimEnd('.').Trim('(', ')').Trim();
        return inner.Length == 0 ? null : $"({inner})";
    }

    // A block of text that opens with a sub-item label: "(b) Encourages ..." gives "(b)" and "Encourages ...".
    public static bool TrySplitLabel(string text, out string label, out string rest)
    {
        var match = LeadingLabel().Match(text);
        if (!match.Success)
        {
            label = "";
            rest = text;
            return false;
        }
        label = $"({match.Groups[1].Value})";
        rest = text[match.Length..].Trim();
        return true;
    }

    // Where no element nesting says how deep a sub-item is, its label does: letters are level 1, roman
    // numerals level 2, except that (i), (v) and (x) right after (h), (u) and (w) are letters.
    public static int LevelOf(string label, string? previousLevelOneLabel)
    {
        var inner = label.Trim('(', ')');
        if (inner.Length > 0 && char.IsDigit(inner[0]))
            return 2;
        if (!Romans.Contains(inner, StringComparer.Ordinal))
            return 1;
        if (inner.Length == 1 && previousLevelOneLabel is not null)
        {
            var previous = previousLevelOneLabel.Trim('(', ')');
            if (previous.Length == 1 && previous[0] + 1 == inner[0])
                return 1;
        }
        return 2;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^\(?(\d{1,4})\s*[.)]?$")]
    private static partial Regex ParagraphNumber();

    [GeneratedRegex(@"^\(([a-z]{1,2}|[ivx]{1,6}|\d{1,2})\)\s*")]
    private static partial Regex LeadingLabel();
}

using System.Text;

namespace ResolutionTracker.Text.Parsing;

// Small text operations the parser repeats: whitespace squashing and the end-of-paragraph test.
internal static class TextShape
{
    // Letters and digits only, lower case: compares a running header with the title whatever the spacing.
    public static string Squash(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
                builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    public static string CollapseSpaces(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }
            if (space)
                builder.Append(' ');
            space = false;
            builder.Append(c);
        }
        return builder.ToString();
    }

    // A paragraph ends with a comma, semicolon, colon or full stop, possibly followed by a footnote marker
    // ("rights,3") or a closing quote.
    public static bool EndsParagraph(string text)
    {
        var end = text.Length - 1;
        while (end >= 0 && (char.IsWhiteSpace(text[end]) || text[end] == '*'))
            end--;
        return EndsParagraph(end, i => text[i]);
    }

    // The same test on a text read through `at`, whose last character that is neither white space nor '*' is
    // at index `last` (-1: none).
    public static bool EndsParagraph(int last, Func<int, char> at)
    {
        var end = last;
        var digits = end;
        while (digits >= 0 && char.IsAsciiDigit(at(digits)))
            digits--;
        if (digits >= 0 && digits < end && IsEndPunctuation(at(digits)))
            end = digits;
        while (end >= 0 && (at(end) is '"' or '\u201D' or '\u2019' or ')'))
        {
            if (at(end) == ')')
                return false;
            end--;
        }
        return end >= 0 && IsEndPunctuation(at(end));
    }

    private static bool IsEndPunctuation(char c) => c is ',' or ';' or ':' or '.';

    public static bool StartsLower(string text) => text.Length > 0 && char.IsLower(text[0]);
}

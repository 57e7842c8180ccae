using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ResolutionTracker.Text.Symbols;

// Finds UN document symbols (A/HRC/43/L.31/Rev.1, A/RES/60/251, E/CN.4/2005/L.10/Add.17, S/RES/2334 (2016), S/PV.9000)
// in free text. A symbol is an issuing organ followed by at least two slash-separated parts, one of them a
// number, so dates, ratios, fractions, "and/or" and "A/B testing" are never taken for one.
public static partial class SymbolRecognizer
{
    private const string UndocsPrefix = "https://undocs.org/en/";

    public static IReadOnlyList<SymbolMatch> FindAll(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Contains('/', StringComparison.Ordinal))
            return [];

        var urls = UrlPattern().Matches(text);
        var url = 0;
        var found = new List<SymbolMatch>();
        foreach (Match match in SymbolPattern().Matches(text))
        {
            // An address is a link already; a symbol inside its query string is part of it. Addresses and
            // symbols both come in order: the first address that does not end before the symbol is the one to ask.
            while (url < urls.Count && urls[url].Index + urls[url].Length <= match.Index)
                url++;
            if ((url < urls.Count && urls[url].Index <= match.Index) || !HasSymbolShape(match.Value))
                continue;
            found.Add(new SymbolMatch(match.Index, match.Length, Normalise(match.Value)));
        }
        return found;
    }

    public static bool IsSymbol(string? candidate)
    {
        if (string.IsNullOrEmpty(candidate))
            return false;
        var matches = FindAll(candidate);
        return matches.Count == 1 && matches[0].Start == 0 && matches[0].Length == candidate.Length;
    }

    // The Official Document System resolves every symbol under one address; slashes stay as they are.
    public static string ToUrl(string symbol)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        var trimmed = Normalise(symbol.Trim());
        if (trimmed.Length == 0)
            throw new ArgumentException("A document symbol is required.", nameof(symbol));

        var url = new StringBuilder(UndocsPrefix, UndocsPrefix.Length + trimmed.Length + 8);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in trimmed.EnumerateRunes())
        {
            if (rune.IsAscii && (char.IsAsciiLetterOrDigit((char)rune.Value) || "/.-_~()".Contains((char)rune.Value, StringComparison.Ordinal)))
            {
                url.Append((char)rune.Value);
                continue;
            }
            var written = rune.EncodeToUtf8(bytes);
            foreach (var b in bytes[..written])
                url.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return url.ToString();
    }

    // At least organ/part/part, and one part a number: a session (43, or a special session S-29), a year or
    // a document number. The one two-part form is a verbatim record (S/PV.9000), whose number follows "PV.".
    private static bool HasSymbolShape(string value)
    {
        var cut = value.IndexOfAny([' ', '\u00A0', '(']);
        var parts = (cut < 0 ? value : value[..cut]).Split('/');
        if (parts.Length == 2)
            return parts[1].StartsWith("PV.", StringComparison.Ordinal) && parts[1].Length > 3 && parts[1][3..].All(char.IsAsciiDigit);
        return parts.Length >= 3 && parts.Skip(1).Any(IsNumberPart);
    }

    private static bool IsNumberPart(string part)
    {
        var dash = part.IndexOf('-', StringComparison.Ordinal);
        var number = dash < 0 ? part : part[(dash + 1)..];
        return number.Length > 0 && number.All(char.IsAsciiDigit);
    }

    // "S/RES/2334(2016)" is printed without its space now and then; the symbol is written with it.
    private static string Normalise(string value)
    {
        var normalised = value.Replace('\u00A0', ' ');
        var paren = normalised.IndexOf('(', StringComparison.Ordinal);
        return paren > 0 && normalised[paren - 1] != ' ' ? normalised.Insert(paren, " ") : normalised;
    }

    // The Security Council's "S/RES/2334 (2016)" carries its year in parentheses; other symbols end at
    // their last part. Suffix words come before upper-case parts so "Rev.1" is not read as "R".
    [GeneratedRegex("""
        (?<![\p{L}\p{N}/\\_.])
        (?:
            S/RES/[0-9]{1,5}[\u0020\u00A0]?\((?:19|20)[0-9]{2}\)
          |
            (?:A|S|E|ST|CCPR|CERD|CEDAW|CRC|CAT|CRPD|CMW|CED|HRI|TD|DP|UNEP|FCCC|ICCD)
            (?:/
                (?:
                    [A-Z]{1,4}-[0-9]{1,3}
                  | (?:Rev|Add|Corr|Amend|Sub|Suppl|Part)\.[0-9]{1,4}
                  | [A-Z]{1,12}(?:\.[0-9]{1,4})?
                  | [0-9]{1,6}
                )
            )+
        )
        (?![\p{L}\p{N}_]|/[\p{L}\p{N}])
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex SymbolPattern();

    [GeneratedRegex("""(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>"]+""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();
}

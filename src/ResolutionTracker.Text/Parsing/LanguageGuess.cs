namespace ResolutionTracker.Text.Parsing;

// Tells English from other languages by their commonest short words, and from non-Latin scripts by their
// letters. The parser reads structure from English opening words only, so other languages are kept whole.
internal static class LanguageGuess
{
    private static readonly HashSet<string> English = new(StringComparer.Ordinal) { "the", "of", "and", "to", "in", "its", "that", "for", "on" };
    private static readonly HashSet<string> French = new(StringComparer.Ordinal) { "le", "la", "les", "des", "du", "et", "aux", "sur", "une", "dans", "est", "pour" };
    private static readonly HashSet<string> Spanish = new(StringComparer.Ordinal) { "el", "los", "las", "del", "y", "por", "con", "una", "sobre", "que" };

    public static string? NonEnglish(string text)
    {
        int english = 0, french = 0, spanish = 0, latin = 0, other = 0;
        var span = text.AsSpan(0, Math.Min(text.Length, 20_000));
        var start = -1;
        for (var i = 0; i <= span.Length; i++)
        {
            var letter = i < span.Length && char.IsLetter(span[i]);
            if (letter)
            {
                if (span[i] < '\u0250')
                    latin++;
                else
                    other++;
                if (start < 0)
                    start = i;
                continue;
            }
            if (start < 0)
                continue;
            var word = span[start..i];
            start = -1;
            if (word.Length > 5)
                continue;
            var lower = word.ToString().ToLowerInvariant();
            if (English.Contains(lower))
                english++;
            else if (French.Contains(lower))
                french++;
            else if (Spanish.Contains(lower))
                spanish++;
        }
        if (other > latin && other > 20)
            return "a non-Latin script";
        var best = Math.Max(french, spanish);
        if (best >= 10 && best > english * 2)
            return french >= spanish ? "French" : "Spanish";
        return null;
    }
}

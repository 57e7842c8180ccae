namespace ResolutionTracker.Text.Parsing;

// The participles and adjectives that open preambular paragraphs ("Recalling", "Deeply concerned").
internal static class OpeningWords
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "Recalling", "Reaffirming", "Reiterating", "Noting", "Bearing", "Convinced", "Deeply", "Gravely", "Recognizing",
        "Recognising", "Stressing", "Welcoming", "Acknowledging", "Guided", "Emphasizing", "Emphasising", "Mindful",
        "Taking", "Expressing", "Alarmed", "Aware", "Considering", "Determined", "Underlining", "Concerned",
        "Affirming", "Appreciating", "Believing", "Commending", "Committed", "Condemning", "Conscious", "Desiring",
        "Encouraging", "Having", "Highlighting", "Observing", "Reasserting", "Regretting", "Seriously", "Strongly",
        "Underscoring", "Further", "Also", "Cognizant", "Disturbed", "Dismayed", "Distressed", "Fully", "Keeping",
        "Looking", "Deploring", "Urging", "Calling", "Acting", "Pursuant", "Saluting", "Seeking",
        "Resolved", "Resolving", "Persuaded", "Confident", "Firmly", "Realizing", "Realising", "Referring",
        "Notwithstanding", "Upholding", "Wishing", "Encouraged", "Pointing", "Honouring", "Paying", "Declaring",
        "Endorsing", "Accepting", "Praising", "Viewing", "Anxious", "Appalled", "Outraged", "Shocked", "Troubled",
        "Profoundly", "Particularly", "Equally", "Reconfirming", "Renewing", "Continuing", "Inspired",
        "Remaining", "Drawing", "Approving", "Attaching", "Fearing", "Hoping",
    };

    public static bool IsOpening(string line)
    {
        var word = FirstWord(line);
        return word.Length > 0 && Words.Contains(word);
    }

    // Looser than IsOpening: any capitalised participle ("Reaffirming", "Alarmed") passes.
    public static bool LooksPreambular(string text)
    {
        var word = FirstWord(text);
        if (word.Length == 0 || !char.IsUpper(word[0]))
            return false;
        return Words.Contains(word)
            || word.EndsWith("ing", StringComparison.Ordinal)
            || word.EndsWith("ed", StringComparison.Ordinal)
            || word.EndsWith("ly", StringComparison.Ordinal);
    }

    public static string FirstWord(string text)
    {
        var end = 0;
        while (end < text.Length && char.IsLetter(text[end]))
            end++;
        return text[..end];
    }
}

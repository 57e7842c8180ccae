namespace ResolutionTracker.Text.Parsing;

internal static class RomanNumerals
{
    private static readonly string[] Small =
    [
        "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv", "xvi",
        "xvii", "xviii", "xix", "xx", "xxi", "xxii", "xxiii", "xxiv", "xxv",
    ];

    public static int? Value(string label)
    {
        var index = Array.IndexOf(Small, label);
        return index < 0 ? null : index + 1;
    }
}

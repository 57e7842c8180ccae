namespace ResolutionTracker.Text.Parsing;

// "Forty-third session" -> 43; "Eightieth session" -> 80.
internal static class SessionNumbers
{
    private static readonly string[] Units =
    [
        "", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
        "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
        "nineteenth",
    ];

    private static readonly string[] TensOrdinal =
        ["", "", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"];

    private static readonly string[] TensCardinal =
        ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    public static int? FromOrdinal(string word)
    {
        var lower = word.ToLowerInvariant().Replace('\u2011', '-');
        var index = Array.IndexOf(Units, lower);
        if (index > 0)
            return index;
        index = Array.IndexOf(TensOrdinal, lower);
        if (index > 1)
            return index * 10;
        var dash = lower.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
            return null;
        var tens = Array.IndexOf(TensCardinal, lower[..dash]);
        var unit = Array.IndexOf(Units, lower[(dash + 1)..]);
        if (tens > 1 && unit is > 0 and < 10)
            return tens * 10 + unit;
        return null;
    }

    public static string? ToOrdinal(int number)
    {
        string? word = number switch
        {
            > 0 and < 20 => Units[number],
            >= 20 and < 100 when number % 10 == 0 => TensOrdinal[number / 10],
            > 20 and < 100 => TensCardinal[number / 10] + "-" + Units[number % 10],
            _ => null,
        };
        return word is null ? null : char.ToUpperInvariant(word[0]) + word[1..];
    }
}

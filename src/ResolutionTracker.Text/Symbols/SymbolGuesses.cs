namespace ResolutionTracker.Text.Symbols;

// What a document symbol says about the text it names, as far as its shape tells.
public enum SymbolStage
{
    Draft,
    Revision,
    Adopted,
}

// Guesses, from a symbol alone, how an imported text is filed: which resolution it is a version of, under
// which label, and of which kind. They are only defaults: the user sees and corrects them before saving.
public static class SymbolGuesses
{
    public const string UnlabelledText = "Imported text";
    public const string AdoptedText = "Adopted text";

    // A/HRC/43/L.31/Rev.1 and A/HRC/43/L.31/Corr.1 are versions of A/HRC/43/L.31. An addendum (Add.17) is a
    // document of its own, so it keeps its whole symbol.
    public static string RootSymbol(string symbol)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        var at = symbol.IndexOf("/Rev.", StringComparison.OrdinalIgnoreCase);
        if (at < 0)
            at = symbol.IndexOf("/Corr.", StringComparison.OrdinalIgnoreCase);
        return at > 0 ? symbol[..at] : symbol;
    }

    // A draft is labelled from its "L." part on (L.31, L.31/Rev.1), as delegations name it; an adopted text
    // has no such part.
    public static string LabelFor(string? symbol)
    {
        if (string.IsNullOrWhiteSpace(symbol))
            return UnlabelledText;
        var trimmed = symbol.Trim();
        if (IsAdopted(trimmed))
            return AdoptedText;
        var draft = trimmed.IndexOf("/L.", StringComparison.OrdinalIgnoreCase);
        return draft >= 0 ? trimmed[(draft + 1)..] : trimmed;
    }

    public static SymbolStage KindFor(string? symbol) => symbol switch
    {
        null => SymbolStage.Draft,
        _ when IsAdopted(symbol) => SymbolStage.Adopted,
        _ when symbol.Contains("/Rev.", StringComparison.OrdinalIgnoreCase) => SymbolStage.Revision,
        _ => SymbolStage.Draft,
    };

    private static bool IsAdopted(string symbol) => symbol.Contains("/RES/", StringComparison.OrdinalIgnoreCase);
}

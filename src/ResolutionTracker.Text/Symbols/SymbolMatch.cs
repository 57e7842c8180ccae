namespace ResolutionTracker.Text.Symbols;

// A UN document symbol found in a text: where it starts, how long it is there, and the symbol itself.
public sealed record SymbolMatch(int Start, int Length, string Symbol);

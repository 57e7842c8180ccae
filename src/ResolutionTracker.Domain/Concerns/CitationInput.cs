namespace ResolutionTracker.Domain.Concerns;

// What a footnote cites, as a user types it: a UN symbol, an address, or both, with an optional label.
public sealed record CitationInput(string? Symbol, string? Url, string? Label = null);

namespace ResolutionTracker.Domain.Annotations;

// W3C Web Annotation TextQuoteSelector: the exact words, with a little text before and after to tell repeats apart.
public sealed record TextQuoteSelector
{
    public TextQuoteSelector(string exact, string? prefix, string? suffix)
    {
        if (string.IsNullOrEmpty(exact))
            throw new DomainException("A quote selector needs the quoted words.");
        if (exact.Length > Limits.Quote)
            throw new DomainException($"A quote must be at most {Limits.Quote} characters.");
        Exact = exact;
        Prefix = prefix is null ? "" : prefix.Length <= Limits.QuoteContext ? prefix : prefix[^Limits.QuoteContext..];
        Suffix = suffix is null ? "" : suffix.Length <= Limits.QuoteContext ? suffix : suffix[..Limits.QuoteContext];
    }

    public string Exact { get; }
    public string Prefix { get; }
    public string Suffix { get; }

    // Where the quote sits in the text, or null when it no longer occurs (the annotation is then orphaned).
    public (int Start, int End)? FindIn(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        (int, int)? fallback = null;
        var from = 0;
        while (from <= text.Length)
        {
            var at = text.IndexOf(Exact, from, StringComparison.Ordinal);
            if (at < 0)
                break;
            var end = at + Exact.Length;
            var before = text[..at];
            var after = text[end..];
            if (before.EndsWith(Prefix, StringComparison.Ordinal) && after.StartsWith(Suffix, StringComparison.Ordinal))
                return (at, end);
            fallback ??= (at, end);
            from = at + 1;
        }
        return fallback;
    }
}

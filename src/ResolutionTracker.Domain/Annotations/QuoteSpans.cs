namespace ResolutionTracker.Domain.Annotations;

// Where quotes sit in a paragraph's text, in reading order, with overlapping or touching spans merged so that each
// word is marked once. Quotes no longer in the text are left out.
public static class QuoteSpans
{
    public static IReadOnlyList<(int Start, int End)> In(string text, IEnumerable<TextQuoteSelector> quotes)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(quotes);
        var found = quotes
            .Select(q => q.FindIn(text))
            .OfType<(int Start, int End)>()
            .OrderBy(s => s.Start);
        var merged = new List<(int Start, int End)>();
        foreach (var span in found)
        {
            if (merged.Count > 0 && span.Start <= merged[^1].End)
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, span.End));
            else
                merged.Add(span);
        }
        return merged;
    }
}

namespace ResolutionTracker.Domain.Concerns;

// A document a footnote cites: by UN symbol, by address, or both.
public sealed class Citation : Entity
{
    private Citation() { }

    internal Citation(Footnote footnote, int position, string? symbol, string? url, string? label)
    {
        Footnote = footnote;
        FootnoteId = footnote.Id;
        Position = position;
        Symbol = Guard.Optional(symbol, Limits.Symbol, "Cited symbol");
        Url = Guard.HttpUrl(url, "Cited address");
        Label = Guard.Optional(label, Limits.Title, "Citation label");
        if (Symbol is null && Url is null)
            throw new DomainException("A citation needs a document symbol or an address.");
    }

    public int FootnoteId { get; private set; }
    public Footnote Footnote { get; private set; } = null!;
    public int Position { get; private set; }
    public string? Symbol { get; private set; }
    public string? Url { get; private set; }
    public string? Label { get; private set; }
}

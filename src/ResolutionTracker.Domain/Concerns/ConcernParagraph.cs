using ResolutionTracker.Domain.Resolutions;

namespace ResolutionTracker.Domain.Concerns;

public sealed class ConcernParagraph
{
    private ConcernParagraph() { }

    internal ConcernParagraph(Concern concern, Paragraph paragraph, int position, string? quote)
    {
        Concern = concern;
        ConcernId = concern.Id;
        Paragraph = paragraph;
        ParagraphId = paragraph.Id;
        Position = position;
        Quote = Guard.Optional(quote, Limits.Quote, "Quote");
    }

    public int ConcernId { get; private set; }
    public Concern Concern { get; private set; } = null!;
    public int ParagraphId { get; private set; }
    public Paragraph Paragraph { get; private set; } = null!;
    public int Position { get; private set; }

    // The words of the paragraph the concern quotes, when it quotes them.
    public string? Quote { get; private set; }
}

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
        TextWhenLinked = paragraph.Text;
    }

    public int ConcernId { get; private set; }
    public Concern Concern { get; private set; } = null!;
    public int ParagraphId { get; private set; }
    public Paragraph Paragraph { get; private set; } = null!;
    public int Position { get; private set; }

    // The words of the paragraph the concern quotes, when it quotes them.
    public string? Quote { get; private set; }

    // The paragraph's text when the concern was written about it; when a later version changes the text,
    // the concern is flagged until someone confirms it still holds.
    public string? TextWhenLinked { get; private set; }

    public bool TextChanged => Paragraph is not null && TextWhenLinked is not null && TextWhenLinked != Paragraph.Text;

    internal ConcernParagraph MovedTo(Paragraph paragraph) =>
        new(Concern, paragraph, Position, Quote) { TextWhenLinked = TextWhenLinked };

    internal void Confirm() => TextWhenLinked = Paragraph.Text;
}

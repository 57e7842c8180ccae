using ResolutionTracker.Domain.Briefings;

namespace ResolutionTracker.Domain.Concerns;

// A note belonging either to a concern or to a briefing as a whole (e.g. the list of signatories).
// Its printed number is its place in the briefing's reading order, computed when the briefing is rendered.
public sealed class Footnote : EditableEntity
{
    private readonly List<Citation> _citations = [];

    private Footnote() { }

    private Footnote(int position, string text)
    {
        Position = position;
        SetText(text);
    }

    internal static Footnote ForConcern(Concern concern, int position, string text) =>
        new(position, text) { Concern = concern, ConcernId = concern.Id };

    internal static Footnote ForBriefing(Briefing briefing, int position, string text) =>
        new(position, text) { Briefing = briefing, BriefingId = briefing.Id };

    public int? ConcernId { get; private set; }
    public Concern? Concern { get; private set; }
    public int? BriefingId { get; private set; }
    public Briefing? Briefing { get; private set; }
    public int Position { get; private set; }
    public string Text { get; private set; } = "";
    public IReadOnlyList<Citation> Citations => _citations;

    // Through Concern.EditFootnote or Briefing.EditFootnote, which check who may edit and date the change.
    internal void SetText(string text) => Text = Guard.Required(text, Limits.Note, "Footnote text");

    internal void ReplaceCitations(IEnumerable<CitationInput> citations)
    {
        var list = citations.ToList();
        if (list.Count > 20)
            throw new DomainException("A footnote cites at most 20 documents.");
        // Build them all first, so a bad one leaves the footnote as it was.
        var built = list.Select((c, i) => new Citation(this, i + 1, c.Symbol, c.Url, c.Label)).ToList();
        _citations.Clear();
        _citations.AddRange(built);
    }

    public Citation Cite(string? symbol, string? url, string? label = null)
    {
        var citation = new Citation(this, _citations.Count + 1, symbol, url, label);
        _citations.Add(citation);
        return citation;
    }

    internal void MoveTo(int position) => Position = position;
}

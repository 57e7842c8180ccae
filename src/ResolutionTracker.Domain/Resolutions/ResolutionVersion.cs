using ResolutionTracker.Domain.Organisations;

namespace ResolutionTracker.Domain.Resolutions;

// One state of a resolution's text: L.31, L.31/Rev.1, "as orally revised", the adopted text.
public sealed class ResolutionVersion : EditableEntity
{
    private readonly List<Paragraph> _paragraphs = [];
    private readonly List<Sponsorship> _sponsorships = [];

    private ResolutionVersion() { }

    internal ResolutionVersion(Resolution resolution, int sequence, string label, VersionKind kind, DateOnly? date, TextCompleteness completeness, string? symbol)
    {
        Resolution = resolution;
        ResolutionId = resolution.Id;
        Sequence = sequence;
        Label = Guard.Required(label, Limits.Label, "Version label");
        Kind = kind;
        Date = date;
        Completeness = completeness;
        Symbol = Guard.Optional(symbol, Limits.Symbol, "Version symbol");
    }

    public int ResolutionId { get; private set; }
    public Resolution Resolution { get; private set; } = null!;
    public int Sequence { get; private set; }
    public string Label { get; private set; } = "";
    public string? Symbol { get; private set; }
    public VersionKind Kind { get; private set; }
    public DateOnly? Date { get; private set; }
    public TextCompleteness Completeness { get; private set; }
    public IReadOnlyList<Paragraph> Paragraphs => _paragraphs;
    public IReadOnlyList<Sponsorship> Sponsorships => _sponsorships;

    // Numbers are the paragraph's place in the UN text: pp.1..n by position, OP 1..n as printed.
    // A version may hold only some paragraphs (those a document quotes), so numbers can have gaps.
    public Paragraph AddParagraph(ParagraphKind kind, int number, string? text, TextSource source, Guid? stableId = null)
    {
        if (number <= 0)
            throw new DomainException(kind == ParagraphKind.Operative
                ? "An operative paragraph number must be positive."
                : "A preambular paragraph number must be positive.");
        if (_paragraphs.Any(p => p.Kind == kind && p.Number == number))
            throw new DomainException($"This version already has {Paragraph.Reference(kind, number)}.");
        var id = stableId ?? Guid.NewGuid();
        if (_paragraphs.Any(p => p.StableId == id))
            throw new DomainException("A paragraph identity can appear only once in a version.");
        var paragraph = new Paragraph(this, kind, number, text, source, id);
        _paragraphs.Add(paragraph);
        Renumber();
        return paragraph;
    }

    // Appends after the last paragraph of its kind.
    public Paragraph AppendParagraph(ParagraphKind kind, string text)
    {
        var next = _paragraphs.Where(p => p.Kind == kind).Select(p => p.Number).DefaultIfEmpty(0).Max() + 1;
        return AddParagraph(kind, next, text, TextSource.Imported);
    }

    public void Sponsor(Organisation state, SponsorRole role)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Kind != OrganisationKind.State)
            throw new DomainException("Only a state can sponsor a resolution.");
        if (_sponsorships.Any(s => ReferenceEquals(s.Organisation, state) || (state.Id != 0 && s.OrganisationId == state.Id)))
            throw new DomainException($"{state.Name} already sponsors this version.");
        if (role == SponsorRole.MainSponsor && _sponsorships.Count(s => s.Role == SponsorRole.MainSponsor) >= 10)
            throw new DomainException("A version has at most ten main sponsors.");
        _sponsorships.Add(new Sponsorship(this, state, role, _sponsorships.Count + 1));
    }

    // Preambular paragraphs come first, then operative ones, each in number order.
    private void Renumber()
    {
        var position = 1;
        foreach (var p in _paragraphs.OrderBy(p => p.Kind == ParagraphKind.Preambular ? 0 : 1).ThenBy(p => p.Number))
            p.Position = position++;
    }
}

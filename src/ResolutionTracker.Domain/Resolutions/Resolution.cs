namespace ResolutionTracker.Domain.Resolutions;

public sealed class Resolution : EditableEntity
{
    private readonly List<ResolutionVersion> _versions = [];
    private readonly List<ResolutionLink> _predecessors = [];

    private Resolution() { }

    public Resolution(string symbol, string title, UnBody body, Session session, ResolutionStatus status = ResolutionStatus.Draft, string? agendaItem = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (session.Body != body)
            throw new DomainException("The session belongs to another UN body.");
        Symbol = Guard.Required(symbol, Limits.Symbol, "Symbol");
        Slug = Domain.Slug.From(Symbol);
        Body = body;
        Session = session;
        SessionId = session.Id;
        Status = status;
        Retitle(title);
        AgendaItem = Guard.Optional(agendaItem, Limits.AgendaItem, "Agenda item");
    }

    public string Symbol { get; private set; } = "";
    public string Slug { get; private set; } = "";
    public string Title { get; private set; } = "";
    public UnBody Body { get; private set; }
    public int SessionId { get; private set; }
    public Session Session { get; private set; } = null!;
    public string? AgendaItem { get; private set; }
    public ResolutionStatus Status { get; private set; }
    public DateOnly? AdoptedOn { get; private set; }
    public IReadOnlyList<ResolutionVersion> Versions => _versions;
    public IReadOnlyList<ResolutionLink> Predecessors => _predecessors;

    public void Retitle(string title) => Title = Guard.Required(title, Limits.Title, "Title");

    public ResolutionVersion AddVersion(string label, VersionKind kind, DateOnly? date, TextCompleteness completeness, string? symbol = null)
    {
        var sequence = _versions.Count == 0 ? 1 : _versions.Max(v => v.Sequence) + 1;
        if (_versions.Any(v => string.Equals(v.Label, label?.Trim(), StringComparison.OrdinalIgnoreCase)))
            throw new DomainException($"This resolution already has a version labelled \"{label}\".");
        var version = new ResolutionVersion(this, sequence, label!, kind, date, completeness, symbol);
        _versions.Add(version);
        if (kind == VersionKind.Revision && Status == ResolutionStatus.Draft)
            Status = ResolutionStatus.Revised;
        return version;
    }

    public ResolutionVersion? LatestVersion => _versions.MaxBy(v => v.Sequence);

    public void AddPredecessor(Resolution predecessor)
    {
        ArgumentNullException.ThrowIfNull(predecessor);
        if (ReferenceEquals(predecessor, this) || (predecessor.Id != 0 && predecessor.Id == Id))
            throw new DomainException("A resolution cannot be its own predecessor.");
        if (_predecessors.Any(p => ReferenceEquals(p.Predecessor, predecessor) || (predecessor.Id != 0 && p.PredecessorId == predecessor.Id)))
            return;
        _predecessors.Add(new ResolutionLink(this, predecessor));
    }

    public void MarkAdopted(DateOnly on)
    {
        if (Status is ResolutionStatus.Withdrawn or ResolutionStatus.Rejected)
            throw new DomainException($"A {Status.ToString().ToLowerInvariant()} resolution cannot be adopted.");
        Status = ResolutionStatus.Adopted;
        AdoptedOn = on;
    }

    public void ChangeStatus(ResolutionStatus status)
    {
        if (status == ResolutionStatus.Adopted)
            throw new DomainException("Record an adoption with its date.");
        Status = status;
        AdoptedOn = null;
    }
}

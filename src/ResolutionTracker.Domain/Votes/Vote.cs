using ResolutionTracker.Domain.Organisations;
using ResolutionTracker.Domain.Resolutions;

namespace ResolutionTracker.Domain.Votes;

// A vote on one version of a resolution. Totals are never stored: they are counted from the rows.
public sealed class Vote : EditableEntity
{
    private readonly List<VoteRow> _rows = [];

    private Vote() { }

    public Vote(ResolutionVersion version, VoteKind kind, DateOnly date, string? meeting = null, string? notes = null)
    {
        ArgumentNullException.ThrowIfNull(version);
        Version = version;
        VersionId = version.Id;
        Kind = kind;
        Date = date;
        Meeting = Guard.Optional(meeting, Limits.Meeting, "Meeting");
        Notes = Guard.Optional(notes, Limits.Note, "Notes");
    }

    public int VersionId { get; private set; }
    public ResolutionVersion Version { get; private set; } = null!;
    public VoteKind Kind { get; private set; }
    public DateOnly Date { get; private set; }
    public string? Meeting { get; private set; }
    public string? Notes { get; private set; }
    public IReadOnlyList<VoteRow> Rows => _rows;

    public int Yes => Count(VoteChoice.Yes);
    public int No => Count(VoteChoice.No);
    public int Abstentions => Count(VoteChoice.Abstain);
    public int NonVoting => Count(VoteChoice.NonVoting);

    public bool Adopted => Kind == VoteKind.WithoutVote || Yes > No;

    public string Tally => Kind == VoteKind.WithoutVote
        ? "adopted without a vote"
        : $"{Yes} to {No}, with {Abstentions} abstention{(Abstentions == 1 ? "" : "s")}";

    // One row per state; recording a state again replaces its choice.
    public void Record(Organisation state, VoteChoice choice)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (Kind == VoteKind.WithoutVote)
            throw new DomainException("A resolution adopted without a vote has no per-state record.");
        if (state.Kind != OrganisationKind.State)
            throw new DomainException("Only states vote.");
        var existing = _rows.FirstOrDefault(r => ReferenceEquals(r.Organisation, state) || (state.Id != 0 && r.OrganisationId == state.Id));
        if (existing is not null)
            existing.Change(choice);
        else
            _rows.Add(new VoteRow(this, state, choice));
    }

    private int Count(VoteChoice choice) => _rows.Count(r => r.Choice == choice);
}

using ResolutionTracker.Domain.Organisations;
using ResolutionTracker.Domain.Resolutions;

namespace ResolutionTracker.Domain.Votes;

// The whip count: a state's expected vote on a pending resolution, and the coalition's work on it. Internal.
public sealed class StatePosition : EditableEntity
{
    private readonly List<ContactLogEntry> _contacts = [];

    private StatePosition() { }

    public StatePosition(Resolution resolution, Organisation state, ExpectedVote expected, Priority priority, string? ask = null, string? notes = null)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        ArgumentNullException.ThrowIfNull(state);
        if (state.Kind != OrganisationKind.State)
            throw new DomainException("A position is held by a state.");
        Resolution = resolution;
        ResolutionId = resolution.Id;
        Organisation = state;
        OrganisationId = state.Id;
        Update(expected, priority, ask, notes);
    }

    public int ResolutionId { get; private set; }
    public Resolution Resolution { get; private set; } = null!;
    public int OrganisationId { get; private set; }
    public Organisation Organisation { get; private set; } = null!;
    public ExpectedVote Expected { get; private set; }
    public Priority Priority { get; private set; }
    public string? Ask { get; private set; }
    public string? Notes { get; private set; }
    public IReadOnlyList<ContactLogEntry> Contacts => _contacts;

    public void Update(ExpectedVote expected, Priority priority, string? ask, string? notes)
    {
        Expected = expected;
        Priority = priority;
        Ask = Guard.Optional(ask, Limits.Summary, "Ask");
        Notes = Guard.Optional(notes, Limits.Note, "Notes");
    }

    public ContactLogEntry LogContact(string authorId, DateOnly on, string note)
    {
        var entry = new ContactLogEntry(this, authorId, on, note);
        _contacts.Add(entry);
        return entry;
    }
}

namespace ResolutionTracker.Domain.Votes;

public sealed class ContactLogEntry : Entity
{
    private ContactLogEntry() { }

    internal ContactLogEntry(StatePosition position, string authorId, DateOnly on, string note)
    {
        StatePosition = position;
        StatePositionId = position.Id;
        AuthorId = Guard.Required(authorId, Limits.UserId, "Author");
        OccurredOn = on;
        Note = Guard.Required(note, Limits.Note, "Contact note");
    }

    public int StatePositionId { get; private set; }
    public StatePosition StatePosition { get; private set; } = null!;
    public string AuthorId { get; private set; } = "";
    public DateOnly OccurredOn { get; private set; }
    public string Note { get; private set; } = "";
}

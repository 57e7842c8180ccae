namespace ResolutionTracker.Domain.Resolutions;

public sealed class Session : EditableEntity
{
    private Session() { }

    public Session(UnBody body, int number, DateOnly? opened = null, DateOnly? closed = null, string? notes = null)
    {
        if (number <= 0)
            throw new DomainException("A session number must be positive.");
        Body = body;
        Number = number;
        SetDates(opened, closed);
        Notes = Guard.Optional(notes, Limits.Note, "Notes");
    }

    public UnBody Body { get; private set; }
    public int Number { get; private set; }
    public DateOnly? OpenedOn { get; private set; }
    public DateOnly? ClosedOn { get; private set; }
    public string? Notes { get; private set; }

    public void SetDates(DateOnly? opened, DateOnly? closed)
    {
        if (opened is not null && closed is not null && closed < opened)
            throw new DomainException("A session cannot close before it opens.");
        OpenedOn = opened;
        ClosedOn = closed;
    }
}

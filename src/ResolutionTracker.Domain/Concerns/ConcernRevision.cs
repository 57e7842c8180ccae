namespace ResolutionTracker.Domain.Concerns;

// The content of a concern as submitted for review; approval is of one revision.
public sealed class ConcernRevision : Entity
{
    private ConcernRevision() { }

    internal ConcernRevision(Concern concern, int number, string submittedBy, DateTimeOffset now)
    {
        Concern = concern;
        ConcernId = concern.Id;
        Number = number;
        Heading = concern.Heading;
        Summary = concern.Summary;
        Body = concern.Body;
        Severity = concern.Severity;
        SubmittedBy = submittedBy;
        SubmittedAt = Guard.Utc(now);
    }

    public int ConcernId { get; private set; }
    public Concern Concern { get; private set; } = null!;
    public int Number { get; private set; }
    public string Heading { get; private set; } = "";
    public string? Summary { get; private set; }
    public string Body { get; private set; } = "";
    public Severity Severity { get; private set; }
    public string SubmittedBy { get; private set; } = "";
    public DateTimeOffset SubmittedAt { get; private set; }
    public string? ApprovedBy { get; private set; }
    public DateTimeOffset? ApprovedAt { get; private set; }

    internal void MarkApproved(string reviewerId, DateTimeOffset now)
    {
        ApprovedBy = reviewerId;
        ApprovedAt = Guard.Utc(now);
    }
}

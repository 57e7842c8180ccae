namespace ResolutionTracker.Domain.Concerns;

public sealed class ReviewComment : Entity
{
    private ReviewComment() { }

    internal ReviewComment(Concern concern, int revision, string authorId, string body, DateTimeOffset now)
    {
        Concern = concern;
        ConcernId = concern.Id;
        RevisionNumber = revision;
        AuthorId = authorId;
        Body = Guard.Required(body, Limits.Note, "Review comment");
        CreatedAt = Guard.Utc(now);
    }

    public int ConcernId { get; private set; }
    public Concern Concern { get; private set; } = null!;
    public int RevisionNumber { get; private set; }
    public string AuthorId { get; private set; } = "";
    public string Body { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
}

namespace ResolutionTracker.Domain.Briefings;

// What the public sees: the briefing as rendered when it was published. Never changed afterwards.
public sealed class BriefingSnapshot : Entity
{
    private BriefingSnapshot() { }

    internal BriefingSnapshot(Briefing briefing, int number, string publishedBy, string content, DateTimeOffset now)
    {
        Briefing = briefing;
        BriefingId = briefing.Id;
        Number = number;
        PublishedBy = Guard.Required(publishedBy, Limits.UserId, "Publisher");
        Content = string.IsNullOrWhiteSpace(content) ? throw new DomainException("A snapshot needs content.") : content;
        PublishedAt = Guard.Utc(now);
    }

    public int BriefingId { get; private set; }
    public Briefing Briefing { get; private set; } = null!;
    public int Number { get; private set; }
    public string PublishedBy { get; private set; } = "";
    public DateTimeOffset PublishedAt { get; private set; }
    public string Content { get; private set; } = "";

    // A digest of Content, computed by the database (a stored generated column): what is derived from a
    // snapshot can be kept by this digest without reading the whole document again.
    public string ContentHash { get; private set; } = "";
}

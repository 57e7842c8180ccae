namespace ResolutionTracker.Domain.Audit;

public enum AuditAction
{
    Added,
    Modified,
    Deleted,
}

// One changed field of one record: who, when, before and after. Append-only.
public sealed class AuditEntry
{
    private AuditEntry() { }

    public AuditEntry(DateTimeOffset occurredAt, string? actorId, string entityType, string entityId, AuditAction action, string? field, string? oldValue, string? newValue,
        string? rootType = null, string? rootId = null)
    {
        OccurredAt = Guard.Utc(occurredAt);
        ActorId = actorId;
        EntityType = Guard.Required(entityType, Limits.Label, "Entity type");
        EntityId = Guard.Required(entityId, Limits.Label, "Entity id");
        Action = action;
        Field = field;
        OldValue = Clip(oldValue);
        NewValue = Clip(newValue);
        RootType = rootType ?? EntityType;
        RootId = rootId ?? EntityId;
    }

    public long Id { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public string? ActorId { get; private set; }
    public string EntityType { get; private set; } = "";
    public string EntityId { get; private set; } = "";
    public AuditAction Action { get; private set; }
    public string? Field { get; private set; }
    public string? OldValue { get; private set; }
    public string? NewValue { get; private set; }

    // The record whose history page shows this change: a footnote's change belongs to its concern's history.
    public string RootType { get; private set; } = "";
    public string RootId { get; private set; } = "";

    private static string? Clip(string? value) =>
        value is null || value.Length <= Limits.AuditValue ? value : value[..Limits.AuditValue];
}

namespace ResolutionTracker.Domain;

public abstract class Entity
{
    public int Id { get; protected set; }
}

// Editable records carry PostgreSQL's xmin as an optimistic concurrency token.
public abstract class EditableEntity : Entity
{
    public uint RowVersion { get; private set; }
}

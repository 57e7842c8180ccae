namespace ResolutionTracker.Domain.Settings;

// How this coalition works, set by an administrator. There is one record at most (id 1); until it is first saved,
// every setting has its default, which is what a new record holds.
public sealed class CoalitionSettings : EditableEntity
{
    public const int TheId = 1;

    public CoalitionSettings() => Id = TheId;

    // Whether a lead may approve a concern they wrote. Off by default: a concern needs a reviewer other than its
    // author. A coalition of one person has nobody else to ask, and may turn it on.
    public bool SelfApprovalAllowed { get; private set; }

    public void AllowSelfApproval(bool allowed) => SelfApprovalAllowed = allowed;
}

namespace ResolutionTracker.Domain;

// Who is acting, as far as the domain's rules care: their id, whether they may review for the coalition, and whether
// the coalition lets a reviewer approve a concern they wrote themselves (an Admin setting, off unless turned on).
public sealed record Actor(string UserId, bool CanReview, bool SelfApprovalAllowed = false)
{
    public string UserId { get; } = string.IsNullOrWhiteSpace(UserId) ? throw new DomainException("An actor needs a user id.") : UserId;
}

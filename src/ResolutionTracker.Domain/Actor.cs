namespace ResolutionTracker.Domain;

// Who is acting, as far as the domain's rules care: their id and whether they may review for the coalition.
public sealed record Actor(string UserId, bool CanReview)
{
    public string UserId { get; } = string.IsNullOrWhiteSpace(UserId) ? throw new DomainException("An actor needs a user id.") : UserId;
}

namespace ResolutionTracker.Web.Authorization;

public static class Policies
{
    // Staff and up: everyone with an account.
    public const string SignedIn = nameof(SignedIn);
    public const string CanReview = nameof(CanReview);
    public const string CanAdminister = nameof(CanAdminister);
}

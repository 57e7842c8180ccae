using System.Security.Claims;
using ResolutionTracker.Domain;

namespace ResolutionTracker.Web.Authorization;

public static class UserExtensions
{
    public static string? UserId(this ClaimsPrincipal user) =>
        user?.FindFirstValue(ClaimTypes.NameIdentifier);

    // What SignInManager.IsSignedIn answers (an identity from the application cookie), without building a
    // SignInManager and its UserManager for every page the layout renders.
    public static bool IsSignedIn(this ClaimsPrincipal user) =>
        user?.Identities.Any(i => i.AuthenticationType == Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme) == true;

    public static bool CanReview(this ClaimsPrincipal user) =>
        user is not null && (user.IsInRole(Roles.CoalitionLead) || user.IsInRole(Roles.Admin));

    // The domain's view of who is acting; only signed-in users act.
    public static Actor ToActor(this ClaimsPrincipal user) =>
        new(user.UserId() ?? throw new InvalidOperationException("No signed-in user."), user.CanReview());
}

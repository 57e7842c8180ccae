using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace ResolutionTracker.Web.Authorization;

// Who may open which page: the policies, the folders they guard, and the few pages open to visitors.
// Which concern a user may change, and when, is decided per record (ConcernOperations).
public static class Policies
{
    // Staff and up: everyone with an account.
    public const string SignedIn = nameof(SignedIn);
    public const string CanReview = nameof(CanReview);
    public const string CanAdminister = nameof(CanAdminister);

    public static void AddAppAuthorization(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(SignedIn, p => p.RequireRole(Roles.Staff, Roles.CoalitionLead, Roles.Admin))
            .AddPolicy(CanReview, p => p.RequireRole(Roles.CoalitionLead, Roles.Admin))
            .AddPolicy(CanAdminister, p => p.RequireRole(Roles.Admin));
        // Scoped: the rule needs the coalition's self-approval setting, read from the request's database context.
        services.AddScoped<ConcernActors>();
        services.AddScoped<IAuthorizationHandler, ConcernAuthorizationHandler>();
    }

    public static void AuthorizeAppFolders(this PageConventionCollection conventions)
    {
        conventions.AuthorizeFolder("/Desk", SignedIn);
        conventions.AuthorizeFolder("/Desk/Review", CanReview);
        conventions.AuthorizeFolder("/Desk/Briefings", CanReview);
        conventions.AuthorizeFolder("/Admin", CanAdminister);
        conventions.AllowAnonymousToFolder("/Public");
        // Only these account pages are for visitors; changing a password needs a signed-in user.
        conventions.AllowAnonymousToPage("/Account/SignIn");
        conventions.AllowAnonymousToPage("/Account/SignOut");
        conventions.AllowAnonymousToPage("/Account/AccessDenied");
        conventions.AllowAnonymousToPage("/Account/Invitation");
        conventions.AllowAnonymousToPage("/Error");
        conventions.AllowAnonymousToPage("/StatusCode");
    }
}

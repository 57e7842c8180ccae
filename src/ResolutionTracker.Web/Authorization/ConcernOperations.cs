using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Concerns;

namespace ResolutionTracker.Web.Authorization;

// Per-record rules for concerns, asked by pages through IAuthorizationService; the handler answers from the domain's
// rule (ConcernRules), which the concern enforces again when the change is made.
public static class ConcernOperations
{
    public static readonly ConcernRequirement Edit = new(ConcernAction.Edit);
    public static readonly ConcernRequirement Submit = new(ConcernAction.Submit);
    public static readonly ConcernRequirement Withdraw = new(ConcernAction.Withdraw);
    public static readonly ConcernRequirement Approve = new(ConcernAction.Approve);
    public static readonly ConcernRequirement SendBack = new(ConcernAction.SendBack);
}

public sealed record ConcernRequirement(ConcernAction Action) : IAuthorizationRequirement;

// What the handler needs to know about a concern, so pages need not load the whole aggregate.
public sealed record ConcernAccess(string AuthorId, ConcernState State)
{
    public static ConcernAccess Of(Concern concern)
    {
        ArgumentNullException.ThrowIfNull(concern);
        return new(concern.AuthorId, concern.State);
    }
}

// The person may do this, but not while the concern is in its present state.
public sealed class ConcernStateRefusal(IAuthorizationHandler handler, string message) : AuthorizationFailureReason(handler, message);

public sealed class ConcernAuthorizationHandler : AuthorizationHandler<ConcernRequirement, ConcernAccess>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ConcernRequirement requirement, ConcernAccess resource)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(resource);
        if (context.User.UserId() is not { } userId)
            return Task.CompletedTask;
        var refusal = ConcernRules.Check(requirement.Action, resource.AuthorId, resource.State, new Actor(userId, context.User.CanReview()));
        if (refusal is null)
            context.Succeed(requirement);
        else if (refusal.Reason == ConcernRefusalReason.NotInThisState)
            context.Fail(new ConcernStateRefusal(this, refusal.Message));
        return Task.CompletedTask;
    }
}

public enum ConcernVerdict
{
    Allowed,
    NotInThisState,
    Forbidden,
}

public static class ConcernAuthorization
{
    public static async Task<ConcernVerdict> VerdictAsync(this IAuthorizationService auth, ClaimsPrincipal user, ConcernAccess concern,
        ConcernRequirement operation)
    {
        ArgumentNullException.ThrowIfNull(auth);
        var result = await auth.AuthorizeAsync(user, concern, operation);
        if (result.Succeeded)
            return ConcernVerdict.Allowed;
        return result.Failure?.FailureReasons.OfType<ConcernStateRefusal>().Any() == true
            ? ConcernVerdict.NotInThisState
            : ConcernVerdict.Forbidden;
    }

    // May the user do it now: what decides whether a page offers the button.
    public static async Task<bool> MayAsync(this IAuthorizationService auth, ClaimsPrincipal user, ConcernAccess concern, ConcernRequirement operation) =>
        await auth.VerdictAsync(user, concern, operation) == ConcernVerdict.Allowed;

    // May the user never do it to this concern: a post is then forbidden (403). One they may do, but not in the
    // concern's present state, goes on to the concern, which refuses it with the rule's reason (400).
    public static async Task<bool> IsForbiddenAsync(this IAuthorizationService auth, ClaimsPrincipal user, ConcernAccess concern, ConcernRequirement operation) =>
        await auth.VerdictAsync(user, concern, operation) == ConcernVerdict.Forbidden;

    // The concern a page acts on, loaded with what the page includes, or the answer instead: 404 when there is
    // none, 403 when this user may never do this to it. Who may act is settled before what they asked for, so a
    // forged post learns nothing about the concern.
    public static async Task<(Concern? Concern, IActionResult? Answer)> ConcernForAsync(this PageModel page, IAuthorizationService auth,
        IQueryable<Concern> concerns, int id, ConcernRequirement operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        var concern = await concerns.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (concern is null)
            return (null, page.NotFound());
        if (await auth.IsForbiddenAsync(page.User, ConcernAccess.Of(concern), operation))
            return (null, page.Forbid());
        return (concern, null);
    }
}

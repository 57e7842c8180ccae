using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Concerns;
using ResolutionTracker.Web.Data;

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

// Who is acting on a concern, as its rule sees them: the signed-in user, whether they review, and whether the coalition
// lets a lead approve their own concern (Admin > Settings). Scoped, so the setting is read at most once a request
// however many concerns a page asks about, and the handler and the page's change see the same answer.
public sealed class ConcernActors(AppDbContext db)
{
    private bool? _selfApprovalAllowed;

    public async Task<Actor> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var actor = user.ToActor();
        // No saved settings yet means the defaults: self-approval off.
        _selfApprovalAllowed ??= await db.CoalitionSettings.AsNoTracking().Select(s => s.SelfApprovalAllowed).FirstOrDefaultAsync(cancellationToken);
        return actor with { SelfApprovalAllowed = _selfApprovalAllowed.Value };
    }
}

// The person may ask, but the concern says no for a reason it puts in words: its present state, or that it needs a
// reviewer other than its author.
public sealed class ConcernRuleRefusal(IAuthorizationHandler handler, ConcernRefusalReason reason, string message) : AuthorizationFailureReason(handler, message)
{
    public ConcernRefusalReason Reason { get; } = reason;
}

public sealed class ConcernAuthorizationHandler(ConcernActors actors) : AuthorizationHandler<ConcernRequirement, ConcernAccess>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ConcernRequirement requirement, ConcernAccess resource)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(resource);
        if (context.User.UserId() is null)
            return;
        var actor = await actors.ForAsync(context.User);
        var refusal = ConcernRules.Check(requirement.Action, resource.AuthorId, resource.State, actor);
        if (refusal is null)
            context.Succeed(requirement);
        else if (refusal.Reason != ConcernRefusalReason.NotThisPerson)
            context.Fail(new ConcernRuleRefusal(this, refusal.Reason, refusal.Message));
    }
}

public enum ConcernVerdict
{
    Allowed,
    NotInThisState,
    NeedsAnotherReviewer,
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
        return result.Failure?.FailureReasons.OfType<ConcernRuleRefusal>().FirstOrDefault()?.Reason switch
        {
            ConcernRefusalReason.NotInThisState => ConcernVerdict.NotInThisState,
            ConcernRefusalReason.NeedsAnotherReviewer => ConcernVerdict.NeedsAnotherReviewer,
            _ => ConcernVerdict.Forbidden,
        };
    }

    // May the user do it now: what decides whether a page offers the button.
    public static async Task<bool> MayAsync(this IAuthorizationService auth, ClaimsPrincipal user, ConcernAccess concern, ConcernRequirement operation) =>
        await auth.VerdictAsync(user, concern, operation) == ConcernVerdict.Allowed;

    // May the user never do it to this concern: a post is then forbidden (403). Any other refusal (the concern's
    // present state, or a lead approving their own concern) goes on to the concern, which refuses it with the rule's
    // reason (400): the lead may read the concern anyway, and learns why.
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

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Concerns;

namespace ResolutionTracker.Web.Authorization;

// Per-record rules for concerns, checked by pages with IAuthorizationService before they act;
// the domain checks the same rules again when the change is made.
public static class ConcernOperations
{
    public static readonly OperationAuthorizationRequirement Edit = new() { Name = nameof(Edit) };
    public static readonly OperationAuthorizationRequirement Submit = new() { Name = nameof(Submit) };
    public static readonly OperationAuthorizationRequirement Review = new() { Name = nameof(Review) };
    public static readonly OperationAuthorizationRequirement Withdraw = new() { Name = nameof(Withdraw) };
}

// What the handler needs to know about a concern, so pages need not load the whole aggregate.
public sealed record ConcernAccess(string AuthorId, ConcernState State)
{
    public static ConcernAccess Of(Concern concern)
    {
        ArgumentNullException.ThrowIfNull(concern);
        return new(concern.AuthorId, concern.State);
    }
}

public sealed class ConcernAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, ConcernAccess>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, ConcernAccess resource)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(resource);
        var user = context.User;
        if (user.UserId() is not { } userId)
            return Task.CompletedTask;
        var isAuthor = userId == resource.AuthorId;
        var reviewer = user.CanReview();
        var allowed = requirement.Name switch
        {
            nameof(ConcernOperations.Edit) or nameof(ConcernOperations.Submit) or nameof(ConcernOperations.Withdraw) => isAuthor || reviewer,
            nameof(ConcernOperations.Review) => reviewer,
            _ => false,
        };
        if (allowed)
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}

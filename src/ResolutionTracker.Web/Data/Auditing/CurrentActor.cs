using ResolutionTracker.Web.Authorization;

namespace ResolutionTracker.Web.Data.Auditing;

// Who the audit trail names for the changes of this scope: the signed-in user, or a named system actor
// (the demo seeder, a command) when there is no request.
public sealed class CurrentActor(IHttpContextAccessor accessor)
{
    private string? _systemActor;

    public string? UserId => _systemActor ?? accessor.HttpContext?.User.UserId();

    public void ActAs(string systemActor) => _systemActor = systemActor;
}

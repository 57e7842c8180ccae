using ResolutionTracker.Web.Data;

namespace ResolutionTracker.Web.Pages.Admin.Users;

// Where an account stands, as the user list and the user page show it.
public enum UserStatus
{
    Invited,
    Active,
    LockedByAdmin,
    LockedAfterFailures,
}

public static class UserLock
{
    // An Admin's lock has no end; Identity's own lockout after failed sign-ins ends after minutes, so a lock
    // that runs for more than a year was set on purpose (the demo data's secretariat account is one).
    public static readonly DateTimeOffset ByAdmin = DateTimeOffset.MaxValue;

    public static UserStatus StatusOf(bool hasPassword, DateTimeOffset? lockoutEnd, DateTimeOffset now) =>
        lockoutEnd is { } end && end > now
            ? end > now.AddYears(1) ? UserStatus.LockedByAdmin : UserStatus.LockedAfterFailures
            : hasPassword ? UserStatus.Active : UserStatus.Invited;

    public static UserStatus StatusOf(ApplicationUser user, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(user);
        return StatusOf(user.PasswordHash is not null, user.LockoutEnd, now);
    }

    public static string Label(UserStatus status) => status switch
    {
        UserStatus.Invited => "Invited, not yet accepted",
        UserStatus.Active => "Active",
        UserStatus.LockedByAdmin => "Locked by an administrator",
        UserStatus.LockedAfterFailures => "Locked after failed sign-ins",
        _ => status.ToString(),
    };

    public static string BadgeClass(UserStatus status) => status switch
    {
        UserStatus.Active => "text-bg-success",
        UserStatus.Invited => "text-bg-info",
        _ => "text-bg-danger",
    };

    public static string RoleLabel(string? role) => role switch
    {
        Authorization.Roles.CoalitionLead => "Coalition lead",
        null or "" => "No role",
        _ => role,
    };
}

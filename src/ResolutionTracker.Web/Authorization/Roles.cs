namespace ResolutionTracker.Web.Authorization;

public static class Roles
{
    public const string Admin = nameof(Admin);
    public const string CoalitionLead = nameof(CoalitionLead);
    public const string Staff = nameof(Staff);

    public static readonly IReadOnlyList<string> All = [Admin, CoalitionLead, Staff];
}

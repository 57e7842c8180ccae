using Microsoft.AspNetCore.Identity;

namespace ResolutionTracker.Web.Data;

public sealed class ApplicationUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public int? OrganisationId { get; set; }
}

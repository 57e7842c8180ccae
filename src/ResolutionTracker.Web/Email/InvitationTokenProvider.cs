using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using ResolutionTracker.Web.Data;

namespace ResolutionTracker.Web.Email;

// Invitation links carry an Identity token of their own purpose and lifespan. The token embeds the user's
// security stamp, which changes when the password is set, so a link works once; it also expires.
public sealed class InvitationTokenProvider(
    IDataProtectionProvider dataProtectionProvider,
    IOptions<InvitationTokenProviderOptions> options,
    ILogger<DataProtectorTokenProvider<ApplicationUser>> logger)
    : DataProtectorTokenProvider<ApplicationUser>(dataProtectionProvider, options, logger)
{
    public const string ProviderName = "Invitation";
    public const string Purpose = "accept-invitation";
}

public sealed class InvitationTokenProviderOptions : DataProtectionTokenProviderOptions
{
    public static readonly TimeSpan Lifespan = TimeSpan.FromDays(7);

    public InvitationTokenProviderOptions()
    {
        Name = InvitationTokenProvider.ProviderName;
        TokenLifespan = Lifespan;
    }
}

public static class InvitationLinks
{
    // TempData key under which the page that created a link hands it to the next page, which shows it once.
    public const string TempDataKey = "InvitationLink";

    // The absolute address of the accept page for this user, with a fresh one-time token.
    public static async Task<Uri> CreateAsync(UserManager<ApplicationUser> users, ApplicationUser user, IUrlHelper url)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(url);
        var token = await users.GenerateUserTokenAsync(user, InvitationTokenProvider.ProviderName, InvitationTokenProvider.Purpose);
        var link = url.Page("/Account/Invitation", values: new { email = user.Email, token })
            ?? throw new InvalidOperationException("The invitation page has no route.");
        return Pages.Shared.SiteRoot.Absolute(url.ActionContext.HttpContext.Request, link);
    }

    public static Task<bool> IsValidAsync(UserManager<ApplicationUser> users, ApplicationUser user, string token)
    {
        ArgumentNullException.ThrowIfNull(users);
        return users.VerifyUserTokenAsync(user, InvitationTokenProvider.ProviderName, InvitationTokenProvider.Purpose, token);
    }
}

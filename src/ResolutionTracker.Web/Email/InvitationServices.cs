using Microsoft.AspNetCore.Identity;

namespace ResolutionTracker.Web.Email;

public static class InvitationServices
{
    // One line in AddAppServices: services.AddInvitations(builder.Configuration);
    public static IServiceCollection AddInvitations(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SmtpOptions>(configuration.GetSection(SmtpOptions.Section));
        services.AddSingleton<InvitationMailer>();
        services.AddTransient<InvitationTokenProvider>();
        services.Configure<IdentityOptions>(options =>
            options.Tokens.ProviderMap[InvitationTokenProvider.ProviderName] = new TokenProviderDescriptor(typeof(InvitationTokenProvider)));
        return services;
    }
}

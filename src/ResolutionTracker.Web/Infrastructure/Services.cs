using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.WebEncoders;
using ResolutionTracker.Web.Authorization;
using ResolutionTracker.Web.Data;
using ResolutionTracker.Web.Data.Auditing;
using ResolutionTracker.Web.Data.Seeding;
using ResolutionTracker.Web.Email;

namespace ResolutionTracker.Web.Infrastructure;

internal static class Services
{
    public static string GetRequiredConnectionString(this IConfiguration configuration) =>
        configuration.GetConnectionString("Default") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                "No database configured: set ConnectionStrings__Default (scripts/run does this for you).");

    public static void AddAppServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var connectionString = builder.Configuration.GetRequiredConnectionString();
        // Run from the build output (scripts/run) in another environment than Development, the app would not find
        // the build's compressed copies of its CSS and scripts, and answered a browser's request for them with an
        // empty 200. A published app has no build manifest, and this does nothing there.
        if (!builder.Environment.IsDevelopment())
            builder.WebHost.UseStaticWebAssets();

        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentActor>();
        // Pooled contexts: EF builds a context's internal services once and reuses the instance, reset, for the
        // next request. Each request's scope rents one and hands it the request's actor, clock and cache.
        services.AddPooledDbContextFactory<AppDbContext>(options => AppDbContext.Configure(options, connectionString));
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext()
            .Use(sp.GetService<CurrentActor>(), sp.GetService<TimeProvider>(), sp.GetService<Microsoft.AspNetCore.OutputCaching.IOutputCacheStore>()));

        services.AddIdentity<ApplicationUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
                // Length over composition (ASVS 2.1): no kind of character is required; PasswordPolicy refuses
                // passwords that are too long, common, or hold the user's address or name.
                options.Password.RequiredLength = PasswordPolicy.MinLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<PasswordPolicy>();

        // A locked account or a changed role reaches open sessions within a minute, not the default half hour.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));

        // The public address, the proxies whose forwarded headers are believed, HSTS and the hosts served (PublicSite.cs).
        var site = PublicSite.AddPublicSite(builder);
        var cookieSecurity = site.CookiePolicy(builder.Environment);
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/sign-in";
            options.LogoutPath = "/account/sign-out";
            options.AccessDeniedPath = "/account/access-denied";
            options.Cookie.Name = "rt.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = cookieSecurity;
            options.SlidingExpiration = true;
            // A signed-in user without the right gets a plain 403 (rendered by the status page), not a redirect.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        services.AddAppAuthorization();

        // Keys live in the database so several instances share cookies and antiforgery tokens.
        services.AddDataProtection()
            .SetApplicationName("ResolutionTracker")
            .PersistKeysToDbContext<AppDbContext>();

        services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeAppFolders();
            // One page serves a briefing's latest version and each earlier one, so it renders without partials.
            options.Conventions.AddPageRoute("/Public/Briefings/Detail", Pages.Public.Briefings.DetailModel.VersionRoute);
        }).AddMvcOptions(options => options.Filters.Add<UnknownHandlers>());
        // HttpOnly and SameSite=Strict are antiforgery's defaults; Secure is not (its default never sets it).
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "rt.af";
            options.Cookie.SecurePolicy = cookieSecurity;
        });

        // Keep French, Spanish, Arabic and Chinese text readable in the HTML instead of numeric entities.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        services.AddHealthChecks().AddNpgSql(connectionString, name: "postgresql", tags: ["ready"]);
        services.AddScoped<DemoSeeder>();
        services.AddRouting(options => options.LowercaseUrls = true);
        services.AddInvitations(builder.Configuration);
        services.AddScoped<ResolutionTracker.Web.Resolutions.ResolutionImporter>();
        // Public pages are output-cached for anonymous readers and evicted on publish, in every instance (Briefings/PublicCache.cs).
        PublicCache.AddPublicCache(services);
        Exports.ExportServices.AddExports(services);
    }
}

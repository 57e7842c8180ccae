using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Diagnostics;

namespace ResolutionTracker.Web.Infrastructure;

internal static class Pipeline
{
    public const int MaxQueryLength = 4096;
    public const int MaxPathLength = 1024;

    public static void UseAppPipeline(this WebApplication app)
    {
        app.UseAppRequestLogging();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
            app.UseHsts();
        }
        app.UseAppSecurityHeaders();
        app.UseStatusCodePagesWithReExecute("/status/{0}");
        // Very long query strings are refused before they reach a page.
        app.Use(async (context, next) =>
        {
            var reExecuting = context.Features.Get<IStatusCodeReExecuteFeature>() is not null;
            if (!reExecuting && (context.Request.QueryString.Value?.Length > MaxQueryLength || context.Request.Path.Value?.Length > MaxPathLength))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }
            await next(context);
        });
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        // After authentication, so the public-page cache can tell signed-in readers apart (they are never cached).
        if (PublicCache.IsEnabled(app.Configuration))
            app.UseOutputCache();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorPages().WithStaticAssets();
        // An address that matches nothing is a 404 for everyone, not a redirect to sign in. "{**path}" rather than
        // the default "{*path:nonfile}": an unknown address that looks like a file (/robots.txt once was,
        // /apple-touch-icon.png, /briefings/x/v/1.pdf) is not found either. Real files are endpoints of their own.
        app.MapFallback("{**path}", context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }).AllowAnonymous();
    }
}

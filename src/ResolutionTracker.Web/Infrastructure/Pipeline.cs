using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Features;

namespace ResolutionTracker.Web.Infrastructure;

internal static class Pipeline
{
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
            if (context.Request.QueryString.Value?.Length > 4096 || context.Request.Path.Value?.Length > 1024)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }
            await next(context);
        });
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorPages().WithStaticAssets();
    }
}

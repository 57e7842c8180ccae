using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace ResolutionTracker.Web.Infrastructure;

internal static class Pipeline
{
    public const int MaxQueryLength = 4096;
    public const int MaxPathLength = 1024;

    // A body over a page's limit (but not absurdly over) is read and thrown away before the 413 is sent: a
    // client still sending its body when the server answers and closes the connection sees a broken
    // connection instead of the answer.
    public const long MaxDrainedBytes = 64 * 1024 * 1024;

    public static void UseAppPipeline(this WebApplication app)
    {
        // First, so everything after sees the scheme and client the TLS proxy forwarded: options in PublicSite.cs,
        // known proxies only.
        app.UseForwardedHeaders();
        app.UseAppRequestLogging();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
            // Sent on requests that came over https (through the proxy), to hosts other than localhost.
            app.UseHsts();
        }
        app.UseAppSecurityHeaders();
        PublicSite.UseHttpsOnly(app);
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
        // After routing, which knows the page and so its size limit; before sign-in is checked, which would
        // answer without reading the body.
        app.Use(RefuseTooLargeAsync);
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

    // A body whose stated length is over the page's limit is a 413, shown by the status page with the limit and
    // what to do. (Browsers state the length of every form they post; a body sent in chunks without one is cut
    // off by the server while the page reads it, and the page answers 400.)
    private static async Task RefuseTooLargeAsync(HttpContext context, RequestDelegate next)
    {
        var sizeLimit = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
                    ?? sizeLimit?.MaxRequestBodySize;
        var reExecuting = context.Features.Get<IStatusCodeReExecuteFeature>() is not null;
        if (!reExecuting && limit is not null && context.Request.ContentLength > limit)
        {
            if (context.Request.ContentLength <= MaxDrainedBytes && sizeLimit is { IsReadOnly: false })
            {
                sizeLimit.MaxRequestBodySize = null;
                await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
            }
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }
        await next(context);
    }
}

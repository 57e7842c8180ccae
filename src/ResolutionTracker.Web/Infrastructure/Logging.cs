using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace ResolutionTracker.Web.Infrastructure;

internal static class Logging
{
    // Readable lines in Development, one JSON object per line elsewhere (for log shippers). The console is
    // written from a background thread (Serilog.Sinks.Async): a request only queues its line, instead of
    // waiting for the console's lock and write under load. The queue is flushed when the app stops.
    public static void AddAppLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, config) =>
        {
            config
                .ReadFrom.Configuration(builder.Configuration)
                .MinimumLevel.Information()
                .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
                .Enrich.FromLogContext();
            if (builder.Environment.IsDevelopment())
                config.WriteTo.Async(to => to.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {Properties:j}{NewLine}{Exception}",
                    formatProvider: System.Globalization.CultureInfo.InvariantCulture));
            else
                config.WriteTo.Async(to => to.Console(new RenderedCompactJsonFormatter()));
        });
    }

    // Requests slower than this are logged as warnings, whatever their status.
    public static readonly TimeSpan SlowRequest = TimeSpan.FromSeconds(1);

    public static void UseAppRequestLogging(this WebApplication app) =>
        app.UseSerilogRequestLogging(options =>
        {
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            options.GetLevel = (http, elapsed, ex) => RequestLevel(http.Request.Path, http.Response.StatusCode, elapsed, ex);
        });

    // One line per request, at a level that says what it deserves. Failures are errors, slow requests warnings,
    // refused ones (4xx) information; a request answered quickly and well is Debug, below the default level, so
    // production logs what needs looking at rather than every page view (a reverse proxy's access log keeps those;
    // writing them here cost the public pages about a tenth of their throughput, docs/benchmarks.md run 7).
    // Development logs every request (appsettings.Development.json); in production set
    // Serilog__MinimumLevel__Override__Serilog.AspNetCore.RequestLoggingMiddleware=Debug to do the same.
    // Health probes are frequent and dull: Verbose unless they fail.
    internal static LogEventLevel RequestLevel(PathString path, int statusCode, double elapsedMilliseconds, Exception? exception) =>
        exception is not null || statusCode >= 500 ? LogEventLevel.Error
        : path.StartsWithSegments("/health") ? LogEventLevel.Verbose
        : elapsedMilliseconds >= SlowRequest.TotalMilliseconds ? LogEventLevel.Warning
        : statusCode >= 400 ? LogEventLevel.Information
        : LogEventLevel.Debug;
}

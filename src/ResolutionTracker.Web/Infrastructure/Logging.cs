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

    public static void UseAppRequestLogging(this WebApplication app) =>
        app.UseSerilogRequestLogging(options =>
        {
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            // Health probes are frequent and dull.
            options.GetLevel = (http, _, ex) =>
                ex is not null || http.Response.StatusCode >= 500 ? LogEventLevel.Error
                : http.Request.Path.StartsWithSegments("/health") ? LogEventLevel.Verbose
                : LogEventLevel.Information;
        });
}

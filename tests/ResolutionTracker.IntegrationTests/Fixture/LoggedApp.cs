using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog;
using Serilog.AspNetCore;
using Serilog.Core;
using Serilog.Events;

namespace ResolutionTracker.IntegrationTests.Fixture;

// A second instance of the test app, on the same database, served by Kestrel on a real port (so the server's
// own limits apply, as in production) and with every log event it writes kept for the tests to look at.
// Serilog's request log line normally goes through the static Log.Logger, which the test apps of this run
// share and replace; here it goes to this instance's logger.
public class LoggedApp : IAsyncLifetime
{
    private WebApplicationFactory<Program>? app;

    public ConcurrentQueue<LogEvent> Events { get; } = new();

    // Starts the instance the first time; returns its address.
    public Uri Start(AppFactory main)
    {
        ArgumentNullException.ThrowIfNull(main);
        if (app is not null)
            return Address;
        var sink = new QueueSink(Events);
        var logged = main.WithWebHostBuilder(builder =>
        {
            Configure(builder);
            builder.ConfigureTestServices(services =>
            {
                services.AddSerilog(config => config.MinimumLevel.Information()
                    .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
                    .WriteTo.Sink(sink), preserveStaticLogger: true);
                services.AddOptions<RequestLoggingOptions>().Configure<Serilog.ILogger>((options, logger) => options.Logger = logger);
            });
        });
        // A port of its own: UseKestrel(0) on a factory made by WithWebHostBuilder still took the default 5000.
        logged.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        logged.StartServer();
        app = logged;
        return Address;
    }

    // The request's own log line is written as its response ends: wait for it, so the log is known to be complete,
    // then answer the error lines written so far.
    public async Task<IReadOnlyList<string>> ErrorsAfterRequestAsync(string method, string path)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!Events.Any(e => RequestLine(e, method, path)) && waited.Elapsed < TimeSpan.FromSeconds(5))
            await Task.Delay(50);
        Events.Should().Contain(e => RequestLine(e, method, path), $"the log line of {method} {path} is captured");
        return Events.Where(e => e.Level >= LogEventLevel.Error).Select(e => e.RenderMessage(null)).ToList();
    }

    private static bool RequestLine(LogEvent e, string method, string path) =>
        e.MessageTemplate.Text.StartsWith("HTTP ", StringComparison.Ordinal)
        && e.Properties.TryGetValue("RequestMethod", out var m) && m.ToString() == $"\"{method}\""
        && e.Properties.TryGetValue("RequestPath", out var p) && p.ToString() == $"\"{path}\"";

    // Settings of an instance that differs from the test app.
    protected virtual void Configure(IWebHostBuilder builder)
    {
    }

    private Uri Address => new(app!.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
        .Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (app is not null)
            await app.DisposeAsync();
    }

    private sealed class QueueSink(ConcurrentQueue<LogEvent> events) : ILogEventSink
    {
        public void Emit(LogEvent logEvent) => events.Enqueue(logEvent);
    }
}

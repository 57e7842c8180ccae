using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using ResolutionTracker.Domain.Annotations;
using ResolutionTracker.IntegrationTests.Fixture;
using ResolutionTracker.IntegrationTests.Pages.Desk.Concerns;
using ResolutionTracker.Web.Authorization;
using ResolutionTracker.Web.Data;
using ResolutionTracker.Web.Infrastructure;
using ResolutionTracker.Web.Pages.Public.Briefings;
using static ResolutionTracker.IntegrationTests.Pages.Desk.Briefings.BriefingKit;
using static ResolutionTracker.IntegrationTests.Pages.Public.Briefings.PublishedBriefings;

namespace ResolutionTracker.IntegrationTests.Infrastructure;

// Two instances of the app on one database, as behind a load balancer: App is instance A, and each test starts a
// second (B) on the same database. Each keeps its public cache in memory; a save on A reaches B through
// PostgreSQL's LISTEN/NOTIFY.
public sealed class PublicCacheAcrossInstancesTests(AppFactory app) : AppTest(app)
{
    private const string BriefingUrl = "/briefings/" + DemoSlug;
    private const string ResolutionUrl = "/resolutions/" + Demo.L31;
    // Generous: the notification normally arrives in milliseconds, a reconnection within a couple of seconds.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_briefing_published_on_one_instance_replaces_the_page_another_instance_has_cached()
    {
        await App.SeedDemoAsync();
        var briefingId = await App.QueryAsync(db => db.Briefings.Where(b => b.Slug == DemoSlug).Select(b => b.Id).SingleAsync());
        await App.ExecuteAsync(async db =>
        {
            var briefing = await db.Briefings.SingleAsync(b => b.Id == briefingId);
            briefing.Edit("Second version ZqxAcross", briefing.Introduction, briefing.Stance, briefing.PositionStatement, App.Clock.GetUtcNow());
        });
        await using var b = await SecondInstance.StartAsync(App);
        using var visitorOfB = b.CreateClient();
        await CachedAsync(visitorOfB, BriefingUrl);
        (await HeadingAsync(visitorOfB, BriefingUrl)).Should().NotContain("ZqxAcross", "the edit is not published yet");

        var (leadOfA, _) = await App.SignedInAsync(Roles.CoalitionLead);
        using (leadOfA)
            (await leadOfA.PostFormAsync(PreviewUrl(briefingId), "Publish")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await EventuallyHeadingAsync(visitorOfB, BriefingUrl, "ZqxAcross")).Should().Contain("Second version ZqxAcross");
    }

    [Fact]
    public async Task A_save_of_a_public_record_notifies_the_other_instances_naming_the_instance_that_saved()
    {
        await App.SeedDemoAsync();
        await using var spy = await ChannelSpy.StartAsync(App.ConnectionString);

        await App.ExecuteAsync(async db => (await db.Resolutions.SingleAsync(r => r.Symbol == Demo.L31)).Retitle("Retitled ZqxNotified"));

        (await spy.PayloadsSoFarAsync()).Should().Equal(PublicCache.InstanceIdOf(App.Services.GetRequiredService<IOutputCacheStore>()));
    }

    [Fact]
    public async Task A_save_of_internal_records_only_notifies_nobody()
    {
        await App.SeedDemoAsync();
        var staff = await App.CreateUserAsync(Roles.Staff);
        await using var spy = await ChannelSpy.StartAsync(App.ConnectionString);

        await App.ExecuteAsync(async db =>
            db.Annotations.Add(new Annotation(await db.Paragraphs.OrderBy(p => p.Id).FirstAsync(), staff.Id, "Ask the core group.", null, App.Clock.GetUtcNow())));

        (await App.QueryAsync(db => db.Annotations.CountAsync())).Should().Be(1);
        (await spy.PayloadsSoFarAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task A_save_in_a_transaction_that_is_rolled_back_notifies_nobody()
    {
        await App.SeedDemoAsync();
        await using var spy = await ChannelSpy.StartAsync(App.ConnectionString);

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            (await db.Resolutions.SingleAsync(r => r.Symbol == Demo.L31)).Retitle("Rolled back ZqxRollback");
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        (await App.QueryAsync(db => db.Resolutions.AnyAsync(r => r.Title.Contains("ZqxRollback")))).Should().BeFalse();
        (await spy.PayloadsSoFarAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task After_its_connection_is_terminated_the_listener_reconnects_evicts_and_hears_saves_again()
    {
        await App.SeedDemoAsync();
        await using var b = await SecondInstance.StartAsync(App);
        using var visitorOfB = b.CreateClient();
        await CachedAsync(visitorOfB, ResolutionUrl);
        var before = await b.ListenerPidAsync();

        // Changed behind the app (no notification): only the eviction that follows a reconnection can show it.
        await ChangeTitleBehindTheAppAsync("Changed while disconnected ZqxMissed");
        await TerminateAsync(before);

        (await EventuallyHeadingAsync(visitorOfB, ResolutionUrl, "ZqxMissed")).Should().Contain("ZqxMissed");
        (await b.ListenerPidAsync()).Should().NotBe(before, "the listener opened a new connection");

        await CachedAsync(visitorOfB, ResolutionUrl);
        await App.ExecuteAsync(async db => (await db.Resolutions.SingleAsync(r => r.Symbol == Demo.L31)).Retitle("Saved after the reconnection ZqxHeard"));
        (await EventuallyHeadingAsync(visitorOfB, ResolutionUrl, "ZqxHeard")).Should().Contain("ZqxHeard");
    }

    // Any payload but the instance's own id evicts: a notification is only ever a reason to read again, and this way an
    // operator can refresh every instance with a bare `NOTIFY rt_public_cache`.
    public static TheoryData<string> UnexpectedPayloads => ["", "not an instance id, with a ' quote and 🙂", new string('x', 7000)];

    [Theory]
    [MemberData(nameof(UnexpectedPayloads))]
    public async Task A_notification_with_an_unexpected_payload_evicts_and_the_listener_carries_on(string payload)
    {
        await App.SeedDemoAsync();
        await using var b = await SecondInstance.StartAsync(App);
        using var visitorOfB = b.CreateClient();
        await CachedAsync(visitorOfB, ResolutionUrl);
        var listener = await b.ListenerPidAsync();
        await ChangeTitleBehindTheAppAsync("Changed behind the app ZqxOdd");

        await NotifyAsync(payload);

        (await EventuallyHeadingAsync(visitorOfB, ResolutionUrl, "ZqxOdd")).Should().Contain("ZqxOdd");
        (await b.ListenerPidAsync()).Should().Be(listener, "the listener kept its connection");
    }

    [Fact]
    public async Task With_the_output_cache_turned_off_a_briefing_published_on_another_instance_still_shows_at_once()
    {
        await App.SeedDemoAsync();
        var briefingId = await App.QueryAsync(db => db.Briefings.Where(b => b.Slug == DemoSlug).Select(b => b.Id).SingleAsync());
        await App.ExecuteAsync(async db =>
        {
            var briefing = await db.Briefings.SingleAsync(b => b.Id == briefingId);
            briefing.Edit("Second version ZqxUncached", briefing.Introduction, briefing.Stance, briefing.PositionStatement, App.Clock.GetUtcNow());
        });
        // B renders every page, but keeps the briefing's list of versions between requests; its listener runs
        // all the same, to drop that list when A publishes.
        await using var b = await SecondInstance.StartAsync(App, cacheEnabled: false);
        using var visitorOfB = b.CreateClient();
        (await HeadingAsync(visitorOfB, BriefingUrl)).Should().NotContain("ZqxUncached", "the edit is not published yet");
        var store = b.Services.GetRequiredService<IOutputCacheStore>();
        (await store.GetAsync(VersionIndex.KeyFor(store, DemoSlug), CancellationToken.None)).Should().NotBeNull("B keeps the list of versions");

        var (leadOfA, _) = await App.SignedInAsync(Roles.CoalitionLead);
        using (leadOfA)
            (await leadOfA.PostFormAsync(PreviewUrl(briefingId), "Publish")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await EventuallyHeadingAsync(visitorOfB, BriefingUrl, "ZqxUncached")).Should().Contain("Second version ZqxUncached");
        using var response = await visitorOfB.GetAsync(new Uri(BriefingUrl, UriKind.Relative));
        response.Headers.Age.Should().BeNull("pages are not output-cached on B");
    }

    [Fact]
    public async Task While_the_database_cannot_be_reached_the_listener_warns_once_keeps_retrying_and_stops_cleanly()
    {
        var logger = new RecordingLogger();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Default"] = $"Host=127.0.0.1;Port={FreePort()};Database=nowhere;Username=nobody;Password=none;Timeout=2",
            })
            .Build();
        await using var cache = new ServiceCollection().AddOptions().AddOutputCache().BuildServiceProvider();
        using var listener = new PublicCacheListener(configuration, cache.GetRequiredService<IOutputCacheStore>(), logger);

        await listener.StartAsync(CancellationToken.None);
        var deadline = Stopwatch.StartNew();
        while (logger.Attempts < 3 && deadline.Elapsed < Patience)
            await Task.Delay(50);

        logger.Attempts.Should().BeGreaterThanOrEqualTo(3, "the listener keeps trying");
        logger.Levels.Where(l => l >= LogLevel.Warning).Should().Equal(LogLevel.Warning);
        listener.ExecuteTask!.IsCompleted.Should().BeFalse();
        await listener.StopAsync(CancellationToken.None);
        listener.ExecuteTask.IsCompletedSuccessfully.Should().BeTrue();
    }

    private static async Task<string> HeadingAsync(HttpClient client, string url) =>
        (await client.GetDocumentAsync(url)).QuerySelector("h1")!.TextContent;

    private static async Task<string> EventuallyHeadingAsync(HttpClient client, string url, string expected)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var heading = await HeadingAsync(client, url);
            if (heading.Contains(expected, StringComparison.Ordinal) || waited.Elapsed > Patience)
                return heading;
            await Task.Delay(50);
        }
    }

    // Requests the page until it comes from the cache (an Age header). Usually the second request does; asked at the
    // moment the listener connects, a first one may be evicted by the listener's eviction on connecting.
    private static async Task CachedAsync(HttpClient client, string url)
    {
        var waited = Stopwatch.StartNew();
        for (var requests = 1; ; requests++)
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            if (response.Headers.Age is not null)
                return;
            waited.Elapsed.Should().BeLessThan(Patience, $"a visitor's {url} is served from the cache after {requests} requests");
        }
    }

    private async Task ChangeTitleBehindTheAppAsync(string title) =>
        await ExecuteSqlAsync("UPDATE resolutions SET title = @value WHERE symbol = '" + Demo.L31 + "'", title);

    private Task NotifyAsync(string payload) =>
        ExecuteSqlAsync($"SELECT pg_notify('{PublicCache.Channel}', @value)", payload);

    private Task TerminateAsync(int pid) =>
        ExecuteSqlAsync("SELECT pg_terminate_backend(@value)", pid);

    private async Task ExecuteSqlAsync(string sql, object value)
    {
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("value", value);
        await command.ExecuteNonQueryAsync();
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    // The app once more on App's database: another instance behind the load balancer, with a cache of its own.
    private sealed class SecondInstance(AppFactory first, bool cacheEnabled) : WebApplicationFactory<Program>
    {
        public static async Task<SecondInstance> StartAsync(AppFactory first, bool cacheEnabled = true)
        {
            var instance = new SecondInstance(first, cacheEnabled);
            _ = instance.Services;
            await instance.ListenerPidAsync();
            return instance;
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:Default", first.ConnectionString);
            builder.UseSetting("Site:PublicUrl", AppFactory.PublicUrl);
            builder.UseSetting("OutputCache:Enabled", cacheEnabled ? "true" : "false");
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(first.Clock);
            });
        }

        // The backend of this instance's listener, once it is listening (it connects in the background).
        public async Task<int> ListenerPidAsync()
        {
            var name = PublicCacheListener.ApplicationNamePrefix + PublicCache.InstanceIdOf(Services.GetRequiredService<IOutputCacheStore>());
            await using var connection = new NpgsqlConnection(first.ConnectionString);
            await connection.OpenAsync();
            var waited = Stopwatch.StartNew();
            while (true)
            {
                await using var command = new NpgsqlCommand(
                    "SELECT pid FROM pg_stat_activity WHERE application_name = @name AND state = 'idle' AND query LIKE 'LISTEN%'", connection);
                command.Parameters.AddWithValue("name", name);
                if (await command.ExecuteScalarAsync() is int pid)
                    return pid;
                waited.Elapsed.Should().BeLessThan(Patience, "the listener connects within seconds");
                await Task.Delay(50);
            }
        }
    }

    // Listens on the channel as an instance would, and tells what arrived.
    private sealed class ChannelSpy : IAsyncDisposable
    {
        private readonly NpgsqlConnection _connection;
        private readonly string _connectionString;
        private readonly List<string> _payloads = [];

        private ChannelSpy(NpgsqlConnection connection, string connectionString)
        {
            _connection = connection;
            _connectionString = connectionString;
            _connection.Notification += (_, e) => _payloads.Add(e.Payload);
        }

        public static async Task<ChannelSpy> StartAsync(string connectionString)
        {
            var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var listen = new NpgsqlCommand($"LISTEN {PublicCache.Channel}", connection);
            await listen.ExecuteNonQueryAsync();
            return new ChannelSpy(connection, connectionString);
        }

        // PostgreSQL delivers notifications in the order their transactions committed, so once a marker sent now has
        // arrived, so has everything committed before it: no waiting for something not to happen.
        public async Task<IReadOnlyList<string>> PayloadsSoFarAsync()
        {
            var marker = "marker " + Guid.NewGuid().ToString("N");
            await using (var sender = new NpgsqlConnection(_connectionString))
            {
                await sender.OpenAsync();
                await using var notify = new NpgsqlCommand($"SELECT pg_notify('{PublicCache.Channel}', @marker)", sender);
                notify.Parameters.AddWithValue("marker", marker);
                await notify.ExecuteNonQueryAsync();
            }
            var waited = Stopwatch.StartNew();
            while (!_payloads.Contains(marker))
            {
                waited.Elapsed.Should().BeLessThan(Patience, "the marker notification arrives");
                await _connection.WaitAsync(TimeSpan.FromSeconds(1));
            }
            return _payloads.TakeWhile(p => p != marker).ToList();
        }

        public ValueTask DisposeAsync() => _connection.DisposeAsync();
    }

    private sealed class RecordingLogger : ILogger<PublicCacheListener>
    {
        private readonly List<LogLevel> _levels = [];

        public List<LogLevel> Levels
        {
            get { lock (_levels) return _levels.ToList(); }
        }

        public int Attempts => Levels.Count;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (_levels)
                _levels.Add(logLevel);
        }
    }
}

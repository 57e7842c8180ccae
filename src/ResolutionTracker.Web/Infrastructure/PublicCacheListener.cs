using Microsoft.AspNetCore.OutputCaching;
using Npgsql;

namespace ResolutionTracker.Web.Infrastructure;

// Evicts this instance's public cache when another instance saves a public record. Saves send NOTIFY on
// PublicCache.Channel with their instance id (see AppDbContext.SaveChangesAsync); this service keeps one connection of
// its own, outside EF's pool, listening on that channel. Notifications sent while it is disconnected are lost, so
// every (re)connection starts with an eviction. Any payload but this instance's own id evicts, so an operator can
// refresh every instance with `NOTIFY rt_public_cache`.
internal sealed partial class PublicCacheListener(IConfiguration configuration, IOutputCacheStore store, ILogger<PublicCacheListener> logger)
    : BackgroundService
{
    // pg_stat_activity shows the listener under this name followed by its instance id.
    public const string ApplicationNamePrefix = "rt public cache ";

    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(30);
    // A keepalive round trip after this much silence, so a connection lost without a word (a dropped network
    // path) is noticed rather than waited on forever.
    private const int KeepAliveSeconds = 30;

    private readonly string _instanceId = PublicCache.InstanceIdOf(store);
    private bool _othersSaved;

    public static string ConnectionStringFor(string connectionString, string instanceId)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            ApplicationName = ApplicationNamePrefix + instanceId,
            // A dedicated connection: a broken one must be closed for good, never handed back to a pool.
            Pooling = false,
        };
        if (builder.KeepAlive == 0)
            builder.KeepAlive = KeepAliveSeconds;
        return builder.ConnectionString;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connectionString = ConnectionStringFor(configuration.GetRequiredConnectionString(), _instanceId);
        var failures = 0;
        var retry = FirstRetry;
        var connectedBefore = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                connection.Notification += OnNotification;
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {PublicCache.Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);

                await PublicCache.EvictAsync(store, stoppingToken);
                if (connectedBefore)
                    LogReconnected(logger, PublicCache.Channel, failures);
                else
                    LogListening(logger, PublicCache.Channel);
                connectedBefore = true;
                failures = 0;
                retry = FirstRetry;

                while (true)
                {
                    _othersSaved = false;
                    await connection.WaitAsync(stoppingToken);
                    if (_othersSaved)
                        await PublicCache.EvictAsync(store, stoppingToken);
                }
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Whatever breaks the connection, the listener retries; thrown out, it would stop the app.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failures++;
                if (failures == 1)
                    LogFailed(logger, ex, PublicCache.Channel);
                else
                    LogStillFailing(logger, failures, ex.Message);
            }

            try
            {
                // Jittered, so that instances do not all knock at once on a database that has just restarted.
                await Task.Delay(retry * (0.8 + 0.4 * Random.Shared.NextDouble()), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LongestRetry.Ticks));
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs e)
    {
        if (e.Channel == PublicCache.Channel && e.Payload != _instanceId)
            _othersSaved = true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening on {Channel} for public changes saved by other instances")]
    private static partial void LogListening(ILogger logger, string channel);

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening again on {Channel} after {Failures} connection failure(s); evicted the public cache in case a change was missed meanwhile")]
    private static partial void LogReconnected(ILogger logger, string channel, int failures);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not listening on {Channel}: until the connection is back, public changes saved by other instances reach this one only when its cache expires. Retrying with backoff; further failures are logged at Debug")]
    private static partial void LogFailed(ILogger logger, Exception exception, string channel);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Public cache listener: attempt {Failures} failed: {Reason}")]
    private static partial void LogStillFailing(ILogger logger, int failures, string reason);
}

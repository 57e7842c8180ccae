using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace ResolutionTracker.Web.Infrastructure;

// The output cache of the public pages. Every cached public page carries Tag, so one eviction after a
// publish refreshes them all. Only anonymous requests are cached or served from the cache: the layout
// shows a signed-in user's name and the resolution page shows them unpublished concerns.
// Each instance keeps its own cache in memory; a save evicts it here and tells the other instances through
// PostgreSQL (NOTIFY on Channel, heard by PublicCacheListener).
public static class PublicCache
{
    public const string Tag = "public";
    public const string PolicyName = "public";
    public const string Channel = "rt_public_cache";
    public static readonly TimeSpan Expiry = TimeSpan.FromMinutes(10);

    // Names an instance in its notifications, so that it can skip its own (it has already evicted). Tied to the
    // cache store, of which each app has one, rather than static: tests run two apps in one process.
    private static readonly ConditionalWeakTable<IOutputCacheStore, string> InstanceIds = new();

    // Set OutputCache:Enabled=false to render every public page for every request (used by the uncached
    // benchmark). The store itself stays, and so does its listener: it also keeps the briefings' version index
    // (Pages/Public/Briefings/VersionIndex), which must go when another instance publishes.
    public static bool IsEnabled(IConfiguration configuration) =>
        configuration?.GetValue("OutputCache:Enabled", true) ?? true;

    public static void AddPublicCache(this IServiceCollection services)
    {
        services.AddOutputCache(options => options.AddPolicy(PolicyName, new AnonymousOnlyPolicy()));
        services.AddHostedService<PublicCacheListener>();
    }

    // Counts a store's evictions; the count prefixes every key stored under Tag (pages and version index).
    // A page rendered from data read before an eviction, and stored after it, lands under the old prefix,
    // where no later request looks: without this it would serve the old content until it expired.
    private static readonly ConditionalWeakTable<IOutputCacheStore, Generation> Generations = new();

    private sealed class Generation
    {
        private long _count;

        public string Prefix { get; private set; } = "g0:";

        public void Advance() => Prefix = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"g{Interlocked.Increment(ref _count)}:");
    }

    private static Generation GenerationOf(IOutputCacheStore store) => Generations.GetValue(store, _ => new Generation());

    public static string InstanceIdOf(IOutputCacheStore store) =>
        InstanceIds.GetValue(store, _ => Guid.NewGuid().ToString("N"));

    // Read it before reading what will be stored, and store under it.
    public static string KeyPrefixOf(IOutputCacheStore store) => GenerationOf(store).Prefix;

    // The one way this app evicts: the prefix moves on first, so nothing read before it is stored where it is found.
    public static ValueTask EvictAsync(IOutputCacheStore store, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        GenerationOf(store).Advance();
        return store.EvictByTagAsync(Tag, ct);
    }

    // Run inside the save's transaction: PostgreSQL delivers the notification when it commits, never on a rollback.
    public static Task NotifyOtherInstancesAsync(DatabaseFacade database, IOutputCacheStore store, CancellationToken ct) =>
        database.ExecuteSqlAsync($"SELECT pg_notify({Channel}, {InstanceIdOf(store)})", ct);

    public static async Task EvictAsync(IServiceProvider services, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.GetService(typeof(IOutputCacheStore)) is IOutputCacheStore store)
            await EvictAsync(store, ct);
    }

    // A strong validator for one published snapshot. The build's module id is part of it, so a deploy that
    // changes how a page renders also changes its ETag.
    public static string ETagFor(string kind, long id, int number)
    {
        var input = FormattableString.Invariant($"{kind}:{id}:{number}:{typeof(PublicCache).Assembly.ManifestModule.ModuleVersionId}");
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(input));
        return "\"" + Convert.ToHexStringLower(hash.AsSpan(0, 12)) + "\"";
    }

    private sealed class AnonymousOnlyPolicy : IOutputCachePolicy
    {
        private const string TempDataCookie = ".AspNetCore.Mvc.CookieTempDataProvider";

        ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var request = context.HttpContext.Request;
            var cacheable = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                && StringValues.IsNullOrEmpty(request.Headers.Authorization)
                && context.HttpContext.User.Identity?.IsAuthenticated != true
                // A one-line confirmation waiting in TempData belongs to this visitor's next page only.
                && !request.Cookies.ContainsKey(TempDataCookie);
            context.EnableOutputCaching = true;
            context.AllowCacheLookup = cacheable;
            context.AllowCacheStorage = cacheable;
            context.AllowLocking = true;
            context.ResponseExpirationTimeSpan = Expiry;
            context.CacheVaryByRules.QueryKeys = "*";
            context.CacheVaryByRules.CacheKeyPrefix = KeyPrefixOf(context.HttpContext.RequestServices.GetRequiredService<IOutputCacheStore>());
            context.Tags.Add(Tag);
            if (cacheable)
                context.HttpContext.Response.OnStarting(DropEmptyTempDataCookie, context.HttpContext.Response);
            return ValueTask.CompletedTask;
        }

        // The layout reads TempData, so every page answers with a deletion of the TempData cookie, present or
        // not. This request had none, so the deletion says nothing; dropped, it no longer stops the caching.
        // (Runs after MVC's own OnStarting callback, which was registered later.)
        private static Task DropEmptyTempDataCookie(object state)
        {
            var response = (HttpResponse)state;
            var cookies = response.Headers.SetCookie;
            if (cookies.Count > 0 && cookies.All(c => c is not null
                    && c.StartsWith(TempDataCookie + "=;", StringComparison.Ordinal)
                    && c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase)))
                response.Headers.Remove(HeaderNames.SetCookie);
            return Task.CompletedTask;
        }

        ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) =>
            ValueTask.CompletedTask;

        ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var response = context.HttpContext.Response;
            // Errors and responses that set a cookie (antiforgery, TempData) are never shared.
            if (response.StatusCode != StatusCodes.Status200OK || !StringValues.IsNullOrEmpty(response.Headers.SetCookie))
                context.AllowCacheStorage = false;
            return ValueTask.CompletedTask;
        }
    }
}

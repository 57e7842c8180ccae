using System.Diagnostics.CodeAnalysis;
using System.Net;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;
using IPNetwork = System.Net.IPNetwork;

namespace ResolutionTracker.Web.Infrastructure;

// Where the site is reached from outside, and whom to believe about it. The app speaks plain HTTP behind a reverse
// proxy that terminates TLS: the proxy's X-Forwarded-Proto and X-Forwarded-For are believed only from the addresses
// configured here (loopback when none are), and every absolute address the app writes (invitation links, the feed,
// the sitemap, exports) starts with Site:PublicUrl, never with the Host header a client chose.
//
// Outside Development the app does not start without Site:PublicUrl. Without it there is no trustworthy address to
// put in an invitation or a feed, and a site that mails links built from a header any client sets can be made to
// mail a link to another host; a warning in a log nobody reads would leave that open, while a refusal to start is
// seen at the first deploy and fixed with one setting (as Keycloak does without a hostname, or Mastodon without
// LOCAL_DOMAIN). Development (scripts/run on http://localhost) may leave it out: the request's own address is right there.
internal sealed partial class PublicSite
{
    public const string UrlKey = "Site:PublicUrl";
    public const string KnownProxiesKey = "ForwardedHeaders:KnownProxies";
    public const string KnownNetworksKey = "ForwardedHeaders:KnownNetworks";
    public const string AllowedHostsKey = "AllowedHosts";

    // Browsers keep HSTS for a year, the usual value; subdomains are left out, they are not this site's to decide.
    public static readonly TimeSpan HstsMaxAge = TimeSpan.FromDays(365);

    private static readonly char[] ListSeparators = [',', ';', ' '];
    private static readonly string[] LoopbackHosts = ["localhost", "127.0.0.1", "[::1]"];

    private readonly List<string> _problems = [];

    private PublicSite(IConfiguration configuration)
    {
        var url = configuration[UrlKey];
        if (!string.IsNullOrWhiteSpace(url))
        {
            if (Uri.TryCreate(url.Trim(), UriKind.Absolute, out var parsed) && IsSiteRoot(parsed))
                Url = parsed;
            else
                _problems.Add($"Site__PublicUrl \"{url}\" is not the address of a site's root: give scheme and host (and a port if not the usual one), e.g. https://tracker.example.org");
        }
        KnownProxies = ReadList<IPAddress>(configuration, KnownProxiesKey, IPAddress.TryParse);
        KnownNetworks = ReadList<IPNetwork>(configuration, KnownNetworksKey, IPNetwork.TryParse);
    }

    // "https://tracker.example.org", no trailing slash; null when not configured.
    public Uri? Url { get; }
    public string? Root => Url?.GetLeftPart(UriPartial.Authority);
    public bool IsHttps => Url?.Scheme == Uri.UriSchemeHttps;
    public IReadOnlyList<IPAddress> KnownProxies { get; }
    public IReadOnlyList<IPNetwork> KnownNetworks { get; }
    public IReadOnlyList<string> Problems => _problems;

    public static PublicSite Read(IConfiguration configuration) => new(configuration);

    // An https public address means every request reaches the app through TLS, so cookies are Secure whatever the
    // proxy forwards. Development keeps them as the request came (scripts/run is plain http://localhost), and so does a
    // site whose public address is plain http (the docker-compose try-out on http://localhost:8080): a Secure cookie
    // would never come back there, and antiforgery refuses to work at all (it throws on every plain-http request).
    public CookieSecurePolicy CookiePolicy(IHostEnvironment environment) =>
        IsHttps && !environment.IsDevelopment() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

    public static PublicSite AddPublicSite(WebApplicationBuilder builder)
    {
        var site = Read(builder.Configuration);
        var services = builder.Services;
        services.AddSingleton(site);
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The defaults (loopback only) stand when nothing is configured; a configured list replaces them.
            if (site.KnownProxies.Count + site.KnownNetworks.Count == 0)
                return;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in site.KnownProxies)
                options.KnownProxies.Add(proxy);
            foreach (var network in site.KnownNetworks)
                options.KnownIPNetworks.Add(network);
        });
        services.AddHsts(options => options.MaxAge = HstsMaxAge);
        // AllowedHosts set by the operator stands ("*" included); unset, only the public host (and loopback, for probes
        // and tools on the machine itself) is served, which also stops DNS rebinding.
        if (site.Url is { } url && string.IsNullOrWhiteSpace(builder.Configuration[AllowedHostsKey]))
            services.Configure<HostFilteringOptions>(options => options.AllowedHosts = [url.IdnHost, .. LoopbackHosts]);
        services.Configure<CookieTempDataProviderOptions>(options => options.Cookie.SecurePolicy = site.CookiePolicy(builder.Environment));
        return site;
    }

    // Logs what stops the app from starting, at Critical; false when it must not start.
    public static bool CheckOnStart(WebApplication app)
    {
        var site = app.Services.GetRequiredService<PublicSite>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger<PublicSite>();
        foreach (var problem in site.Problems)
            LogMisconfigured(logger, problem);
        if (site.Url is null && !app.Environment.IsDevelopment())
            LogNoPublicUrl(logger, app.Environment.EnvironmentName);
        else if (site.Url is { } url && !site.IsHttps && !app.Environment.IsDevelopment())
            LogPlainHttp(logger, url.AbsoluteUri);
        return site.Problems.Count == 0 && (site.Url is not null || app.Environment.IsDevelopment());
    }

    // After the forwarded headers are read: a request that still is plain http on a site whose address is https did
    // not come through the TLS proxy (or came through one the app was not told about). It is sent to the public
    // https address; health probes, which come from inside, are answered where they are. (Without this, every form
    // would fail: antiforgery refuses plain http when its cookie must be Secure.)
    public static void UseHttpsOnly(WebApplication app)
    {
        var site = app.Services.GetRequiredService<PublicSite>();
        if (!site.IsHttps || app.Environment.IsDevelopment())
            return;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger<PublicSite>();
        var warned = 0;
        app.Use((context, next) =>
        {
            var request = context.Request;
            if (request.IsHttps || request.Path.StartsWithSegments("/health"))
                return next(context);
            // Once per process: a client can send the header too, and must not be able to fill the log.
            if (request.Headers.ContainsKey("X-Forwarded-Proto") && Interlocked.Exchange(ref warned, 1) == 0)
                LogUnknownProxy(logger);
            context.Response.StatusCode = StatusCodes.Status307TemporaryRedirect;
            context.Response.Headers.Location = site.Root + request.Path.ToUriComponent() + request.QueryString.ToUriComponent();
            return Task.CompletedTask;
        });
    }

    // Scheme and host (and port): no path, query, fragment or user name, which the app would have to serve under or
    // could not put in front of its own paths.
    private static bool IsSiteRoot(Uri url) =>
        url.Scheme is "http" or "https" && url.AbsolutePath == "/" && url.Query.Length == 0 && url.Fragment.Length == 0
        && url.UserInfo.Length == 0;

    private delegate bool TryParse<T>(string text, [NotNullWhen(true)] out T? value);

    // "10.0.0.5, 10.0.0.6" (an environment variable) or an array in appsettings.json; a bad entry is a problem to fix.
    private List<T> ReadList<T>(IConfiguration configuration, string key, TryParse<T> parse)
    {
        var section = configuration.GetSection(key);
        var texts = section.Value is { Length: > 0 } value
            ? value.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : section.GetChildren().Select(c => c.Value?.Trim()).OfType<string>().Where(t => t.Length > 0).ToArray();
        var values = new List<T>();
        foreach (var text in texts)
        {
            if (parse(text, out var parsed) && parsed is not null)
                values.Add(parsed);
            else
                _problems.Add($"{key.Replace(":", "__", StringComparison.Ordinal)} has \"{text}\", which is not an IP address{(typeof(T) == typeof(IPNetwork) ? " range such as 172.16.0.0/12" : "")}");
        }
        return values;
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Refusing to start: {Problem}")]
    private static partial void LogMisconfigured(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Refusing to start: no public address. Set Site__PublicUrl to the address users reach the site at (e.g. https://tracker.example.org); invitation links, the feed and exports start with it, and outside Development ({Environment}) they are never built from a request's Host header.")]
    private static partial void LogNoPublicUrl(ILogger logger, string environment);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The public address {PublicUrl} is plain http: cookies are not marked Secure and browsers get no HSTS. Serve the site through a TLS proxy and give its https address in Site__PublicUrl.")]
    private static partial void LogPlainHttp(ILogger logger, string publicUrl);

    // Without the address: it may be a client's, and the log keeps no personal data beyond user ids.
    [LoggerMessage(Level = LogLevel.Warning, Message = "A plain-http request carried X-Forwarded-Proto from an address that is not a known proxy: the header was ignored and the request redirected to the public https address. If your TLS proxy sent it, add the proxy's address (as the app sees it: in Docker, the network's gateway) to ForwardedHeaders__KnownProxies or ForwardedHeaders__KnownNetworks. Logged once.")]
    private static partial void LogUnknownProxy(ILogger logger);
}

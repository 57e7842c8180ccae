using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;
using ResolutionTracker.IntegrationTests.Fixture;

namespace ResolutionTracker.IntegrationTests.Infrastructure;

// The reverse proxy that terminates TLS in front of the app, as docs/deployment.md describes it: the client speaks
// https to it; it passes each request on over plain http with X-Forwarded-Proto and X-Forwarded-For, keeping the Host
// the client asked for (nginx's proxy_set_header Host $host). It keeps the headers of every answer for the tests.
internal sealed class TlsProxy : DelegatingHandler
{
    public const string PublicUrl = "https://tracker.example.org";
    public const string PublicHost = "tracker.example.org";
    public static readonly IPAddress Address = IPAddress.Parse("10.0.0.5");
    public static readonly IPAddress Stranger = IPAddress.Parse("203.0.113.7");

    public List<Answer> Answers { get; } = [];

    public sealed record Answer(string Request, HttpStatusCode Status, string? Hsts, string? Csp, IReadOnlyList<SetCookieHeaderValue> Cookies);

    // The app in Production with its public address and this proxy as the one it knows, its requests arriving from
    // the address given (TestServer has none, which the forwarded-headers middleware would take for a known proxy).
    public static WebApplicationFactory<Program> Production(AppFactory app, IPAddress from, params (string Key, string Value)[] settings) =>
        app.WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Site:PublicUrl", PublicUrl);
            builder.UseSetting("ForwardedHeaders:KnownProxies", Address.ToString());
            foreach (var (key, value) in settings)
                builder.UseSetting(key, value);
            builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter>(new ConnectionFrom(from)));
        });

    // A browser behind this proxy: cookies kept as a browser keeps them for https://host, no redirect followed.
    public HttpClient Client(WebApplicationFactory<Program> app, string host = PublicHost) =>
        app.CreateDefaultClient(new Uri($"https://{host}/"), new CookieContainerHandler(), this);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var asked = request.RequestUri!;
        request.RequestUri = new UriBuilder(asked) { Scheme = Uri.UriSchemeHttp, Port = -1 }.Uri;
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "198.51.100.23");
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            var cookies = response.Headers.TryGetValues(HeaderNames.SetCookie, out var values)
                ? SetCookieHeaderValue.ParseStrictList(values.ToList())
                : [];
            Answers.Add(new Answer($"{request.Method} {asked.PathAndQuery}", response.StatusCode,
                Header(response, HeaderNames.StrictTransportSecurity), Header(response, HeaderNames.ContentSecurityPolicy), cookies.ToList()));
            return response;
        }
        finally
        {
            // The client's cookie jar files the answer's cookies under the address it asked for.
            request.RequestUri = asked;
        }
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;

    private sealed class ConnectionFrom(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

using System.Net;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Net.Http.Headers;
using ResolutionTracker.IntegrationTests.Authorization;
using ResolutionTracker.IntegrationTests.Exports;
using ResolutionTracker.IntegrationTests.Fixture;
using ResolutionTracker.IntegrationTests.Pages.Admin;
using ResolutionTracker.Web.Authorization;
using ResolutionTracker.Web.Infrastructure;
using UglyToad.PdfPig;

namespace ResolutionTracker.IntegrationTests.Infrastructure;

// The deployment docs/deployment.md describes: the app in Production behind a reverse proxy that terminates TLS
// (TlsProxy), with its public address in Site:PublicUrl and the proxy's in ForwardedHeaders:KnownProxies.
public sealed class BehindTlsProxyTests(AppFactory app) : AppTest(app)
{
    private const string OtherHost = "evil.example";

    [Fact]
    public async Task Every_page_download_and_error_through_the_proxy_has_hsts_a_csp_and_only_secure_http_only_same_site_cookies()
    {
        await App.SeedDemoAsync();
        var urls = await PageCatalog.DemoPageUrlsAsync(App);
        var admin = await App.CreateUserAsync(Roles.Admin);
        await using var app = TlsProxy.Production(App, TlsProxy.Address);
        var visitorProxy = new TlsProxy();
        var adminProxy = new TlsProxy();
        using var visitor = visitorProxy.Client(app);
        using var signedIn = adminProxy.Client(app);

        using (var signIn = await AppFactory.SignInAsync(signedIn, admin.Email!, AppFactory.Password))
            signIn.StatusCode.Should().Be(HttpStatusCode.Redirect);
        foreach (var client in new[] { visitor, signedIn })
        {
            foreach (var url in urls.Append("/css/site.css").Append("/no-such-page").Append("/resolutions?q=" + new string('x', Pipeline.MaxQueryLength)))
                (await client.GetAsync(new Uri(url, UriKind.Relative))).Dispose();
            // A form posted without its antiforgery token: refused with 400.
            using var forged = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "x@example.org" });
            (await client.PostAsync(new Uri("/account/sign-in", UriKind.Relative), forged)).Dispose();
        }
        using (var signOut = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = await PageCatalog.AntiforgeryTokenAsync(signedIn) }))
            (await signedIn.PostAsync(new Uri("/account/sign-out", UriKind.Relative), signOut)).Dispose();

        var answers = visitorProxy.Answers.Concat(adminProxy.Answers).ToList();
        var statuses = answers.Select(a => (int)a.Status).ToHashSet();
        var failures = answers.SelectMany(a => Failures(a)).ToList();

        statuses.Should().Contain([200, 302, 400, 404, 500], "pages, downloads, redirects and error pages are all looked at");
        answers.Should().Contain(a => a.Request.EndsWith("/briefing.pdf", StringComparison.Ordinal))
            .And.Contain(a => a.Request.StartsWith("GET /desk", StringComparison.Ordinal))
            .And.Contain(a => a.Request.StartsWith("GET /admin", StringComparison.Ordinal));
        answers.SelectMany(a => a.Cookies).Select(c => c.Name.Value).Should().Contain(["rt.auth", "rt.af"]);
        failures.Should().BeEmpty();
    }

    private static IEnumerable<string> Failures(TlsProxy.Answer answer)
    {
        var at = $"{answer.Request} ({(int)answer.Status})";
        if (answer.Hsts != $"max-age={(int)PublicSite.HstsMaxAge.TotalSeconds}")
            yield return $"{at}: Strict-Transport-Security is {answer.Hsts ?? "missing"}";
        if (answer.Csp is null || !answer.Csp.Contains("default-src 'self'", StringComparison.Ordinal))
            yield return $"{at}: Content-Security-Policy is {answer.Csp ?? "missing"}";
        foreach (var cookie in answer.Cookies)
        {
            if (!cookie.Secure || !cookie.HttpOnly || cookie.SameSite is not (SameSiteMode.Lax or SameSiteMode.Strict))
                yield return $"{at}: cookie {cookie.Name} is {cookie}";
        }
    }

    [Fact]
    public async Task A_forwarded_https_scheme_from_an_address_that_is_not_a_known_proxy_is_ignored()
    {
        await using var app = TlsProxy.Production(App, TlsProxy.Stranger);
        using var client = new TlsProxy().Client(app);

        using var response = await client.GetAsync(new Uri("/about?x=1", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.TemporaryRedirect, "the request is taken for the plain http it is");
        response.Headers.Location.Should().Be(new Uri(TlsProxy.PublicUrl + "/about?x=1"));
        response.Headers.Contains(HeaderNames.StrictTransportSecurity).Should().BeFalse();
        response.Headers.Contains(HeaderNames.SetCookie).Should().BeFalse();
    }

    [Fact]
    public async Task Plain_http_is_sent_to_the_public_https_address_but_health_probes_are_answered_where_they_are()
    {
        await using var app = TlsProxy.Production(App, IPAddress.Loopback);
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var page = await client.GetAsync(new Uri("/account/sign-in", UriKind.Relative));
        using var probe = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        page.StatusCode.Should().Be(HttpStatusCode.TemporaryRedirect);
        page.Headers.Location.Should().Be(new Uri(TlsProxy.PublicUrl + "/account/sign-in"));
        probe.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Requests_for_another_host_than_the_public_one_are_refused_unless_allowed_hosts_says_otherwise()
    {
        await using var app = TlsProxy.Production(App, TlsProxy.Address);
        using var other = new TlsProxy().Client(app, OtherHost);
        using var own = new TlsProxy().Client(app);

        using var refused = await other.GetAsync(new Uri("/about", UriKind.Relative));
        using var served = await own.GetAsync(new Uri("/about", UriKind.Relative));

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        served.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    // AllowedHosts "*" (the operator's choice) lets any Host header through: the links are still the public address's.
    private WebApplicationFactory<Program> AnyHost() => TlsProxy.Production(App, TlsProxy.Address, ("AllowedHosts", "*"));

    [Fact]
    public async Task An_invitation_link_points_at_the_public_address_whatever_host_the_admin_used()
    {
        await using var app = AnyHost();
        var adminUser = await App.CreateUserAsync(Roles.Admin);
        using var admin = new TlsProxy().Client(app, OtherHost);
        using (var signIn = await AppFactory.SignInAsync(admin, adminUser.Email!, AppFactory.Password))
            signIn.StatusCode.Should().Be(HttpStatusCode.Redirect);

        var (_, link, _) = await admin.InviteAsync("invited@example.org", Roles.Staff);

        link.Should().StartWith(TlsProxy.PublicUrl + "/account/invitation?");
    }

    [Fact]
    public async Task The_atom_feed_links_to_the_public_address_whatever_host_was_asked()
    {
        await App.SeedDemoAsync();
        await using var app = AnyHost();
        using var client = new TlsProxy().Client(app, OtherHost);

        var feed = XDocument.Parse(await client.GetStringAsync(new Uri("/feed", UriKind.Relative)));

        XNamespace atom = Web.Pages.Public.FeedModel.Atom;
        var addresses = feed.Descendants(atom + "link").Select(l => (string)l.Attribute("href")!)
            .Concat(feed.Descendants(atom + "id").Select(id => id.Value))
            .ToList();
        addresses.Should().HaveCountGreaterThan(3)
            .And.OnlyContain(a => a.StartsWith(TlsProxy.PublicUrl + "/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_word_download_links_to_the_public_address_whatever_host_was_asked()
    {
        await App.SeedDemoAsync();
        await using var app = AnyHost();
        using var client = new TlsProxy().Client(app, OtherHost);

        var bytes = await client.GetByteArrayAsync(new Uri($"/briefings/{ExportFacts.Slug}/briefing.docx", UriKind.Relative));

        using var word = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var links = word.MainDocumentPart!.HyperlinkRelationships.Select(r => r.Uri).Where(u => u.IsAbsoluteUri).ToList();
        links.Should().Contain(u => u.AbsolutePath.StartsWith("/resolutions/", StringComparison.Ordinal), "the page's links to the resolution are kept");
        links.Where(u => u.AbsolutePath.StartsWith("/resolutions/", StringComparison.Ordinal))
            .Should().OnlyContain(u => u.GetLeftPart(UriPartial.Authority) == TlsProxy.PublicUrl);
    }

    [Fact]
    public async Task The_pdf_says_it_was_printed_from_the_public_address_whatever_host_was_asked()
    {
        // Chromium is installed here and in CI (.ci/run); BriefingPdfTests covers a machine without it.
        if (!File.Exists(ExportFacts.ChromiumPath))
            return;
        await App.SeedDemoAsync();
        await using var app = TlsProxy.Production(App, TlsProxy.Address, ("AllowedHosts", "*"), ("Pdf:ChromiumPath", ExportFacts.ChromiumPath));
        using var client = new TlsProxy().Client(app, OtherHost);

        var bytes = await client.GetByteArrayAsync(new Uri($"/briefings/{ExportFacts.Slug}/briefing.pdf", UriKind.Relative));

        using var pdf = PdfDocument.Open(bytes);
        var text = string.Join(' ', pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        text.Should().Contain($"Printed from {TlsProxy.PublicUrl}/briefings/{ExportFacts.Slug}").And.NotContain(OtherHost);
    }

    [Fact]
    public async Task In_development_without_a_public_address_signing_in_works_over_plain_http()
    {
        await using var app = App.WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Site:PublicUrl", "");
            builder.UseSetting("Database:SeedDemo", "false");
        });
        var user = await App.CreateUserAsync(Roles.Staff);
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var signIn = await AppFactory.SignInAsync(client, user.Email!, AppFactory.Password);
        using var desk = await client.GetAsync(new Uri("/desk", UriKind.Relative));

        signIn.StatusCode.Should().Be(HttpStatusCode.Redirect);
        SetCookieHeaderValue.ParseStrictList(signIn.Headers.GetValues(HeaderNames.SetCookie).ToList())
            .Should().Contain(c => c.Name == "rt.auth" && !c.Secure && c.HttpOnly);
        desk.StatusCode.Should().Be(HttpStatusCode.OK, "the cookie set over http comes back over http");
    }
}

using System.Net;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.IntegrationTests.Fixture;
using static ResolutionTracker.IntegrationTests.Pages.Public.Briefings.PublishedBriefings;

namespace ResolutionTracker.IntegrationTests.Pages.Public;

public sealed class SitemapTests(AppFactory app) : AppTest(app)
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [Fact]
    public async Task The_sitemap_lists_every_public_page_and_each_answers()
    {
        await App.SeedDemoAsync(includeDemoAccounts: true);
        await EvictAsync(App);
        await PublishAsync(App, DemoSlug);
        using var client = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri("/sitemap.xml", UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/xml");
        var root = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        root.Name.Should().Be(Sitemap + "urlset");
        var paths = root.Elements(Sitemap + "url").Select(u => new Uri(u.Element(Sitemap + "loc")!.Value).AbsolutePath).ToList();

        var organisations = await App.QueryAsync(db => db.Organisations.CountAsync());
        var resolutions = await App.QueryAsync(db => db.Resolutions.CountAsync());
        paths.Should().Contain(["/", "/about", "/resolutions", "/organisations", "/resolutions/A/HRC/43/L.31",
            $"/briefings/{DemoSlug}", $"/briefings/{DemoSlug}/v/1", $"/briefings/{DemoSlug}/v/2"]);
        paths.Should().OnlyHaveUniqueItems();
        paths.Count(p => p.StartsWith("/organisations/", StringComparison.Ordinal)).Should().Be(organisations);
        paths.Count(p => p.StartsWith("/resolutions/", StringComparison.Ordinal)).Should().Be(resolutions);
        root.Elements(Sitemap + "url").Single(u => u.Element(Sitemap + "loc")!.Value.EndsWith($"/briefings/{DemoSlug}", StringComparison.Ordinal))
            .Element(Sitemap + "lastmod").Should().NotBeNull();

        // A sample of each kind answers 200 to a visitor.
        foreach (var path in paths.Where(p => !p.StartsWith("/organisations/", StringComparison.Ordinal)).Append(paths.First(p => p.StartsWith("/organisations/", StringComparison.Ordinal))))
            (await client.GetStatusAsync(path)).Should().Be(HttpStatusCode.OK, path);
    }

    [Fact]
    public async Task Robots_txt_points_crawlers_at_the_sitemap_and_away_from_the_signed_in_pages()
    {
        using var client = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri("/robots.txt", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/plain");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n');
        lines[0].Should().Be("User-agent: *");
        lines.Should().Contain(["Disallow: /desk", "Disallow: /admin", "Disallow: /account", "Disallow: /search"]);
        var sitemap = lines.Single(l => l.StartsWith("Sitemap: ", StringComparison.Ordinal))["Sitemap: ".Length..];
        new Uri(sitemap).AbsolutePath.Should().Be("/sitemap.xml");
        (await client.GetStatusAsync(new Uri(sitemap).PathAndQuery)).Should().Be(HttpStatusCode.OK);
    }

    // Addresses that match nothing but look like files were sent to the sign-in page instead of a 404.
    [Theory]
    [InlineData("/apple-touch-icon.png")]
    [InlineData("/.well-known/security.txt")]
    [InlineData("/wp-login.php")]
    [InlineData("/briefings/" + DemoSlug + "/v/1.pdf")]
    [InlineData("/no/such/page")]
    public async Task An_address_that_matches_nothing_is_not_found_for_a_visitor(string path)
    {
        using var client = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.ParseAsync()).QuerySelector("h1")!.TextContent.Should().Contain("could not find");
    }
}

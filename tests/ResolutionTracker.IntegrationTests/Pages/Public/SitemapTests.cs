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
}

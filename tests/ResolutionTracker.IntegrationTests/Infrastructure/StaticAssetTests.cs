using System.Net;
using System.Net.Http.Headers;
using ResolutionTracker.IntegrationTests.Fixture;

namespace ResolutionTracker.IntegrationTests.Infrastructure;

// The app runs here from its build output outside Development, as scripts/run does with
// ASPNETCORE_ENVIRONMENT=Production. Browsers ask for compressed copies of the stylesheets and scripts;
// these were answered with an empty 200, so every page showed unstyled.
public sealed class StaticAssetTests(AppFactory app) : AppTest(app)
{
    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    [InlineData("identity")]
    public async Task Every_stylesheet_and_script_a_page_links_is_sent_with_content(string encoding)
    {
        using var client = App.CreateClient();
        var page = await client.GetDocumentAsync("/about");
        var assets = page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!)
            .Concat(page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!))
            .ToList();
        assets.Should().HaveCountGreaterThan(2);

        foreach (var asset in assets)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(asset, UriKind.Relative));
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
            using var response = await client.SendAsync(request);

            response.StatusCode.Should().Be(HttpStatusCode.OK, asset);
            (await response.Content.ReadAsByteArrayAsync()).Should().NotBeEmpty(asset);
            response.Content.Headers.ContentType!.MediaType.Should().BeOneOf(["text/css", "text/javascript", "application/javascript"], asset);
            // A build keeps gzip copies only (publishing adds Brotli): an asset comes in the encoding asked for or plain.
            response.Content.Headers.ContentEncoding.Should().BeSubsetOf([encoding], asset);
        }
    }
}

using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace ResolutionTracker.IntegrationTests.Fixture;

public static class HttpClientExtensions
{
    // Fetches a page that must answer 200 and parses it, so tests assert on elements rather than substrings.
    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, $"GET {url} should succeed");
        return await new HtmlParser().ParseDocumentAsync(html);
    }

    public static async Task<HttpStatusCode> GetStatusAsync(this HttpClient client, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return response.StatusCode;
    }

    public static async Task<IHtmlDocument> ParseAsync(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }
}

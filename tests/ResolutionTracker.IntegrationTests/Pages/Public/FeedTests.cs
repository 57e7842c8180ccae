using System.Net;
using System.Xml.Linq;
using ResolutionTracker.IntegrationTests.Fixture;
using static ResolutionTracker.IntegrationTests.Pages.Public.Briefings.PublishedBriefings;

namespace ResolutionTracker.IntegrationTests.Pages.Public;

public sealed class FeedTests(AppFactory app) : AppTest(app)
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public async Task The_feed_is_valid_Atom_with_one_entry_per_published_briefing()
    {
        await App.SeedDemoAsync(includeDemoAccounts: true);
        await EvictAsync(App);
        var second = await CreateAsync(App, "A second briefing", concerns: 1, footnotes: 0);
        using var client = App.CreateClient();

        using var response = await client.GetAsync(new Uri("/feed", UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/atom+xml");
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;

        feed.Name.Should().Be(Atom + "feed");
        foreach (var required in new[] { "id", "title", "updated", "author" })
            feed.Element(Atom + required).Should().NotBeNull($"an Atom feed has {required}");
        feed.Elements(Atom + "link").Should().Contain(l => (string?)l.Attribute("rel") == "self");
        var entries = feed.Elements(Atom + "entry").ToList();
        entries.Should().HaveCount(2);
        foreach (var entry in entries)
        {
            foreach (var required in new[] { "id", "title", "updated", "summary" })
                entry.Element(Atom + required)!.Value.Should().NotBeNullOrWhiteSpace();
            entry.Element(Atom + "link")!.Attribute("href")!.Value.Should().Contain("/briefings/");
            DateTimeOffset.Parse(entry.Element(Atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture);
        }
        entries[0].Element(Atom + "link")!.Attribute("href")!.Value.Should().EndWith($"/briefings/{second}", "newest first");
        entries[1].Element(Atom + "summary")!.Value.Should().StartWith("Oppose. Our organisations call on States");
    }

    [Fact]
    public async Task An_empty_site_has_a_valid_feed_without_entries()
    {
        await EvictAsync(App);
        using var client = App.CreateClient();

        var feed = XDocument.Parse(await client.GetStringAsync(new Uri("/feed", UriKind.Relative))).Root!;

        feed.Element(Atom + "updated")!.Value.Should().NotBeNullOrEmpty();
        feed.Elements(Atom + "entry").Should().BeEmpty();
    }
}

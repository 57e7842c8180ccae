using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResolutionTracker.Domain;
using ResolutionTracker.IntegrationTests.Fixture;
using ResolutionTracker.Web.Data.Seeding;
using ResolutionTracker.Web.Pages.Public.Briefings;
using ResolutionTracker.IntegrationTests.Pages.Desk.Briefings;
using ResolutionTracker.IntegrationTests.Pages.Desk.Concerns;
using static ResolutionTracker.IntegrationTests.Pages.Public.Briefings.PublishedBriefings;

namespace ResolutionTracker.IntegrationTests.Pages.Public.Briefings;

public sealed class DetailTests(AppFactory app) : AppTest(app)
{
    private const string Url = "/briefings/" + DemoSlug;

    private async Task<HttpClient> StartAsync()
    {
        await App.SeedDemoAsync(includeDemoAccounts: true);
        await EvictAsync(App);
        return App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    [Fact]
    public async Task The_published_briefing_renders_in_full_from_its_snapshot()
    {
        using var client = await StartAsync();

        var page = await client.GetDocumentAsync(Url);

        page.QuerySelector("h1")!.TextContent.Should().Contain("Key concerns with draft resolution A/HRC/43/L.31");
        var concerns = page.QuerySelectorAll("section.briefing-concern").ToList();
        concerns.Select(c => c.Id).Should().Equal(Enumerable.Range(1, Demo.ConcernHeadings.Count).Select(n => $"concern-{n}"));
        for (var i = 0; i < Demo.ConcernHeadings.Count; i++)
        {
            concerns[i].QuerySelector("h3")!.TextContent.Should().Contain(Demo.ConcernHeadings[i]);
            concerns[i].QuerySelector("a.permalink")!.GetAttribute("href").Should().Be($"#concern-{i + 1}");
        }
        page.QuerySelector("#concern-4 .briefing-para-text")!.TextContent.Should().Contain(Demo.Pp11Words);
        page.QuerySelector("#concern-4 .briefing-para-ref a")!.GetAttribute("href").Should().Be("/resolutions/A/HRC/43/L.31#pp11");

        // Every footnote marker leads to its note, and every note leads back to each marker.
        var markers = page.QuerySelectorAll("sup.note-ref a").ToList();
        var notes = page.QuerySelectorAll("ol.briefing-note-list > li").ToList();
        markers.Should().NotBeEmpty();
        notes.Select(n => n.Id).Should().Equal(Enumerable.Range(1, notes.Count).Select(n => $"note-{n}"));
        foreach (var marker in markers)
        {
            var note = page.QuerySelector(marker.GetAttribute("href")!);
            note.Should().NotBeNull();
            note!.QuerySelectorAll("a.note-back").Select(a => a.GetAttribute("href")).Should().Contain("#" + marker.Id);
        }
        markers.Select(m => m.TextContent).Should().BeEquivalentTo(notes.Select(n => n.Id!["note-".Length..]));

        page.QuerySelectorAll("ol.briefing-signatories a").Select(a => a.GetAttribute("href"))
            .Should().OnlyContain(h => h!.StartsWith("/organisations/", StringComparison.Ordinal)).And.NotBeEmpty();
        page.QuerySelectorAll(".briefing-recommendations li").Should().NotBeEmpty();
        page.QuerySelectorAll(".briefing-tools a").Select(a => a.GetAttribute("href"))
            .Should().Equal($"{Url}/briefing.pdf", $"{Url}/briefing.docx");
    }

    [Fact]
    public async Task The_page_carries_a_canonical_link_and_sharing_tags()
    {
        using var client = await StartAsync();

        var page = await client.GetDocumentAsync(Url);

        page.QuerySelector("link[rel=canonical]")!.GetAttribute("href").Should().EndWith(Url);
        page.QuerySelector("meta[property='og:type']")!.GetAttribute("content").Should().Be("article");
        page.QuerySelector("meta[property='og:url']")!.GetAttribute("content").Should().EndWith(Url);
        page.QuerySelector("meta[property='og:title']")!.GetAttribute("content").Should().StartWith("Key concerns with draft resolution");
        var description = page.QuerySelector("meta[property='og:description']")!.GetAttribute("content");
        description.Should().StartWith("Our organisations call on States to reject");
        description!.Length.Should().BeLessThanOrEqualTo(201);
        page.QuerySelector("meta[name='twitter:card']").Should().NotBeNull();
    }

    [Fact]
    public async Task Editing_the_live_briefing_and_its_concerns_after_publishing_leaves_the_public_page_unchanged()
    {
        using var client = await StartAsync();
        var before = await client.GetDocumentAsync(Url);

        await App.ExecuteAsync(async db =>
        {
            var now = App.Clock.GetUtcNow();
            var lead = await db.Users.Where(u => u.Email == DemoSeeder.LeadEmail).Select(u => u.Id).SingleAsync();
            var briefing = await db.Briefings.SingleAsync(b => b.Slug == DemoSlug);
            briefing.Edit("An edited title ZqxLiveTitle", "Edited introduction ZqxLiveIntro", briefing.Stance, "Edited position ZqxLivePosition", now);
            var concern = await db.Concerns.Include(c => c.Footnotes).ThenInclude(f => f.Citations).Include(c => c.Revisions)
                .SingleAsync(c => c.Heading == Demo.ConcernHeadings[0]);
            concern.Edit(new Actor(lead, CanReview: true), "Edited heading ZqxLiveHeading", "Summary ZqxLiveSummary", "Body ZqxLiveBody", Severity.Low, now);
        });
        // Not the cache: the page is rendered again from the database.
        await EvictAsync(App);
        using var response = await client.GetAsync(new Uri(Url, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        html.Should().NotContain("ZqxLive");
        var after = await response.ParseAsync();
        after.QuerySelector("article.briefing-doc")!.OuterHtml.Should().Be(before.QuerySelector("article.briefing-doc")!.OuterHtml);
    }

    [Fact]
    public async Task A_publish_and_its_eviction_replace_the_cached_page()
    {
        using var client = await StartAsync();
        (await client.GetDocumentAsync(Url)).QuerySelector("h1")!.TextContent.Should().NotContain("ZqxSecond");
        using (var cached = await client.GetAsync(new Uri(Url, UriKind.Relative)))
            cached.Headers.Age.Should().NotBeNull("the second anonymous request is served from the output cache");

        // Changed in the database without an eviction: the cache still answers with the old page.
        await App.ExecuteAsync(async db =>
        {
            var briefing = await db.Briefings.SingleAsync(b => b.Slug == DemoSlug);
            await db.Database.ExecuteSqlAsync($"UPDATE briefing_snapshots SET content = jsonb_set(content, '{{title}}', '\"Tampered ZqxTampered\"') WHERE briefing_id = {briefing.Id}");
        });
        (await client.GetDocumentAsync(Url)).QuerySelector("h1")!.TextContent.Should().NotContain("ZqxTampered", "the output cache holds the page");

        await PublishAsync(App, DemoSlug, (b, now) => b.Edit("Second version ZqxSecond", b.Introduction, b.Stance, b.PositionStatement, now));

        var page = await client.GetDocumentAsync(Url);
        page.QuerySelector("h1")!.TextContent.Should().Contain("Second version ZqxSecond");
        page.QuerySelector(".briefing-newer").Should().BeNull();
    }

    [Fact]
    public async Task A_publish_in_the_app_shows_at_once_on_pages_rendered_from_the_version_index()
    {
        using var client = await StartAsync();
        var briefingId = await App.QueryAsync(db => db.Briefings.Where(b => b.Slug == DemoSlug).Select(b => b.Id).SingleAsync());
        (await client.GetDocumentAsync(Url)).QuerySelector("h1")!.TextContent.Should().NotContain("ZqxIndexed");
        (await client.GetDocumentAsync(Url + "?from=feed")).QuerySelector("h1")!.TextContent.Should().NotContain("ZqxIndexed");
        await App.ExecuteAsync(async db =>
        {
            var briefing = await db.Briefings.SingleAsync(b => b.Id == briefingId);
            briefing.Edit("Second version ZqxIndexed", briefing.Introduction, briefing.Stance, briefing.PositionStatement, App.Clock.GetUtcNow());
        });

        // Published through the app, with no eviction by the test: the save itself drops the cached pages and
        // the version index.
        var (lead, _) = await App.SignedInAsync(Web.Authorization.Roles.CoalitionLead);
        using (lead)
            (await lead.PostFormAsync(BriefingKit.PreviewUrl(briefingId), "Publish")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await client.GetDocumentAsync(Url + "?from=mail")).QuerySelector("h1")!.TextContent.Should().Contain("ZqxIndexed");
        (await client.GetDocumentAsync(Url)).QuerySelector("h1")!.TextContent.Should().Contain("ZqxIndexed");
        var first = await client.GetDocumentAsync(Url + "/v/1?from=feed");
        first.QuerySelector(".briefing-newer")!.TextContent.Should().Contain("A newer version");
        first.QuerySelector("h1")!.TextContent.Should().NotContain("ZqxIndexed");
    }

    // Instance B renders from the old list while A publishes; B hears of it and evicts; B's render then stores
    // the old list. It is stored under the generation it was read in, which no later request asks for.
    [Fact]
    public async Task A_version_list_read_before_a_publish_and_stored_after_its_eviction_is_never_served()
    {
        using var client = await StartAsync();
        var store = App.Services.GetRequiredService<IOutputCacheStore>();
        var slowKey = VersionIndex.KeyFor(store, DemoSlug);
        var oldLines = await App.QueryAsync(db => db.BriefingSnapshots.Where(s => s.Briefing.Slug == DemoSlug)
            .Select(s => new VersionIndex.Line(s.Id, s.Number, s.PublishedAt, s.ContentHash)).ToListAsync());

        await PublishAsync(App, DemoSlug, (b, now) => b.Edit("Second version ZqxLate", b.Introduction, b.Stance, b.PositionStatement, now));
        await VersionIndex.RememberAsync(store, slowKey, oldLines, CancellationToken.None);

        (await client.GetDocumentAsync(Url + "?from=late")).QuerySelector("h1")!.TextContent.Should().Contain("ZqxLate");
        VersionIndex.KeyFor(store, DemoSlug).Should().NotBe(slowKey);
    }

    [Fact]
    public async Task A_signed_in_reader_is_never_served_from_the_cache()
    {
        await App.SeedDemoAsync(includeDemoAccounts: true);
        await EvictAsync(App);
        using var anonymous = App.CreateClient();
        await anonymous.GetDocumentAsync(Url);
        using var staff = await App.CreateClientAsUserAsync(Web.Authorization.Roles.Staff);

        using var response = await staff.GetAsync(new Uri(Url, UriKind.Relative));
        var page = await response.ParseAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.Age.Should().BeNull();
        page.QuerySelector("form[action='/account/sign-out']").Should().NotBeNull("the page shows the signed-in chrome");
        response.Headers.ETag.Should().BeNull();
    }

    [Fact]
    public async Task ETag_and_Last_Modified_let_a_browser_revalidate_with_a_304()
    {
        using var client = await StartAsync();
        using var first = await client.GetAsync(new Uri(Url, UriKind.Relative));
        var etag = first.Headers.ETag;
        var lastModified = first.Content.Headers.LastModified;
        etag.Should().NotBeNull();
        lastModified.Should().NotBeNull();
        var published = await App.QueryAsync(db => db.BriefingSnapshots.Where(s => s.Briefing.Slug == DemoSlug).MaxAsync(s => s.PublishedAt));
        lastModified!.Value.Should().BeCloseTo(published, TimeSpan.FromSeconds(1));

        foreach (var evict in new[] { false, true })
        {
            // Once from the output cache, once rendered afresh: both answer the condition.
            if (evict)
                await EvictAsync(App);
            using var byTag = new HttpRequestMessage(HttpMethod.Get, Url);
            byTag.Headers.IfNoneMatch.Add(etag!);
            using var notModified = await client.SendAsync(byTag);
            notModified.StatusCode.Should().Be(HttpStatusCode.NotModified);
            (await notModified.Content.ReadAsStringAsync()).Should().BeEmpty();
        }

        await EvictAsync(App);
        using var byDate = new HttpRequestMessage(HttpMethod.Get, Url);
        byDate.Headers.IfModifiedSince = lastModified;
        (await client.SendAsync(byDate)).StatusCode.Should().Be(HttpStatusCode.NotModified);

        using var stale = new HttpRequestMessage(HttpMethod.Get, Url);
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
        (await client.SendAsync(stale)).StatusCode.Should().Be(HttpStatusCode.OK);

        // A new version changes both validators.
        App.Clock.Advance(TimeSpan.FromMinutes(5));
        await PublishAsync(App, DemoSlug);
        using var afterPublish = new HttpRequestMessage(HttpMethod.Get, Url);
        afterPublish.Headers.IfNoneMatch.Add(etag!);
        using var changed = await client.SendAsync(afterPublish);
        changed.StatusCode.Should().Be(HttpStatusCode.OK);
        changed.Headers.ETag.Should().NotBe(etag);
    }

    [Fact]
    public async Task Unknown_slugs_and_versions_are_not_found()
    {
        using var client = await StartAsync();

        (await client.GetStatusAsync("/briefings/no-such-briefing")).Should().Be(HttpStatusCode.NotFound);
        (await client.GetStatusAsync($"/briefings/{new string('a', 300)}")).Should().Be(HttpStatusCode.NotFound);
        (await client.GetStatusAsync($"{Url}/v/2")).Should().Be(HttpStatusCode.NotFound);
        (await client.GetStatusAsync($"{Url}/v/0")).Should().Be(HttpStatusCode.NotFound);
        (await client.GetStatusAsync($"{Url}/v/-1")).Should().Be(HttpStatusCode.NotFound);
        (await client.GetStatusAsync($"{Url}/v/abc")).Should().Be(HttpStatusCode.NotFound);
        (await client.GetStatusAsync($"{Url}/v/99999999999")).Should().Be(HttpStatusCode.NotFound);

        // A slug that matches nothing is asked of the database each time, never remembered in the version index.
        (await CountCommandsAsync(App, () => client.GetStatusAsync("/briefings/no-such-briefing?again=1"))).Should().Be(1);
        (await CountCommandsAsync(App, () => client.GetStatusAsync("/briefings/no-such-briefing?again=2"))).Should().Be(1);
    }

    [Fact]
    public async Task A_draft_briefing_never_published_is_not_found()
    {
        using var client = await StartAsync();
        var slug = "";
        await App.ExecuteAsync(async db =>
        {
            var l31 = await db.Resolutions.SingleAsync(r => r.Symbol == Demo.L31);
            var draft = new Domain.Briefings.Briefing(l31, "A draft never published", null, Domain.BriefingStance.Neutral, null, App.Clock.GetUtcNow());
            db.Briefings.Add(draft);
            await db.SaveChangesAsync();
            slug = draft.Slug;
        });

        (await client.GetStatusAsync($"/briefings/{slug}")).Should().Be(HttpStatusCode.NotFound);
        (await client.GetStatusAsync($"/briefings/{slug}/v/1")).Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_number_of_SQL_commands_for_an_uncached_briefing_page_does_not_grow_with_its_content()
    {
        using var client = await StartAsync();
        // Titles never used before, so no earlier test in this process has seen (and memoised) these documents.
        var run = Guid.NewGuid().ToString("N")[..8];
        var small = await CreateAsync(App, $"Small briefing {run}", concerns: 1, footnotes: 1);
        var large = await CreateAsync(App, $"Large briefing {run}", concerns: 8, footnotes: 20);
        await client.GetDocumentAsync(Url);

        async Task<int> CountAsync(string slug)
        {
            await EvictAsync(App);
            return await CountCommandsAsync(App, async () =>
            {
                var page = await client.GetDocumentAsync($"/briefings/{slug}");
                page.QuerySelectorAll("section.briefing-concern").Should().NotBeEmpty();
            });
        }

        // A page rendered again but not evicted (another query string misses the output cache): the list of
        // versions is in the version index and the document in the memo, so nothing is read.
        async Task<int> RenderedAgainAsync(string slug) => await CountCommandsAsync(App, async () =>
        {
            using var response = await client.GetAsync(new Uri($"/briefings/{slug}?again={Guid.NewGuid():N}", UriKind.Relative));
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            response.Headers.Age.Should().BeNull("a new query string is not in the output cache");
        });

        // First reads in this process: the list of versions, then the document itself.
        var smallFirst = await CountAsync(small);
        var largeFirst = await CountAsync(large);
        // Later reads (output cache and version index evicted): the document is known by its content digest,
        // only the list is read.
        // Each eviction empties the whole index, so each page is rendered again right after its own read.
        var smallAgain = await CountAsync(small);
        var smallIndexed = await RenderedAgainAsync(small);
        var largeAgain = await CountAsync(large);
        var largeIndexed = await RenderedAgainAsync(large);

        smallFirst.Should().Be(2);
        largeFirst.Should().Be(smallFirst);
        smallAgain.Should().Be(1);
        largeAgain.Should().Be(smallAgain);
        smallIndexed.Should().Be(0);
        largeIndexed.Should().Be(0);
        (await client.GetDocumentAsync($"/briefings/{large}")).QuerySelectorAll("ol.briefing-note-list > li").Should().HaveCount(21);
    }

    [Fact]
    public async Task A_snapshot_changed_in_the_database_is_read_again_not_served_from_the_memo()
    {
        using var client = await StartAsync();
        (await client.GetDocumentAsync(Url)).QuerySelector("h1")!.TextContent.Should().NotContain("ZqxRewritten");

        // Snapshots are immutable in the app; a change made behind its back changes the content digest, so the
        // page reads and renders the new content rather than the memoised one.
        await App.ExecuteAsync(async db =>
        {
            var briefing = await db.Briefings.SingleAsync(b => b.Slug == DemoSlug);
            await db.Database.ExecuteSqlAsync($"UPDATE briefing_snapshots SET content = jsonb_set(content, '{{title}}', '\"Rewritten ZqxRewritten\"') WHERE briefing_id = {briefing.Id}");
        });
        await EvictAsync(App);

        (await client.GetDocumentAsync(Url)).QuerySelector("h1")!.TextContent.Should().Contain("Rewritten ZqxRewritten");
    }
}

using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Resolutions;
using ResolutionTracker.Domain.Votes;
using ResolutionTracker.IntegrationTests.Fixture;
using static ResolutionTracker.IntegrationTests.Pages.Public.Briefings.PublishedBriefings;

namespace ResolutionTracker.IntegrationTests.Pages.Public.Resolutions;

public sealed partial class DetailTests(AppFactory app) : AppTest(app)
{
    private const string L31Path = "/resolutions/A/HRC/43/L.31";
    private const string PredecessorPath = "/resolutions/A/HRC/RES/37/23";

    [Fact]
    public async Task The_draft_shows_pp11_in_the_words_the_annex_quotes()
    {
        await App.SeedDemoAsync();
        using var client = App.CreateClient();

        var page = await client.GetDocumentAsync(L31Path);

        Text(page.GetElementById("pp11")!.QuerySelector(".para-text")!).Should().Contain(Demo.Pp11Words);
    }

    [Fact]
    public async Task The_draft_shows_the_headings_of_its_five_concerns()
    {
        await App.SeedDemoAsync();
        using var client = App.CreateClient();

        var page = await client.GetDocumentAsync(L31Path);

        page.QuerySelectorAll("article.concern-card h4").Select(Text).Distinct()
            .Should().BeEquivalentTo(Demo.ConcernHeadings);
    }

    [Theory]
    [InlineData("pp3", 2)]
    [InlineData("pp4", 1)]
    [InlineData("pp8", 4)]
    [InlineData("pp11", 3)]
    public async Task A_concern_appears_beside_the_paragraph_it_is_about(string anchor, int concern)
    {
        await App.SeedDemoAsync();
        using var client = App.CreateClient();

        var page = await client.GetDocumentAsync(L31Path);

        page.GetElementById(anchor)!.QuerySelectorAll("article.concern-card h4").Select(Text)
            .Should().Equal(Demo.ConcernHeadings[concern]);
    }

    [Fact]
    public async Task The_predecessor_symbol_links_to_the_UN_document_system()
    {
        await App.SeedDemoAsync();
        using var client = App.CreateClient();

        var page = await client.GetDocumentAsync(L31Path);

        page.QuerySelectorAll("a[href='https://undocs.org/en/A/HRC/RES/37/23']").Select(Text)
            .Should().NotBeEmpty("every UN symbol on a page links to the UN's document system, the predecessor's included")
            .And.AllBe(Demo.Predecessor);
    }

    [Fact]
    public async Task The_adopted_resolution_shows_the_totals_of_its_recorded_vote()
    {
        await App.SeedDemoAsync();
        using var client = App.CreateClient();

        var page = await client.GetDocumentAsync(PredecessorPath);

        page.QuerySelectorAll(".vote-totals").Select(Text)
            .Should().Equal("28 in favour, 1 against, 17 abstentions, 1 not voting");
    }

    [Fact]
    public async Task The_adopted_resolution_lists_how_each_of_the_47_members_voted()
    {
        await App.SeedDemoAsync();
        using var client = App.CreateClient();

        var page = await client.GetDocumentAsync(PredecessorPath);

        var states = page.QuerySelectorAll("table.table-votes tbody tr").Where(row => row.QuerySelector("td") is not null).ToList();
        states.Should().HaveCount(47);
        states.Select(row => Text(row.QuerySelector("td")!)).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task An_unknown_symbol_gives_404()
    {
        await App.SeedDemoAsync();
        using var client = App.CreateClient();

        var status = await client.GetStatusAsync("/resolutions/A/HRC/12/L.77");

        status.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_404_page_offers_a_way_back()
    {
        using var client = App.CreateClient();

        using var response = await client.GetAsync(new Uri("/resolutions/A/HRC/12/L.77", UriKind.Relative));
        var page = await response.ParseAsync();

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        page.QuerySelectorAll("main a[href]").Should().NotBeEmpty();
    }

    [Theory]
    [InlineData("/resolutions/%01%02")]
    [InlineData("/resolutions/A//HRC//43")]
    [InlineData("/resolutions/%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    [InlineData("/resolutions/..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/resolutions/A/HRC/43/L.31'%20OR%20'1'='1")]
    [InlineData("/resolutions/%E2%80%AE%F0%9F%98%80")]
    [InlineData("/resolutions/%FF%FE")]
    [InlineData("/resolutions/-")]
    public async Task A_malformed_symbol_gives_400_or_404(string url)
    {
        await App.SeedDemoAsync();
        using var client = App.CreateClient();

        var status = await client.GetStatusAsync(url);

        status.Should().BeOneOf(HttpStatusCode.BadRequest, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_symbol_too_long_for_any_document_gives_400_or_404()
    {
        using var client = App.CreateClient();

        var status = await client.GetStatusAsync("/resolutions/A/HRC/" + new string('9', 900));

        status.Should().BeOneOf(HttpStatusCode.BadRequest, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_very_long_query_string_gives_400()
    {
        await App.SeedDemoAsync();
        using var client = App.CreateClient();

        var status = await client.GetStatusAsync(L31Path + "?q=" + new string('x', 5000));

        status.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_number_of_SQL_commands_for_an_uncached_resolution_page_does_not_grow_with_its_content()
    {
        await App.SeedDemoAsync(includeDemoAccounts: true);
        const string bare = "A/HRC/43/L.99";
        await App.ExecuteAsync(async db =>
        {
            // A resolution with one paragraph and nothing else...
            var session = await db.Sessions.SingleAsync(s => s.Body == UnBody.HumanRightsCouncil && s.Number == 43);
            var small = new Resolution(bare, "A bare draft", UnBody.HumanRightsCouncil, session);
            small.AddVersion("L.99", VersionKind.Draft, null, TextCompleteness.Complete)
                .AddParagraph(ParagraphKind.Operative, 1, "Decides to remain seized of the matter.", TextSource.Imported);
            db.Resolutions.Add(small);

            // ...and L.31 grown: thirty operative paragraphs with sub-items, twenty co-sponsors, a recorded vote.
            var l31 = await db.Resolutions.Include(r => r.Versions).ThenInclude(v => v.Paragraphs)
                .Include(r => r.Versions).ThenInclude(v => v.Sponsorships)
                .SingleAsync(r => r.Symbol == Demo.L31);
            var latest = l31.Versions.OrderBy(v => v.Sequence).Last();
            for (var n = 1; n <= 30; n++)
            {
                var paragraph = latest.AddParagraph(ParagraphKind.Operative, n, $"Requests the Secretary-General to report on item {n}, as in A/RES/60/251,", TextSource.Imported);
                paragraph.AddSubItem("(a)", "first, as set out in A/HRC/RES/37/23;");
                paragraph.AddSubItem("(b)", "second.");
            }
            var sponsored = latest.Sponsorships.Select(s => s.OrganisationId).ToHashSet();
            var states = await db.Organisations.Where(o => o.Kind == OrganisationKind.State).OrderBy(o => o.Name).ToListAsync();
            foreach (var state in states.Where(s => !sponsored.Contains(s.Id)).Take(20))
                latest.Sponsor(state, SponsorRole.CoSponsor);
            var vote = new Vote(latest, VoteKind.Recorded, new DateOnly(2020, 6, 22), "HRC 43, 40th meeting");
            foreach (var (state, i) in states.Select((s, i) => (s, i)).Take(40))
                vote.Record(state, (VoteChoice)(i % 3));
            db.Votes.Add(vote);
        });
        // Two more published briefings on L.31, with eight and twelve concerns on its paragraphs.
        await CreateAsync(App, "Second briefing", concerns: 8, footnotes: 4);
        await CreateAsync(App, "Third briefing", concerns: 12, footnotes: 2);
        using var visitor = App.CreateClient();
        using var staff = await App.CreateClientAsUserAsync(Web.Authorization.Roles.Staff);

        // Rendered fresh: the output cache is emptied first.
        async Task<int> CountAsync(HttpClient client, string path)
        {
            await EvictAsync(App);
            return await CountCommandsAsync(App, () => client.GetDocumentAsync(path));
        }

        // The first time this process meets a published snapshot, its document is read (one more statement for
        // all of them); afterwards it is known by its content digest.
        (await CountAsync(visitor, L31Path)).Should().BeLessThanOrEqualTo(2);
        var visitorCounts = new[] { await CountAsync(visitor, "/resolutions/" + bare), await CountAsync(visitor, L31Path), await CountAsync(visitor, PredecessorPath) };
        var staffCounts = new[] { await CountAsync(staff, "/resolutions/" + bare), await CountAsync(staff, L31Path), await CountAsync(staff, PredecessorPath) };

        visitorCounts.Should().AllBeEquivalentTo(1, "one statement reads everything a visitor sees, however much there is");
        staffCounts.Should().AllBeEquivalentTo(staffCounts[0]).And.OnlyContain(n => n <= 2, "signed-in users' live concerns take one more");
        var page = await visitor.GetDocumentAsync(L31Path);
        page.QuerySelectorAll("li.para[id^=op]").Should().HaveCount(30);
        page.QuerySelectorAll("li.para .concern-card").Length.Should().BeGreaterThanOrEqualTo(20);
        page.QuerySelectorAll("table.table-votes tbody tr td:first-child").Should().HaveCount(40);
    }

    private static string Text(IElement element) => Whitespace().Replace(element.TextContent, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

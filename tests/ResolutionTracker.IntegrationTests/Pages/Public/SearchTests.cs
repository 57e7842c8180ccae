using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Briefings;
using ResolutionTracker.Domain.Concerns;
using ResolutionTracker.Domain.Organisations;
using ResolutionTracker.Domain.Resolutions;
using ResolutionTracker.IntegrationTests.Fixture;
using ResolutionTracker.Web.Authorization;

namespace ResolutionTracker.IntegrationTests.Pages.Public;

public sealed class SearchTests(AppFactory app) : AppTest(app)
{
    // Made-up words, so only the records a test plants can match.
    private const string Quokka = "quokka";
    private const string Wombat = "wombat";

    [Fact]
    public async Task An_empty_search_shows_the_box_and_a_hint()
    {
        using var client = App.CreateClient();

        var page = await client.GetDocumentAsync("/search");

        page.QuerySelector("form[role=search] input[name=q]").Should().NotBeNull();
        page.QuerySelector(".empty-state")!.TextContent.Should().Contain("Type a few words");
        page.QuerySelectorAll("section.search-group").Should().BeEmpty();
    }

    [Fact]
    public async Task A_resolution_whose_title_matches_more_of_the_query_ranks_first()
    {
        var session = await SessionAsync(UnBody.HumanRightsCouncil, 61);
        await ResolutionAsync(session, "A/HRC/61/L.1", $"Habitats of the {Quokka}");
        await ResolutionAsync(session, "A/HRC/61/L.9", $"Protecting the {Quokka} and the {Wombat}");
        using var client = App.CreateClient();

        var page = await client.GetDocumentAsync($"/search?q={Quokka}+OR+{Wombat}");

        Titles(page, "resolutions").Should().Equal("A/HRC/61/L.9", "A/HRC/61/L.1");
    }

    [Fact]
    public async Task A_phrase_in_quotes_matches_only_those_words_in_that_order()
    {
        var version = await VersionAsync(await SessionAsync(UnBody.HumanRightsCouncil, 61), "A/HRC/61/L.2", "Road safety");
        await ParagraphsAsync(version, "Notes the zebra crossing rules of every state", "Recalls that the zebra is crossing the river");
        using var client = App.CreateClient();

        var phrase = await client.GetDocumentAsync("/search?q=%22zebra+crossing%22");
        var words = await client.GetDocumentAsync("/search?q=zebra+crossing");

        Snippets(phrase, "paragraphs").Should().ContainSingle().Which.Should().Contain("zebra crossing rules");
        Snippets(words, "paragraphs").Should().HaveCount(2);
    }

    [Fact]
    public async Task OR_finds_either_word_and_a_minus_leaves_a_word_out()
    {
        var version = await VersionAsync(await SessionAsync(UnBody.HumanRightsCouncil, 61), "A/HRC/61/L.3", "Animals");
        await ParagraphsAsync(version, $"Welcomes the {Quokka} census", $"Notes the {Wombat} census", $"Regrets the {Quokka} and {Wombat} dispute");
        using var client = App.CreateClient();

        var either = await client.GetDocumentAsync($"/search?q={Quokka}+OR+{Wombat}");
        var without = await client.GetDocumentAsync($"/search?q={Quokka}+-{Wombat}");

        Snippets(either, "paragraphs").Should().HaveCount(3);
        Snippets(without, "paragraphs").Should().ContainSingle().Which.Should().Contain("census");
    }

    [Fact]
    public async Task Body_session_and_kind_filters_narrow_the_results()
    {
        var hrc = await SessionAsync(UnBody.HumanRightsCouncil, 61);
        var ga = await SessionAsync(UnBody.GeneralAssembly, 80);
        var hrcVersion = await VersionAsync(hrc, "A/HRC/61/L.4", $"The {Quokka} in the Council");
        await ParagraphsAsync(hrcVersion, $"Discusses the {Quokka} at length");
        await ResolutionAsync(ga, "A/C.3/80/L.4", $"The {Quokka} in the Assembly");
        await App.ExecuteAsync(db => { db.Organisations.Add(new Organisation($"Friends of the {Quokka}", OrganisationKind.Ngo)); return Task.CompletedTask; });
        using var client = App.CreateClient();

        var byBody = await client.GetDocumentAsync($"/search?q={Quokka}&body=GeneralAssembly");
        var bySession = await client.GetDocumentAsync($"/search?q={Quokka}&session=61");
        var byKind = await client.GetDocumentAsync($"/search?q={Quokka}&kind=organisations");

        Titles(byBody, "resolutions").Should().Equal("A/C.3/80/L.4");
        Groups(byBody).Should().Equal("resolutions");
        byBody.QuerySelector(".search-note")!.TextContent.Should().Contain("Organisations belong to no UN body or session");
        Titles(bySession, "resolutions").Should().Equal("A/HRC/61/L.4");
        Groups(bySession).Should().Equal("resolutions", "paragraphs");
        Groups(byKind).Should().Equal("organisations");
        Titles(byKind, "organisations").Should().ContainSingle().Which.Should().Contain("Friends of the");
    }

    [Fact]
    public async Task Unknown_filter_values_are_ignored_with_a_notice()
    {
        await ResolutionAsync(await SessionAsync(UnBody.HumanRightsCouncil, 61), "A/HRC/61/L.5", $"The {Quokka}");
        using var client = App.CreateClient();

        var page = await client.GetDocumentAsync($"/search?q={Quokka}&kind=spaceships&body=Mars&session=-3");

        var notice = page.QuerySelector(".notice")!.TextContent;
        notice.Should().Contain("spaceships").And.Contain("Mars").And.Contain("-3");
        Titles(page, "resolutions").Should().Equal("A/HRC/61/L.5");
    }

    [Fact]
    public async Task Results_are_grouped_by_kind_in_order_with_counts_and_a_cap_with_a_link_to_the_rest()
    {
        await App.SeedDemoAsync();
        var version = await VersionAsync(await SessionAsync(UnBody.HumanRightsCouncil, 61), "A/HRC/61/L.6", $"On the {Quokka}");
        await ParagraphsAsync(version, Enumerable.Range(1, 12).Select(i => $"Paragraph {i} about the {Quokka}").ToArray());
        await App.ExecuteAsync(db => { db.Organisations.Add(new Organisation($"{Quokka} Watch", OrganisationKind.Ngo, shortName: "QW")); return Task.CompletedTask; });
        using var client = App.CreateClient();

        var page = await client.GetDocumentAsync($"/search?q={Quokka}");

        Groups(page).Should().Equal("resolutions", "paragraphs", "organisations");
        Count(page, "paragraphs").Should().Be("12");
        Snippets(page, "paragraphs").Should().HaveCount(10);
        var more = page.QuerySelector("#results-paragraphs")!.ParentElement!.QuerySelector(".search-more a")!;
        more.TextContent.Should().Contain("Show all 12 paragraphs");
        var all = await client.GetDocumentAsync(more.GetAttribute("href")!);
        Groups(all).Should().Equal("paragraphs");
        Snippets(all, "paragraphs").Should().HaveCount(12);

        var briefing = await client.GetDocumentAsync("/search?q=%22mutually+beneficial+cooperation%22");
        Groups(briefing).Should().StartWith("briefings");
        briefing.QuerySelector("#results-briefings")!.ParentElement!.QuerySelector("a.record-title")!.GetAttribute("href")
            .Should().Be("/briefings/a-hrc-43-l-31-key-concerns");
    }

    [Fact]
    public async Task Snippets_mark_the_matched_words_and_encode_the_text_around_them()
    {
        var version = await VersionAsync(await SessionAsync(UnBody.HumanRightsCouncil, 61), "A/HRC/61/L.7", "Markup");
        await ParagraphsAsync(version, $"Condemns <script>alert('x')</script> & <b>bold</b> attacks on the {Quokka}");
        using var client = App.CreateClient();

        using var response = await client.GetAsync(new Uri($"/search?q={Quokka}", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        var page = await response.ParseAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        html.Should().NotContain("<script>alert").And.NotContain("<b>bold</b>");
        html.Should().Contain("&lt;script&gt;alert(");
        var snippet = page.QuerySelector("#results-paragraphs")!.ParentElement!.QuerySelector(".search-snippet")!;
        snippet.TextContent.Should().Contain("<script>alert('x')</script> & <b>bold</b>");
        snippet.QuerySelectorAll("mark").Select(m => m.TextContent).Should().Equal(Quokka);
        snippet.QuerySelectorAll("script, b").Should().BeEmpty();
    }

    [Fact]
    public async Task A_visitor_never_finds_a_draft_concern_or_an_unpublished_briefing_and_staff_find_the_concern()
    {
        var resolution = await ResolutionAsync(await SessionAsync(UnBody.HumanRightsCouncil, 61), "A/HRC/61/L.8", "Internal work");
        var author = await App.CreateUserAsync(Roles.Staff);
        await App.ExecuteAsync(async db =>
        {
            var r = await db.Resolutions.SingleAsync(x => x.Id == resolution);
            var now = App.Clock.GetUtcNow();
            db.Concerns.Add(new Concern(r, author.Id, "Draft about the narwhalian clause", null, "Body naming the narwhalian clause.", Severity.High, now));
            db.Briefings.Add(new Briefing(r, "Unpublished narwhalian briefing", "Intro", BriefingStance.Oppose, "Narwhalian position", now));
        });
        using var visitor = App.CreateClient();
        using var staff = await App.CreateClientAsUserAsync(Roles.Staff);

        var anonymous = await visitor.GetDocumentAsync("/search?q=narwhalian");
        var anonymousKind = await visitor.GetDocumentAsync("/search?q=narwhalian&kind=concerns");
        var signedIn = await staff.GetDocumentAsync("/search?q=narwhalian");

        Groups(anonymous).Should().BeEmpty();
        anonymous.Body!.TextContent.Should().NotContain("Draft about the");
        anonymous.QuerySelector(".empty-state")!.TextContent.Should().Contain("Nothing matches");
        anonymousKind.QuerySelector(".notice")!.TextContent.Should().Contain("concerns");
        Groups(anonymousKind).Should().BeEmpty();
        Groups(signedIn).Should().Equal("concerns");
        var hit = signedIn.QuerySelector("#results-concerns")!.ParentElement!;
        hit.QuerySelector("a.record-title")!.TextContent.Should().Be("Draft about the narwhalian clause");
        hit.QuerySelector(".concern-state")!.TextContent.Should().Be("Draft");
    }

    [Fact]
    public async Task A_visitor_finds_published_concerns_inside_their_briefing()
    {
        await App.SeedDemoAsync();
        using var client = App.CreateClient();

        var page = await client.GetDocumentAsync("/search?q=reprisals");

        Groups(page).Should().Contain("briefings").And.NotContain("concerns");
        page.QuerySelector("#results-briefings")!.ParentElement!.QuerySelectorAll("mark").Should().NotBeEmpty();
    }

    [Theory]
    [InlineData("the and of")]
    [InlineData("of")]
    [InlineData("!!! ???")]
    public async Task A_search_of_only_very_common_words_says_so(string query)
    {
        using var client = App.CreateClient();

        var page = await client.GetDocumentAsync("/search?q=" + Uri.EscapeDataString(query));

        page.QuerySelector(".empty-state")!.TextContent.Should().Contain("Your search has only very common words");
    }

    [Fact]
    public async Task A_search_that_only_leaves_words_out_asks_for_a_word_to_look_for()
    {
        using var client = App.CreateClient();

        var page = await client.GetDocumentAsync("/search?q=-sovereignty");

        page.QuerySelector(".empty-state")!.TextContent.Should().Contain("only leaves words out");
    }

    [Fact]
    public async Task Unbalanced_quotes_still_search()
    {
        var version = await VersionAsync(await SessionAsync(UnBody.HumanRightsCouncil, 61), "A/HRC/61/L.10", "Road safety");
        await ParagraphsAsync(version, "Notes the zebra crossing rules");
        using var client = App.CreateClient();

        var page = await client.GetDocumentAsync("/search?q=" + Uri.EscapeDataString("\"zebra crossing"));

        Snippets(page, "paragraphs").Should().ContainSingle();
    }

    [Fact]
    public async Task A_search_of_2000_characters_is_refused_with_the_limit()
    {
        using var client = App.CreateClient();

        using var response = await client.GetAsync(new Uri("/search?q=" + new string('a', 2_000), UriKind.Relative));
        var page = await response.ParseAsync();

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        page.QuerySelector("#q-error")!.TextContent.Should().Contain("Search at most 200 characters");
        page.QuerySelectorAll("section.search-group").Should().BeEmpty();
    }

    [Fact]
    public async Task A_search_of_exactly_200_characters_is_accepted()
    {
        using var client = App.CreateClient();

        (await client.GetStatusAsync("/search?q=" + new string('a', 200))).Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(":*&|!()<>")]
    [InlineData("quokka:* & !(wombat | <-> )")]
    [InlineData("'\\'; drop table resolutions; --")]
    [InlineData("\"\"\"")]
    [InlineData("- - OR OR \" -")]
    [InlineData("a\u0000b")]
    [InlineData("\ud800 lone surrogate")]
    [InlineData("<script>alert(1)</script>")]
    public async Task Odd_characters_never_fail(string query)
    {
        await ResolutionAsync(await SessionAsync(UnBody.HumanRightsCouncil, 61), "A/HRC/61/L.11", $"The {Quokka}");
        using var client = App.CreateClient();

        using var response = await client.GetAsync(new Uri("/search?q=" + Uri.EscapeDataString(query) + "&kind=resolutions", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        html.Should().NotContain("<script>alert(1)");
        (await App.QueryAsync(db => db.Resolutions.CountAsync())).Should().Be(1);
    }

    private static IEnumerable<string> Groups(IHtmlDocument page) =>
        page.QuerySelectorAll("section.search-group h2").Select(h => h.Id!.Replace("results-", "", StringComparison.Ordinal));

    private static string Count(IHtmlDocument page, string kind) =>
        page.QuerySelector($"#results-{kind} .search-group-count")!.TextContent.Trim();

    private static IEnumerable<string> Titles(IHtmlDocument page, string kind) =>
        page.QuerySelector($"#results-{kind}")?.ParentElement!.QuerySelectorAll("a.record-title").Select(a => a.TextContent.Trim()) ?? [];

    private static List<string> Snippets(IHtmlDocument page, string kind) =>
        page.QuerySelector($"#results-{kind}")?.ParentElement!.QuerySelectorAll(".search-snippet").Select(s => s.TextContent.Trim()).ToList() ?? [];

    private async Task<int> SessionAsync(UnBody body, int number)
    {
        var session = new Session(body, number, new DateOnly(2026, 2, 1));
        await App.ExecuteAsync(db => { db.Sessions.Add(session); return Task.CompletedTask; });
        return session.Id;
    }

    private async Task<int> ResolutionAsync(int sessionId, string symbol, string title)
    {
        Resolution? resolution = null;
        await App.ExecuteAsync(async db =>
        {
            var session = await db.Sessions.SingleAsync(s => s.Id == sessionId);
            resolution = new Resolution(symbol, title, session.Body, session);
            db.Resolutions.Add(resolution);
        });
        return resolution!.Id;
    }

    private async Task<int> VersionAsync(int sessionId, string symbol, string title)
    {
        var id = await ResolutionAsync(sessionId, symbol, title);
        ResolutionVersion? version = null;
        await App.ExecuteAsync(async db =>
        {
            var resolution = await db.Resolutions.Include(r => r.Versions).SingleAsync(r => r.Id == id);
            version = resolution.AddVersion(symbol, VersionKind.Draft, new DateOnly(2026, 3, 1), TextCompleteness.Complete, symbol);
        });
        return version!.Id;
    }

    private async Task ParagraphsAsync(int versionId, params string[] texts)
    {
        await App.ExecuteAsync(async db =>
        {
            var version = await db.Versions.Include(v => v.Paragraphs).SingleAsync(v => v.Id == versionId);
            foreach (var text in texts)
                version.AppendParagraph(ParagraphKind.Operative, text);
        });
    }
}

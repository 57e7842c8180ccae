using System.Globalization;
using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Annotations;
using ResolutionTracker.Domain.Briefings;
using ResolutionTracker.Domain.Concerns;
using ResolutionTracker.Domain.Votes;
using ResolutionTracker.IntegrationTests.Fixture;
using ResolutionTracker.Web.Data.Seeding;
using Xunit.Abstractions;

namespace ResolutionTracker.IntegrationTests.Authorization;

// Unpublished work, each piece carrying a word found nowhere else, and a visitor who follows every link the site
// offers (and tries every address its routes allow): none of those words may reach them.
public sealed class AnonymousSeesOnlyPublishedTests(AppFactory app, ITestOutputHelper output) : AppTest(app)
{
    private const int MaxUrls = 500;

    private sealed record Planted(int DraftConcernId, int InReviewConcernId, int SentBackConcernId, int ApprovedUnpublishedConcernId,
        int EditedPublishedConcernId, string UnpublishedBriefingSlug, IReadOnlyDictionary<string, string> Markers);

    [Fact]
    public async Task No_unpublished_text_reaches_an_anonymous_visitor_on_any_page_they_can_reach()
    {
        await App.SeedDemoAsync(includeDemoAccounts: true);
        var planted = await PlantUnpublishedWorkAsync();
        var seeds = await SeedUrlsAsync();
        using var client = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var queue = new Queue<string>(seeds);
        var seen = new HashSet<string>(seeds, StringComparer.Ordinal);
        // Filters and pages multiply addresses without new content: a few query variants of each path are enough.
        var variants = new Dictionary<string, int>(StringComparer.Ordinal);
        bool Worth(string url)
        {
            if (!url.Contains('?', StringComparison.Ordinal))
                return true;
            var path = url.Split('?')[0];
            variants[path] = variants.GetValueOrDefault(path) + 1;
            return variants[path] <= 4;
        }
        var leaks = new List<string>();
        var serverErrors = new List<string>();
        var statuses = new Dictionary<int, int>();
        var visited = 0;
        var parser = new HtmlParser();
        while (queue.Count > 0 && visited < MaxUrls)
        {
            var url = queue.Dequeue();
            visited++;
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (status >= 500 && !url.Equals("/Error", StringComparison.OrdinalIgnoreCase))
                serverErrors.Add($"GET {url} answered {status}");
            var body = await response.Content.ReadAsStringAsync();
            leaks.AddRange(planted.Markers
                .Where(m => body.Contains(m.Value, StringComparison.OrdinalIgnoreCase))
                .Select(m => $"GET {url} ({status}) shows {m.Key} (\"{m.Value}\")"));
            if (response.Headers.Location is { } location && Local(location.ToString()) is { } target && seen.Add(target) && Worth(target))
                queue.Enqueue(target);
            if (response.Content.Headers.ContentType?.MediaType != "text/html")
                continue;
            var document = await parser.ParseDocumentAsync(body);
            foreach (var link in document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
            {
                if (Local(link) is { } next && seen.Add(next) && Worth(next))
                    queue.Enqueue(next);
            }
        }

        output.WriteLine($"Visited {visited} URLs ({seen.Count} found, {queue.Count} left over the cap of {MaxUrls}); statuses: " +
            string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}")));
        visited.Should().BeGreaterThan(100, "the crawl reaches the whole public site");
        seen.Should().Contain($"/concerns/{planted.DraftConcernId}");
        leaks.Should().BeEmpty("a visitor sees only published work");
        serverErrors.Should().BeEmpty();
    }

    [Fact]
    public async Task Every_unpublished_concern_and_briefing_is_not_found_for_a_visitor()
    {
        await App.SeedDemoAsync(includeDemoAccounts: true);
        var planted = await PlantUnpublishedWorkAsync();
        using var client = App.CreateClient();

        foreach (var id in new[] { planted.DraftConcernId, planted.InReviewConcernId, planted.SentBackConcernId, planted.ApprovedUnpublishedConcernId })
            (await client.GetStatusAsync($"/concerns/{id}")).Should().Be(HttpStatusCode.NotFound, $"concern {id} is not published");
        (await client.GetStatusAsync($"/briefings/{planted.UnpublishedBriefingSlug}")).Should().Be(HttpStatusCode.NotFound);

        // The markers are plain words that survive rendering: a coalition lead does see them, so their absence above means something.
        using var lead = await PageCatalog.SignInAsDemoAsync(App, DemoSeeder.LeadEmail);
        var l31 = await App.QueryAsync(db => db.Resolutions.Where(r => r.Symbol == Demo.L31).Select(r => r.Id).SingleAsync());
        var concernPage = await (await lead.GetAsync(new Uri($"/desk/concerns/{planted.DraftConcernId}", UriKind.Relative))).Content.ReadAsStringAsync();
        concernPage.Should().Contain(planted.Markers["draft concern heading"]).And.Contain(planted.Markers["draft concern body"]).And.Contain(planted.Markers["draft concern footnote"]);
        var workingView = await (await lead.GetAsync(new Uri($"/desk/resolutions/{l31}", UriKind.Relative))).Content.ReadAsStringAsync();
        workingView.Should().Contain(planted.Markers["annotation"]).And.Contain(planted.Markers["annotation reply"]);
    }

    // The issue: "Editing an approved concern starts a new revision that needs approval again; the approved revision
    // stays what any briefing uses until then." Visitors read the concern as published.
    [Fact]
    public async Task A_published_concern_stays_public_with_its_approved_text_while_a_new_revision_is_edited()
    {
        await App.SeedDemoAsync(includeDemoAccounts: true);
        var planted = await PlantUnpublishedWorkAsync();
        using var client = App.CreateClient();

        using var response = await client.GetAsync(new Uri($"/concerns/{planted.EditedPublishedConcernId}", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        html.Should().Contain(Demo.ConcernHeadings[0]);
        html.Should().NotContain(planted.Markers["edit of a published concern (heading)"]);
    }

    private async Task<Planted> PlantUnpublishedWorkAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        string M(string what) => $"Zqx{what}{tag}";
        var markers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["draft concern heading"] = M("DraftHeading"),
            ["draft concern summary"] = M("DraftSummary"),
            ["draft concern body"] = M("DraftBody"),
            ["draft concern footnote"] = M("DraftFootnote"),
            ["in-review concern heading"] = M("ReviewHeading"),
            ["in-review concern body"] = M("ReviewBody"),
            ["sent-back concern heading"] = M("SentBackHeading"),
            ["review comment"] = M("ReviewComment"),
            ["approved but unpublished concern heading"] = M("ApprovedUnpublished"),
            ["edit of a published concern (heading)"] = M("EditHeading"),
            ["edit of a published concern (body)"] = M("EditBody"),
            ["edit of a published concern (new footnote)"] = M("EditFootnote"),
            ["annotation"] = M("Annotation"),
            ["annotation reply"] = M("Reply"),
            ["state position ask"] = M("PositionAsk"),
            ["state position note"] = M("PositionNote"),
            ["contact log note"] = M("ContactNote"),
            ["unpublished briefing title"] = M("BriefingTitle"),
            ["unpublished briefing introduction"] = M("BriefingIntro"),
            ["unpublished briefing position"] = M("BriefingPosition"),
        };

        int draft = 0, inReview = 0, sentBack = 0, approvedUnpublished = 0, editedPublished = 0;
        var briefingSlug = "";
        await App.ExecuteAsync(async db =>
        {
            var now = App.Clock.GetUtcNow();
            var staff = await db.Users.Where(u => u.Email == DemoSeeder.StaffEmail).Select(u => u.Id).SingleAsync();
            var lead = await db.Users.Where(u => u.Email == DemoSeeder.LeadEmail).Select(u => u.Id).SingleAsync();
            var author = new Actor(staff, CanReview: false);
            var reviewer = new Actor(lead, CanReview: true);
            var l31 = await db.Resolutions.Include(r => r.Versions).ThenInclude(v => v.Paragraphs).SingleAsync(r => r.Symbol == Demo.L31);
            var paragraph = l31.Versions.SelectMany(v => v.Paragraphs).Where(p => p.Text.Contains(Demo.Pp11Words, StringComparison.Ordinal)).MaxBy(p => p.Id)!;

            Concern NewConcern(string heading, string? summary, string body)
            {
                var concern = new Concern(l31, staff, heading, summary, body, Severity.High, now);
                concern.LinkParagraph(paragraph);
                db.Concerns.Add(concern);
                return concern;
            }

            var d = NewConcern($"A draft: {markers["draft concern heading"]}", $"Summary {markers["draft concern summary"]}", $"Body **{markers["draft concern body"]}**");
            d.AddFootnote(author, $"Footnote {markers["draft concern footnote"]} citing A/HRC/RES/37/23.", [new CitationInput("A/HRC/RES/37/23", null, null)], now);

            var r = NewConcern($"In review: {markers["in-review concern heading"]}", null, $"Body {markers["in-review concern body"]}");
            r.Submit(author, now);

            var s = NewConcern($"Sent back: {markers["sent-back concern heading"]}", null, "Body.");
            s.Submit(author, now);
            s.RequestChanges(reviewer, $"Please fix {markers["review comment"]}.", now);

            var a = NewConcern($"Approved, in no published briefing: {markers["approved but unpublished concern heading"]}", null, "Body.");
            a.Submit(author, now);
            a.Approve(reviewer, now);

            // A published concern edited after approval: the approved revision stays public, the edit does not.
            var published = await db.Concerns.Include(c => c.Footnotes).ThenInclude(f => f.Citations).Include(c => c.Revisions)
                .SingleAsync(c => c.Heading == Demo.ConcernHeadings[0]);
            published.Edit(reviewer, $"{published.Heading} {markers["edit of a published concern (heading)"]}", published.Summary,
                $"{published.Body}\n\n{markers["edit of a published concern (body)"]}", published.Severity, now);
            published.AddFootnote(reviewer, $"New footnote {markers["edit of a published concern (new footnote)"]}", [], now);

            var thread = new Annotation(paragraph, staff, $"Note {markers["annotation"]}", new TextQuoteSelector(Demo.Pp11Words, null, null), now);
            db.Annotations.Add(thread);
            db.Annotations.Add(new Annotation(paragraph, lead, $"Reply {markers["annotation reply"]}", null, now, thread));

            var state = await db.Organisations.Where(o => o.Kind == OrganisationKind.State).OrderBy(o => o.Name).FirstAsync();
            var position = await db.StatePositions.Include(p => p.Contacts).FirstOrDefaultAsync(p => p.ResolutionId == l31.Id && p.OrganisationId == state.Id);
            if (position is null)
            {
                position = new StatePosition(l31, state, ExpectedVote.Abstain, Priority.High);
                db.StatePositions.Add(position);
            }
            position.Update(ExpectedVote.Abstain, Priority.High, $"Ask {markers["state position ask"]}", $"Note {markers["state position note"]}");
            position.LogContact(staff, DateOnly.FromDateTime(now.UtcDateTime), $"Met the mission {markers["contact log note"]}");

            var briefing = new Briefing(l31, $"Briefing {markers["unpublished briefing title"]}", $"Intro {markers["unpublished briefing introduction"]}",
                BriefingStance.Oppose, $"Position {markers["unpublished briefing position"]}", now);
            briefing.AddConcern(a);
            db.Briefings.Add(briefing);

            await db.SaveChangesAsync();
            (draft, inReview, sentBack, approvedUnpublished, editedPublished, briefingSlug) = (d.Id, r.Id, s.Id, a.Id, published.Id, briefing.Slug);
        });
        return new Planted(draft, inReview, sentBack, approvedUnpublished, editedPublished, briefingSlug, markers);
    }

    // Every page route with its parameters filled with every value the database holds for them.
    private async Task<List<string>> SeedUrlsAsync()
    {
        var values = await App.QueryAsync(async db => new
        {
            Symbols = await db.Resolutions.Select(r => r.Symbol).ToListAsync(),
            ResolutionIds = await db.Resolutions.Select(r => r.Id).ToListAsync(),
            ConcernIds = await db.Concerns.Select(c => c.Id).ToListAsync(),
            BriefingSlugs = await db.Briefings.Select(b => b.Slug).ToListAsync(),
            BriefingIds = await db.Briefings.Select(b => b.Id).ToListAsync(),
            OrganisationSlugs = await db.Organisations.Select(o => o.Slug).ToListAsync(),
            UserIds = await db.Users.Select(u => u.Id).ToListAsync(),
        });
        static List<string> Text(IEnumerable<int> ids) => ids.Select(PageCatalog.Id).ToList();

        List<string> Candidates(RoutePattern route, RoutePatternParameterPart parameter)
        {
            var area = route.PathSegments.SelectMany(s => s.Parts).OfType<RoutePatternLiteralPart>().Select(l => l.Content.ToLowerInvariant()).ToList();
            return (parameter.Name.ToLowerInvariant(), area) switch
            {
                ("symbol", _) => values.Symbols,
                ("slug", var a) when a.Contains("briefings") => values.BriefingSlugs,
                ("slug", _) => values.OrganisationSlugs,
                ("code", _) => ["400", "403", "404"],
                ("entity", _) => ["concern", "resolution", "briefing"],
                ("id", var a) when a.Contains("users") => values.UserIds.Take(3).ToList(),
                ("id", var a) when a.Contains("resolutions") => Text(values.ResolutionIds),
                ("id", var a) when a.Contains("organisations") => ["1"],
                ("id", _) => Text(values.ConcernIds.Concat(values.BriefingIds).Distinct()),
                _ => ["1"],
            };
        }

        var urls = new List<string>();
        foreach (var page in PageCatalog.Pages(App.Services))
        {
            var parameters = page.Route.Parameters.Where(p => !p.IsOptional && p.Default is null).ToList();
            IEnumerable<Dictionary<string, string>> combinations = [new Dictionary<string, string>(StringComparer.Ordinal)];
            foreach (var parameter in parameters)
            {
                var candidates = Candidates(page.Route, parameter);
                combinations = combinations.SelectMany(c => candidates.Select(v => new Dictionary<string, string>(c, StringComparer.Ordinal) { [parameter.Name] = v }));
            }
            urls.AddRange(combinations.Select(c => PageCatalog.UrlFor(page.Route, c)));
        }
        return urls.Distinct(StringComparer.Ordinal).ToList();
    }

    // A link within the site, without its fragment; static files and other sites are not pages to read.
    private static string? Local(string href)
    {
        if (string.IsNullOrWhiteSpace(href))
            return null;
        if (Uri.TryCreate(href, UriKind.Absolute, out var absolute))
        {
            if (absolute.Scheme is not ("http" or "https") || !string.Equals(absolute.Host, "localhost", StringComparison.OrdinalIgnoreCase))
                return null;
            href = absolute.PathAndQuery;
        }
        if (!href.StartsWith('/') || href.StartsWith("//", StringComparison.Ordinal))
            return null;
        var hash = href.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
            href = href[..hash];
        var path = href.Split('?')[0];
        if (path.StartsWith("/lib/", StringComparison.Ordinal) || path.StartsWith("/css/", StringComparison.Ordinal)
            || path.StartsWith("/js/", StringComparison.Ordinal) || Path.HasExtension(path.Split('/')[^1]) && !path.Contains("/resolutions/", StringComparison.Ordinal))
            return null;
        return href.Length == 0 ? null : href;
    }
}

using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Concerns;
using ResolutionTracker.Domain.Organisations;
using ResolutionTracker.IntegrationTests.Fixture;
using ResolutionTracker.Web.Authorization;
using ResolutionTracker.Web.Data;
using ResolutionTracker.Web.Data.Seeding;
using ResolutionTracker.Web.Email;
using Xunit.Abstractions;
using static ResolutionTracker.IntegrationTests.Authorization.Outcome;

namespace ResolutionTracker.IntegrationTests.Authorization;

public enum Outcome
{
    Ok,             // 200
    NotFound,       // 404
    BadRequest,     // 400
    SignIn,         // 302 to /account/sign-in
    Forbidden,      // 403
    Handled,        // the handler ran: anything but a redirect to sign-in, 401, 403 or 5xx (an empty form gets 400, 404 or 409, a done deed 302)
    ServerError,    // 500, only for the error page, whose job it is
}

// Every page and every form handler the app maps, as a visitor, a Staff member, a Coalition lead and an Admin, against
// one table written out by hand below. The table is not derived from the app's folder conventions on purpose: it is
// the statement of who may do what, and the app has to agree with it. A page or handler the table does not name fails
// the test, so a new page cannot slip in without someone deciding who may see it.
public sealed class AuthorizationMatrixTests(AppFactory app, ITestOutputHelper output) : AppTest(app)
{
    private static readonly string[] Columns = ["anonymous", Roles.Staff, Roles.CoalitionLead, Roles.Admin];

    private sealed record Row(string Verb, string Page, string Handler, string Variant, IReadOnlyDictionary<string, string> Route, string Query,
        Outcome[] Expected, bool EndsSession = false)
    {
        public string Name => Verb == "GET"
            ? $"GET {Page} [{Variant}]"
            : $"POST {Page}{(Handler.Length > 0 ? "?handler=" + Handler : "")} [{Variant}]";
    }

    // The demo records the table points at, with the demo accounts: staff@demo.local wrote the fictional drafts.
    private sealed record Samples(
        string L31Symbol, int FictionalResolutionId, int FictionalParagraphId,
        int PublishedConcernId, int StaffDraftId, int StaffInReviewId,
        string PublishedBriefingSlug, int BriefingId, string StateSlug, int StateId,
        string TargetUserId, int OrganisationToEdit, int OrganisationToDelete, string InvitationQuery);

    private static Dictionary<string, string> V(params (string Key, object Value)[] values) =>
        values.ToDictionary(v => v.Key, v => Convert.ToString(v.Value, CultureInfo.InvariantCulture)!, StringComparer.Ordinal);

    private static Row Get(string page, string variant, Dictionary<string, string> route, Outcome anonymous, Outcome staff, Outcome lead, Outcome admin, string query = "") =>
        new("GET", page, "", variant, route, query, [anonymous, staff, lead, admin]);

    private static Row Post(string page, string handler, string variant, Dictionary<string, string> route, Outcome anonymous, Outcome staff, Outcome lead, Outcome admin,
        string query = "", bool endsSession = false) =>
        new("POST", page, handler, variant, route, query, [anonymous, staff, lead, admin], endsSession);

    // THE TABLE. Columns: anonymous, Staff, CoalitionLead, Admin.
    private static List<Row> Table(Samples s)
    {
        var none = V();
        var fictional = V(("id", s.FictionalResolutionId));
        var ownDraft = V(("id", s.StaffDraftId));
        var othersConcern = V(("id", s.PublishedConcernId));
        var inReview = V(("id", s.StaffInReviewId));
        var briefing = V(("id", s.BriefingId));
        var user = V(("id", s.TargetUserId));
        var status404 = V(("code", 404));
        return
        [
            // Public pages: everyone, signed in or not.
            Get("/Public/Index", "home", none, Ok, Ok, Ok, Ok),
            Get("/Public/About", "about", none, Ok, Ok, Ok, Ok),
            Get("/Public/Resolutions/Index", "list", none, Ok, Ok, Ok, Ok),
            Get("/Public/Resolutions/Detail", "A/HRC/43/L.31", V(("symbol", s.L31Symbol)), Ok, Ok, Ok, Ok),
            Get("/Public/Resolutions/Detail", "unknown symbol", V(("symbol", "A/HRC/1/L.999")), NotFound, NotFound, NotFound, NotFound),
            Get("/Public/Concerns/Detail", "approved and published", othersConcern, Ok, Ok, Ok, Ok),
            Get("/Public/Concerns/Detail", "a draft", ownDraft, NotFound, Ok, Ok, Ok),
            Get("/Public/Concerns/Detail", "in review", inReview, NotFound, Ok, Ok, Ok),
            Get("/Public/Organisations/Index", "list", none, Ok, Ok, Ok, Ok),
            Get("/Public/Organisations/Detail", "a State", V(("slug", s.StateSlug)), Ok, Ok, Ok, Ok),
            Get("/Public/Briefings/Detail", "published", V(("slug", s.PublishedBriefingSlug)), Ok, Ok, Ok, Ok),
            Get("/Public/Exports/BriefingDocx", "published", V(("slug", s.PublishedBriefingSlug)), Ok, Ok, Ok, Ok),
            Get("/Public/Exports/BriefingDocxVersion", "snapshot 1", V(("slug", s.PublishedBriefingSlug), ("n", 1)), Ok, Ok, Ok, Ok),
            // The PDF itself depends on Chromium being installed (Exports/BriefingPdfTests); who may ask does not.
            Get("/Public/Exports/BriefingPdf", "unknown briefing", V(("slug", "no-such-briefing")), NotFound, NotFound, NotFound, NotFound),
            Get("/Public/Exports/BriefingPdfVersion", "unknown snapshot", V(("slug", s.PublishedBriefingSlug), ("n", 99)), NotFound, NotFound, NotFound, NotFound),
            Get("/Public/Exports/ResolutionAkn", "A/HRC/43/L.31", V(("symbol", s.L31Symbol)), Ok, Ok, Ok, Ok),
            Get("/Public/Search", "empty box", none, Ok, Ok, Ok, Ok),
            Get("/Public/Feed", "Atom feed", none, Ok, Ok, Ok, Ok),
            Get("/Public/Sitemap", "sitemap", none, Ok, Ok, Ok, Ok),
            Get("/Public/Robots", "robots.txt", none, Ok, Ok, Ok, Ok),
            Get("/Public/Briefings/Detail", "snapshot 1", V(("slug", s.PublishedBriefingSlug), ("number", 1)), Ok, Ok, Ok, Ok),

            // Account pages: signing in and accepting an invitation are for visitors; changing a password is not.
            Get("/Account/SignIn", "form", none, Ok, Ok, Ok, Ok),
            Get("/Account/SignOut", "button", none, Ok, Ok, Ok, Ok),
            Get("/Account/AccessDenied", "explains", none, Forbidden, Forbidden, Forbidden, Forbidden),
            Get("/Account/Invitation", "valid link", none, Ok, Ok, Ok, Ok, query: s.InvitationQuery),
            Get("/Account/Invitation", "no link", none, BadRequest, BadRequest, BadRequest, BadRequest),
            Get("/Account/ChangePassword", "form", none, SignIn, Ok, Ok, Ok),

            // The error and status pages answer with the status they describe.
            Get("/Error", "by design", none, ServerError, ServerError, ServerError, ServerError),
            Get("/StatusCode", "/status/404", status404, NotFound, NotFound, NotFound, NotFound),

            // The desk: every account.
            Get("/Desk/Index", "my desk", none, SignIn, Ok, Ok, Ok),
            Get("/Desk/Concerns/Index", "list", none, SignIn, Ok, Ok, Ok),
            Get("/Desk/Concerns/New", "choose a resolution", none, SignIn, Ok, Ok, Ok),
            Get("/Desk/Concerns/New", "about a paragraph", none, SignIn, Ok, Ok, Ok,
                query: $"?resolution={s.FictionalResolutionId}&paragraph={s.FictionalParagraphId}"),
            Get("/Desk/Concerns/Detail", "staff's draft", ownDraft, SignIn, Ok, Ok, Ok),
            Get("/Desk/Concerns/Detail", "someone else's", othersConcern, SignIn, Ok, Ok, Ok),
            Get("/Desk/Concerns/Edit", "staff's draft", ownDraft, SignIn, Ok, Ok, Ok),
            Get("/Desk/Concerns/Edit", "someone else's", othersConcern, SignIn, Forbidden, Ok, Ok),
            Get("/Desk/Concerns/Footnotes", "staff's draft", ownDraft, SignIn, Ok, Ok, Ok),
            Get("/Desk/Concerns/Footnotes", "someone else's", othersConcern, SignIn, Forbidden, Ok, Ok),
            Get("/Desk/Resolutions/Index", "list", none, SignIn, Ok, Ok, Ok),
            Get("/Desk/Resolutions/Detail", "working view", fictional, SignIn, Ok, Ok, Ok),
            Get("/Desk/Resolutions/Compare", "previous with latest", fictional, SignIn, Ok, Ok, Ok),
            Get("/Desk/Resolutions/Import", "paste or upload", none, SignIn, Ok, Ok, Ok),
            Get("/Desk/History/Index", "concern", V(("entity", "concern"), ("id", s.StaffDraftId)), SignIn, Ok, Ok, Ok),
            Get("/Desk/History/Index", "resolution", V(("entity", "resolution"), ("id", s.FictionalResolutionId)), SignIn, Ok, Ok, Ok),
            Get("/Desk/History/Index", "paragraph", V(("entity", "paragraph"), ("id", s.FictionalParagraphId)), SignIn, Ok, Ok, Ok),
            Get("/Desk/History/Index", "organisation", V(("entity", "organisation"), ("id", s.StateId)), SignIn, Ok, Ok, Ok),
            // A history is as open as the record's own page: a briefing's as the composer, an account's as its admin page,
            // refused before the record is looked for, so a missing one is told apart only by those who may see it.
            Get("/Desk/History/Index", "briefing (as its composer)", V(("entity", "briefing"), ("id", s.BriefingId)), SignIn, Forbidden, Ok, Ok),
            Get("/Desk/History/Index", "unknown briefing", V(("entity", "briefing"), ("id", 999999)), SignIn, Forbidden, NotFound, NotFound),
            Get("/Desk/History/Index", "user (as its admin page)", V(("entity", "user"), ("id", s.TargetUserId)), SignIn, Forbidden, Forbidden, Ok),
            Get("/Desk/History/Index", "unknown user", V(("entity", "user"), ("id", "no-such-user")), SignIn, Forbidden, Forbidden, NotFound),

            // Review: coalition leads and admins.
            Get("/Desk/Review/Index", "queue", none, SignIn, Forbidden, Ok, Ok),
            Get("/Desk/Review/Detail", "in review", inReview, SignIn, Forbidden, Ok, Ok),
            Get("/Desk/Briefings/Index", "list", none, SignIn, Forbidden, Ok, Ok),
            Get("/Desk/Briefings/New", "choose a resolution", none, SignIn, Forbidden, Ok, Ok),
            Get("/Desk/Briefings/Detail", "composer", briefing, SignIn, Forbidden, Ok, Ok),
            Get("/Desk/Briefings/Preview", "preview", briefing, SignIn, Forbidden, Ok, Ok),

            // Administration: admins only.
            Get("/Admin/Users/Index", "list", none, SignIn, Forbidden, Forbidden, Ok),
            Get("/Admin/Users/Invite", "form", none, SignIn, Forbidden, Forbidden, Ok),
            Get("/Admin/Users/Detail", "a staff account", user, SignIn, Forbidden, Forbidden, Ok),
            Get("/Admin/Organisations/Index", "list", none, SignIn, Forbidden, Forbidden, Ok),
            Get("/Admin/Organisations/New", "form", none, SignIn, Forbidden, Forbidden, Ok),
            Get("/Admin/Organisations/Edit", "an NGO", V(("id", s.OrganisationToEdit)), SignIn, Forbidden, Forbidden, Ok),
            Get("/Admin/Organisations/Delete", "an NGO", V(("id", s.OrganisationToDelete)), SignIn, Forbidden, Forbidden, Ok),
            Get("/Admin/Settings", "form", none, SignIn, Forbidden, Forbidden, Ok),

            // Form handlers, each posted with a valid antiforgery token and an otherwise empty form.
            Post("/Account/SignIn", "", "empty", none, Handled, Handled, Handled, Handled),
            Post("/Account/SignOut", "", "signs out", none, Handled, Handled, Handled, Handled, endsSession: true),
            Post("/Account/Invitation", "", "valid link, no password", none, Handled, Handled, Handled, Handled, query: s.InvitationQuery),
            Post("/Account/ChangePassword", "", "empty", none, SignIn, Handled, Handled, Handled),
            Post("/Error", "", "by design", none, ServerError, ServerError, ServerError, ServerError),
            Post("/StatusCode", "", "/status/404", status404, NotFound, NotFound, NotFound, NotFound),

            Post("/Desk/Concerns/New", "", "empty", none, SignIn, Handled, Handled, Handled),
            Post("/Desk/Concerns/Detail", "Submit", "staff's draft", ownDraft, SignIn, Handled, Handled, Handled),
            Post("/Desk/Concerns/Detail", "Submit", "someone else's", othersConcern, SignIn, Forbidden, Handled, Handled),
            Post("/Desk/Concerns/Detail", "Withdraw", "staff's draft", ownDraft, SignIn, Handled, Handled, Handled),
            Post("/Desk/Concerns/Detail", "Withdraw", "someone else's", othersConcern, SignIn, Forbidden, Handled, Handled),
            Post("/Desk/Concerns/Detail", "ConfirmParagraph", "staff's draft", ownDraft, SignIn, Handled, Handled, Handled),
            Post("/Desk/Concerns/Detail", "ConfirmParagraph", "someone else's", othersConcern, SignIn, Forbidden, Handled, Handled),
            Post("/Desk/Concerns/Edit", "", "staff's draft", ownDraft, SignIn, Handled, Handled, Handled),
            Post("/Desk/Concerns/Edit", "", "someone else's", othersConcern, SignIn, Forbidden, Handled, Handled),
            Post("/Desk/Concerns/Footnotes", "Add", "staff's draft", ownDraft, SignIn, Handled, Handled, Handled),
            Post("/Desk/Concerns/Footnotes", "Add", "someone else's", othersConcern, SignIn, Forbidden, Handled, Handled),
            Post("/Desk/Concerns/Footnotes", "Edit", "staff's draft", ownDraft, SignIn, Handled, Handled, Handled),
            Post("/Desk/Concerns/Footnotes", "Edit", "someone else's", othersConcern, SignIn, Forbidden, Handled, Handled),
            Post("/Desk/Concerns/Footnotes", "Move", "staff's draft", ownDraft, SignIn, Handled, Handled, Handled),
            Post("/Desk/Concerns/Footnotes", "Move", "someone else's", othersConcern, SignIn, Forbidden, Handled, Handled),
            Post("/Desk/Concerns/Footnotes", "Remove", "staff's draft", ownDraft, SignIn, Handled, Handled, Handled),
            Post("/Desk/Concerns/Footnotes", "Remove", "someone else's", othersConcern, SignIn, Forbidden, Handled, Handled),
            Post("/Desk/Resolutions/Detail", "Annotate", "empty", fictional, SignIn, Handled, Handled, Handled),
            Post("/Desk/Resolutions/Detail", "Reply", "empty", fictional, SignIn, Handled, Handled, Handled),
            Post("/Desk/Resolutions/Detail", "Resolve", "empty", fictional, SignIn, Handled, Handled, Handled),
            Post("/Desk/Resolutions/Detail", "ConfirmNote", "empty", fictional, SignIn, Handled, Handled, Handled),
            Post("/Desk/Resolutions/Import", "Read", "empty", none, SignIn, Handled, Handled, Handled),
            Post("/Desk/Resolutions/Import", "Refresh", "empty", none, SignIn, Handled, Handled, Handled),
            Post("/Desk/Resolutions/Import", "Merge", "empty", none, SignIn, Handled, Handled, Handled),
            Post("/Desk/Resolutions/Import", "Split", "empty", none, SignIn, Handled, Handled, Handled),
            Post("/Desk/Resolutions/Import", "Delete", "empty", none, SignIn, Handled, Handled, Handled),
            Post("/Desk/Resolutions/Import", "Up", "empty", none, SignIn, Handled, Handled, Handled),
            Post("/Desk/Resolutions/Import", "Down", "empty", none, SignIn, Handled, Handled, Handled),
            Post("/Desk/Resolutions/Import", "Save", "empty", none, SignIn, Handled, Handled, Handled),

            Post("/Desk/Review/Detail", "Approve", "in review", inReview, SignIn, Forbidden, Handled, Handled),
            Post("/Desk/Review/Detail", "SendBack", "in review", inReview, SignIn, Forbidden, Handled, Handled),
            Post("/Desk/Briefings/New", "", "empty", none, SignIn, Forbidden, Handled, Handled),
            Post("/Desk/Briefings/Preview", "Publish", "empty", briefing, SignIn, Forbidden, Handled, Handled),
            Post("/Desk/Briefings/Detail", "Edit", "empty", briefing, SignIn, Forbidden, Handled, Handled),
            Post("/Desk/Briefings/Detail", "AddConcern", "empty", briefing, SignIn, Forbidden, Handled, Handled),
            Post("/Desk/Briefings/Detail", "MoveConcern", "empty", briefing, SignIn, Forbidden, Handled, Handled),
            Post("/Desk/Briefings/Detail", "RemoveConcern", "empty", briefing, SignIn, Forbidden, Handled, Handled),
            Post("/Desk/Briefings/Detail", "AddRecommendation", "empty", briefing, SignIn, Forbidden, Handled, Handled),
            Post("/Desk/Briefings/Detail", "EditRecommendation", "empty", briefing, SignIn, Forbidden, Handled, Handled),
            Post("/Desk/Briefings/Detail", "MoveRecommendation", "empty", briefing, SignIn, Forbidden, Handled, Handled),
            Post("/Desk/Briefings/Detail", "RemoveRecommendation", "empty", briefing, SignIn, Forbidden, Handled, Handled),
            Post("/Desk/Briefings/Detail", "AddSignatory", "empty", briefing, SignIn, Forbidden, Handled, Handled),
            Post("/Desk/Briefings/Detail", "MoveSignatory", "empty", briefing, SignIn, Forbidden, Handled, Handled),
            Post("/Desk/Briefings/Detail", "RemoveSignatory", "empty", briefing, SignIn, Forbidden, Handled, Handled),
            Post("/Desk/Briefings/Detail", "AddFootnote", "empty", briefing, SignIn, Forbidden, Handled, Handled),
            Post("/Desk/Briefings/Detail", "EditFootnote", "empty", briefing, SignIn, Forbidden, Handled, Handled),
            Post("/Desk/Briefings/Detail", "MoveFootnote", "empty", briefing, SignIn, Forbidden, Handled, Handled),
            Post("/Desk/Briefings/Detail", "RemoveFootnote", "empty", briefing, SignIn, Forbidden, Handled, Handled),

            Post("/Admin/Users/Invite", "", "empty", none, SignIn, Forbidden, Forbidden, Handled),
            Post("/Admin/Users/Detail", "Role", "a staff account", user, SignIn, Forbidden, Forbidden, Handled),
            Post("/Admin/Users/Detail", "Lock", "a staff account", user, SignIn, Forbidden, Forbidden, Handled),
            Post("/Admin/Users/Detail", "Unlock", "a staff account", user, SignIn, Forbidden, Forbidden, Handled),
            Post("/Admin/Users/Detail", "Reinvite", "a staff account", user, SignIn, Forbidden, Forbidden, Handled),
            Post("/Admin/Organisations/New", "", "empty", none, SignIn, Forbidden, Forbidden, Handled),
            Post("/Admin/Organisations/Edit", "", "an NGO", V(("id", s.OrganisationToEdit)), SignIn, Forbidden, Forbidden, Handled),
            Post("/Admin/Organisations/Delete", "", "an NGO", V(("id", s.OrganisationToDelete)), SignIn, Forbidden, Forbidden, Handled),
            Post("/Admin/Settings", "", "empty", none, SignIn, Forbidden, Forbidden, Handled),
        ];
    }

    [Fact]
    public async Task Every_page_and_every_form_handler_answers_each_role_as_the_table_says()
    {
        await App.SeedDemoAsync(includeDemoAccounts: true);
        var samples = await SamplesAsync();
        var table = Table(samples);

        var pages = PageCatalog.Pages(App.Services);
        var handlers = new List<FormHandler>();
        var problems = new List<string>();
        foreach (var page in pages)
        {
            if (PageCatalog.ModelTypeFor(page.Page) is { } model)
                handlers.AddRange(PageCatalog.Handlers(page.Page, model));
            else
                problems.Add($"{page.Page}: no page model named ResolutionTracker.Web.Pages{page.Page.Replace('/', '.')}Model, so its handlers cannot be found");
        }

        // The table and the app must name the same pages and handlers.
        var routes = pages.ToDictionary(p => p.Page, p => p.Route, StringComparer.Ordinal);
        foreach (var page in pages.Where(p => !table.Any(r => r.Verb == "GET" && r.Page == p.Page)))
            problems.Add($"GET {page.Page} (/{page.Route.RawText}) is not in the authorization table: add a row saying who may see it");
        foreach (var handler in handlers.Where(h => !table.Any(r => r.Verb == "POST" && r.Page == h.Page && r.Handler == h.Handler)))
            problems.Add($"{handler} is not in the authorization table: add a row saying who may post it");
        foreach (var row in table.Where(r => !routes.ContainsKey(r.Page)))
            problems.Add($"{row.Name}: the app has no page {row.Page}; remove or fix the row");
        foreach (var row in table.Where(r => r.Verb == "POST" && routes.ContainsKey(r.Page) && !handlers.Contains(new FormHandler(r.Page, r.Handler))))
            problems.Add($"{row.Name}: {row.Page} has no such handler; remove or fix the row");
        problems.Should().BeEmpty("the table must name every page and handler of the app, and nothing else");

        var clients = new HttpClient?[Columns.Length];
        var tokens = new string[Columns.Length];
        try
        {
            for (var c = 0; c < Columns.Length; c++)
            {
                clients[c] = await ClientForAsync(c);
                tokens[c] = await PageCatalog.AntiforgeryTokenAsync(clients[c]!);
                await TokenIsAcceptedAsync(clients[c]!, tokens[c], Columns[c]);
            }

            // Pages first, then forms: some forms (deleting, locking) change what the pages would show.
            var results = new List<(Row Row, string Url, string[] Observed, bool[] Passed)>();
            foreach (var row in table.OrderBy(r => r.Verb == "GET" ? 0 : 1))
            {
                var url = PageCatalog.UrlFor(routes[row.Page], row.Route) + row.Query;
                if (row.Verb == "POST" && row.Handler.Length > 0)
                    url += (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=" + row.Handler;
                var observed = new string[Columns.Length];
                var passed = new bool[Columns.Length];
                for (var c = 0; c < Columns.Length; c++)
                {
                    HttpClient? own = null;
                    try
                    {
                        var client = clients[c]!;
                        var token = tokens[c];
                        if (row.EndsSession)
                        {
                            own = await ClientForAsync(c);
                            client = own;
                            token = await PageCatalog.AntiforgeryTokenAsync(own);
                        }
                        using var response = row.Verb == "GET"
                            ? await client.GetAsync(new Uri(url, UriKind.Relative))
                            : await PostAsync(client, url, token);
                        (observed[c], passed[c]) = Judge(response, row.Expected[c]);
                    }
                    finally
                    {
                        own?.Dispose();
                    }
                }
                results.Add((row, url, observed, passed));
            }

            var matrix = Render(results);
            output.WriteLine(matrix);
            var failed = results.Where(r => r.Passed.Any(p => !p)).ToList();
            if (failed.Count > 0)
            {
                var lines = failed.SelectMany(f => Enumerable.Range(0, Columns.Length).Where(c => !f.Passed[c])
                    .Select(c => $"  {f.Row.Verb} {f.Url} as {Columns[c]}: expected {Describe(f.Row.Expected[c])}, got {f.Observed[c]}"));
                Assert.Fail($"{failed.Count} of {results.Count} rows disagree with the table:\n{string.Join('\n', lines)}\n\n{matrix}");
            }
            results.Count.Should().Be(table.Count);
        }
        finally
        {
            foreach (var client in clients)
                client?.Dispose();
        }
    }

    private async Task<HttpClient> ClientForAsync(int column) => Columns[column] switch
    {
        "anonymous" => App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false }),
        Roles.Staff => await PageCatalog.SignInAsDemoAsync(App, DemoSeeder.StaffEmail),
        Roles.CoalitionLead => await PageCatalog.SignInAsDemoAsync(App, DemoSeeder.LeadEmail),
        Roles.Admin => await PageCatalog.SignInAsDemoAsync(App, DemoSeeder.AdminEmail),
        _ => throw new InvalidOperationException(Columns[column]),
    };

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string token)
    {
        using var content = new FormUrlEncodedContent([new KeyValuePair<string, string>("__RequestVerificationToken", token)]);
        return await client.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    // A 400 for an empty form must come from the handler, not from a rejected token: each client's token is
    // proved on the sign-in form, whose handler answers an empty form with its own validation message.
    private static async Task TokenIsAcceptedAsync(HttpClient client, string token, string who)
    {
        using var response = await PostAsync(client, "/account/sign-in", token);
        var html = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).Should().Be(400);
        html.Should().Contain("Enter your email address.", $"the sign-in handler ran for {who}, so the antiforgery token was accepted");
    }

    private static (string Observed, bool Passed) Judge(HttpResponseMessage response, Outcome expected)
    {
        var status = (int)response.StatusCode;
        var toSignIn = PageCatalog.IsRedirectToSignIn(response);
        var observed = toSignIn ? "302 sign-in"
            : status is >= 300 and < 400 ? $"{status} {response.Headers.Location}"
            : status.ToString(CultureInfo.InvariantCulture);
        var passed = expected switch
        {
            Ok => status == 200,
            NotFound => status == 404,
            BadRequest => status == 400,
            SignIn => toSignIn,
            Forbidden => status == 403,
            ServerError => status == 500,
            Handled => !toSignIn && status is not (401 or 403) && status < 500,
            _ => false,
        };
        return (observed, passed);
    }

    private static string Describe(Outcome outcome) => outcome switch
    {
        Ok => "200",
        NotFound => "404",
        BadRequest => "400",
        SignIn => "302 sign-in",
        Forbidden => "403",
        ServerError => "500",
        Handled => "handled (not sign-in/401/403/5xx)",
        _ => outcome.ToString(),
    };

    private static string Render(List<(Row Row, string Url, string[] Observed, bool[] Passed)> results)
    {
        var width = results.Max(r => r.Row.Name.Length) + 2;
        var sb = new StringBuilder();
        sb.Append("Authorization matrix (observed; \"!\" marks a cell that disagrees with the table, expected in brackets)\n");
        sb.Append("".PadRight(width));
        foreach (var column in Columns)
            sb.Append(column.PadRight(24));
        sb.Append('\n');
        foreach (var (row, _, observed, passed) in results)
        {
            sb.Append(row.Name.PadRight(width));
            for (var c = 0; c < Columns.Length; c++)
            {
                var cell = passed[c] ? observed[c] : $"! {observed[c]} [{Describe(row.Expected[c])}]";
                sb.Append((cell.Length > 22 ? cell[..22] : cell).PadRight(24));
            }
            sb.Append('\n');
        }
        var gets = results.Count(r => r.Row.Verb == "GET");
        sb.Append(CultureInfo.InvariantCulture,
            $"{gets} page rows and {results.Count - gets} handler rows, each for {Columns.Length} roles: {results.Count * Columns.Length} requests.\n");
        return sb.ToString();
    }

    private async Task<Samples> SamplesAsync()
    {
        // Records of its own for the admin forms to act on, so locking or deleting touches nothing the other rows use.
        var target = await App.CreateUserAsync(Roles.Staff);
        var toEdit = new Organisation("Matrix Test Organisation To Edit", OrganisationKind.Ngo);
        var toDelete = new Organisation("Matrix Test Organisation To Delete", OrganisationKind.Ngo);
        await App.ExecuteAsync(db =>
        {
            db.Organisations.AddRange(toEdit, toDelete);
            return Task.CompletedTask;
        });

        // An invitation that has not been accepted: an account without a password and a fresh token.
        string invitationQuery;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var email = $"invited-{Guid.NewGuid():N}@test.local";
            var invited = new ApplicationUser { UserName = email, Email = email, DisplayName = "Invited person" };
            (await users.CreateAsync(invited)).Succeeded.Should().BeTrue();
            (await users.AddToRoleAsync(invited, Roles.Staff)).Succeeded.Should().BeTrue();
            var token = await users.GenerateUserTokenAsync(invited, InvitationTokenProvider.ProviderName, InvitationTokenProvider.Purpose);
            invitationQuery = $"?email={Uri.EscapeDataString(email)}&token={Uri.EscapeDataString(token)}";
        }

        return await App.QueryAsync(async db =>
        {
            var staffId = await db.Users.Where(u => u.Email == DemoSeeder.StaffEmail).Select(u => u.Id).SingleAsync();
            var fictional = await db.Resolutions.Where(r => r.Symbol == FictionalCase.Symbol).Select(r => r.Id).SingleAsync();
            var state = await db.Organisations.Where(o => o.Kind == OrganisationKind.State).OrderBy(o => o.Name).Select(o => new { o.Id, o.Slug }).FirstAsync();
            var briefing = await db.Briefings.Where(b => b.Status == BriefingStatus.Published).Select(b => new { b.Id, b.Slug }).FirstAsync();
            return new Samples(
                Demo.L31,
                fictional,
                // A paragraph of the latest version: new concerns are written about the text as it now reads.
                await db.Paragraphs.Where(p => p.Version.ResolutionId == fictional).OrderByDescending(p => p.VersionId).ThenBy(p => p.Id).Select(p => p.Id).FirstAsync(),
                await db.Concerns.Where(c => c.Heading == Demo.ConcernHeadings[0]).Select(c => c.Id).SingleAsync(),
                await db.Concerns.Where(c => c.AuthorId == staffId && c.State == ConcernState.Draft).Select(c => c.Id).FirstAsync(),
                await db.Concerns.Where(c => c.AuthorId == staffId && c.State == ConcernState.InReview).Select(c => c.Id).FirstAsync(),
                briefing.Slug,
                briefing.Id,
                state.Slug,
                state.Id,
                target.Id,
                toEdit.Id,
                toDelete.Id,
                invitationQuery);
        });
    }
}

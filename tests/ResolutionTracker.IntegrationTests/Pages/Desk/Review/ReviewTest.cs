using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Concerns;
using ResolutionTracker.IntegrationTests.Fixture;
using ResolutionTracker.Web.Authorization;
using ResolutionTracker.Web.Data;

namespace ResolutionTracker.IntegrationTests.Pages.Desk.Review;

// Shared set-up for the review pages: concerns put into review through the domain, signed-in clients
// whose user ids the tests know, and form posts read from the page the way a browser sends them.
public abstract class ReviewTest(AppFactory app) : AppTest(app)
{
    protected const string Heading = "Calls upon States to cooperate, but never says with whom";

    protected async Task<(HttpClient Client, ApplicationUser User)> SignInAsync(string role)
    {
        var user = await App.CreateUserAsync(role);
        var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await AppFactory.SignInAsync(client, user.Email!, AppFactory.Password);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        return (client, user);
    }

    // A concern about A/HRC/43/L.31 written by a new Staff member; submitted for review unless a draft is asked for.
    protected async Task<int> AddConcernAsync(string heading = Heading, DateTimeOffset? submittedAt = null, bool submit = true, string? authorId = null)
    {
        authorId ??= (await App.CreateUserAsync(Roles.Staff)).Id;
        var now = submittedAt ?? App.Clock.GetUtcNow();
        var concern = default(Concern);
        await App.ExecuteAsync(async db =>
        {
            if (!await db.Resolutions.AnyAsync(r => r.Symbol == Demo.L31))
                throw new InvalidOperationException("Seed the demo data first.");
            var resolution = await db.Resolutions.SingleAsync(r => r.Symbol == Demo.L31);
            concern = new Concern(resolution, authorId, heading, "The summary of the concern.",
                "The argument, first written.\n\nA second paragraph.", Severity.Medium, now.AddHours(-1));
            if (submit)
                concern.Submit(new Actor(authorId, CanReview: false), now);
            db.Concerns.Add(concern);
        });
        return concern!.Id;
    }

    protected Task<Concern> ConcernAsync(int id) =>
        App.QueryAsync(db => db.Concerns.AsNoTracking().Include(c => c.Comments).Include(c => c.Revisions).SingleAsync(c => c.Id == id));

    protected static string DetailUrl(int id) => "/desk/review/" + id.ToString(CultureInfo.InvariantCulture);

    // The decision form of the review page, with every field it would send.
    protected static (string Action, Dictionary<string, string> Fields) FormOf(IHtmlDocument page, string handler)
    {
        var form = page.Forms.SingleOrDefault(f => (f.GetAttribute("action") ?? "").Contains("handler=" + handler, StringComparison.OrdinalIgnoreCase));
        form.Should().NotBeNull($"the page should have a {handler} form");
        var fields = form!.QuerySelectorAll("input[name], textarea[name]")
            .ToDictionary(e => e.GetAttribute("name")!, e => e is IHtmlTextAreaElement t ? t.Value : e.GetAttribute("value") ?? "");
        return (form.GetAttribute("action")!, fields);
    }

    protected static async Task<HttpResponseMessage> PostAsync(HttpClient client, string action, IDictionary<string, string> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(action, UriKind.Relative), content);
    }

    // A post forged by someone who never saw the form: a real antiforgery token of their own session,
    // taken from the sign-out form every signed-in page carries, and a row version guessed from the database.
    protected async Task<HttpResponseMessage> ForgeAsync(HttpClient client, int id, string handler, string? comment = null)
    {
        var home = await client.GetDocumentAsync("/");
        var token = home.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var rowVersion = await App.QueryAsync(db => db.Concerns.Where(c => c.Id == id).Select(c => c.RowVersion).SingleAsync());
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.RowVersion"] = rowVersion.ToString(CultureInfo.InvariantCulture),
        };
        if (comment is not null)
            fields["Input.Comment"] = comment;
        return await PostAsync(client, $"{DetailUrl(id)}?handler={handler}", fields);
    }

    // Forbid() with cookie authentication sends the browser to the access-denied page, which answers 403.
    protected static async Task ShouldBeForbiddenAsync(HttpClient client, HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.Forbidden)
            return;
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var location = response.Headers.Location!;
        location.ToString().Should().Contain("/account/access-denied");
        using var denied = await client.GetAsync(location);
        denied.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    protected static string Text(IElement? element) => element?.TextContent.Trim() ?? "";
}

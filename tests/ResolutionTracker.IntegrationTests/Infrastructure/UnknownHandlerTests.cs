using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.IntegrationTests.Fixture;
using ResolutionTracker.Web.Authorization;

namespace ResolutionTracker.IntegrationTests.Infrastructure;

// A request for a handler a page does not have, with a valid antiforgery token, is a client's mistake:
// 404 for an unknown named handler, 405 for a method the page does not take; never a 500 or an error log line.
public sealed class UnknownHandlerTests(AppFactory app, LoggedApp logged) : AppTest(app), IClassFixture<LoggedApp>
{
    [Fact]
    public async Task A_post_to_an_unknown_named_handler_of_a_desk_page_is_404()
    {
        var client = await SignedInClientAsync();
        var id = await App.QueryAsync(db => db.Resolutions.Where(r => r.Symbol == Demo.L31).Select(r => r.Id).SingleAsync());
        var url = $"/desk/resolutions/{id}";
        var token = await TokenFromAsync(client, url);

        using var response = await PostAsync(client, $"{url}?handler=NoSuchHandler", token);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.ParseAsync()).QuerySelector("h1")!.TextContent.Should().Be("We could not find that page");
        await NoErrorLoggedAsync(url);
    }

    [Fact]
    public async Task A_post_to_a_published_briefing_is_405_with_the_methods_it_takes()
    {
        await App.SeedDemoAsync();
        var client = AnonymousClient();
        var token = await TokenFromAsync(client, "/account/sign-in");
        var url = await App.QueryAsync(db => db.Briefings.Select(b => "/briefings/" + b.Slug).FirstAsync());

        using var response = await PostAsync(client, url, token);

        response.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
        response.Content.Headers.Allow.Should().Contain("GET");
        (await response.ParseAsync()).QuerySelector("h1")!.TextContent.Should().Be("That request was not valid");
        await NoErrorLoggedAsync(url);
    }

    [Fact]
    public async Task A_post_to_a_public_concern_is_405()
    {
        await App.SeedDemoAsync();
        var client = AnonymousClient();
        var token = await TokenFromAsync(client, "/account/sign-in");
        var id = await App.QueryAsync(db => db.Concerns.Where(c => c.State == ConcernState.Approved).Select(c => c.Id).FirstAsync());
        var url = $"/concerns/{id}";

        using var response = await PostAsync(client, url, token);

        response.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
        await NoErrorLoggedAsync(url);
    }

    [Fact]
    public async Task A_post_without_a_token_to_a_page_without_handlers_is_still_refused_as_a_bad_request()
    {
        var client = AnonymousClient();

        using var response = await PostAsync(client, "/about", token: null);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_page_without_a_get_handler_still_renders()
    {
        var client = AnonymousClient();

        (await client.GetStatusAsync("/about")).Should().Be(HttpStatusCode.OK);
    }

    private async Task<HttpClient> SignedInClientAsync()
    {
        await App.SeedDemoAsync();
        var client = AnonymousClient();
        var user = await App.CreateUserAsync(Roles.Staff);
        (await AppFactory.SignInAsync(client, user.Email!, AppFactory.Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        logged.Events.Clear();
        return client;
    }

    private HttpClient AnonymousClient()
    {
        if (!logged.Events.IsEmpty)
            logged.Events.Clear();
        var address = logged.Start(App);
#pragma warning disable CA2000 // the client owns its handler
        return new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = address };
#pragma warning restore CA2000
    }

    private static async Task<string> TokenFromAsync(HttpClient client, string url)
    {
        var page = await client.GetDocumentAsync(url);
        return ((IHtmlInputElement)page.QuerySelector("input[name=__RequestVerificationToken]")!).Value;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string? token)
    {
        using var content = new FormUrlEncodedContent(token is null ? [] : [new("__RequestVerificationToken", token)]);
        return await client.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    private async Task NoErrorLoggedAsync(string path) =>
        (await logged.ErrorsAfterRequestAsync("POST", path)).Should().BeEmpty();
}

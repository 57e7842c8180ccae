using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ResolutionTracker.IntegrationTests.Fixture;

namespace ResolutionTracker.IntegrationTests.Pages.Admin;

// Submits a page's form the way a browser would: every field as rendered (antiforgery token included),
// with the test's changes on top. Used by the admin and account page tests.
internal static class AdminForms
{
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string pageUrl, string formSelector, IDictionary<string, string>? changes = null)
    {
        var page = await client.GetDocumentAsync(pageUrl);
        return await client.SubmitAsync(page, pageUrl, formSelector, changes);
    }

    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IHtmlDocument page, string pageUrl, string formSelector, IDictionary<string, string>? changes = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(page);
        var form = page.QuerySelector<IHtmlFormElement>(formSelector)
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {pageUrl}.");
        var fields = FieldsOf(form);
        foreach (var (name, value) in changes ?? new Dictionary<string, string>())
            fields[name] = value;
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : pageUrl;
        return await client.PostFormAsync(action, fields);
    }

    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, IDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    // A valid antiforgery token for this client's identity, read from any form the client may see.
    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client, string pageUrl = "/account/sign-in")
    {
        var page = await client.GetDocumentAsync(pageUrl);
        return page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
    }

    // Forbid() with cookie authentication sends the browser to the access-denied page, which answers 403.
    public static async Task ShouldBeForbiddenAsync(HttpClient client, HttpResponseMessage response, string? because = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(response);
        if (response.StatusCode == System.Net.HttpStatusCode.Forbidden)
            return;
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.Redirect, because);
        var target = response.Headers.Location!;
        var location = target.IsAbsoluteUri ? target.PathAndQuery : target.OriginalString;
        location.Should().Contain("/account/access-denied", because);
        (await client.GetStatusAsync(location)).Should().Be(System.Net.HttpStatusCode.Forbidden, because);
    }

    // An Admin invites someone through the invite page; returns the new account's page and the link it shows once.
    public static async Task<(string UserUrl, string Link, IHtmlDocument Page)> InviteAsync(this HttpClient admin, string email, string role, string displayName = "Invited Person")
    {
        using var response = await admin.SubmitAsync("/admin/users/invite", "main form[method=post]", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.DisplayName"] = displayName,
            ["Input.Role"] = role,
        });
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var userUrl = response.Headers.Location!.OriginalString;
        var page = await admin.GetDocumentAsync(userUrl);
        var link = page.QuerySelector<IHtmlInputElement>("#invitation-url")?.Value;
        link.Should().NotBeNullOrEmpty("the invitation link is shown to the Admin once");
        return (userUrl, link!, page);
    }

    // The link as a path and query for the test client, which talks to the in-memory server.
    public static string Local(string link) => new Uri(link).PathAndQuery;

    public static Dictionary<string, string> FieldsOf(IHtmlFormElement form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var input in form.QuerySelectorAll<IHtmlInputElement>("input[name]"))
        {
            if (input.Type is "checkbox" or "radio" && !input.IsChecked)
                continue;
            if (input.Type is "submit")
                continue;
            fields[input.Name!] = input.Value;
        }
        foreach (var select in form.QuerySelectorAll<IHtmlSelectElement>("select[name]"))
            fields[select.Name!] = select.Value ?? "";
        foreach (var area in form.QuerySelectorAll<IHtmlTextAreaElement>("textarea[name]"))
            fields[area.Name!] = area.Value;
        return fields;
    }
}

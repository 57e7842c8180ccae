using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Annotations;
using ResolutionTracker.Domain.Concerns;
using ResolutionTracker.Domain.Resolutions;
using ResolutionTracker.IntegrationTests.Fixture;
using ResolutionTracker.Web.Data;

namespace ResolutionTracker.IntegrationTests.Pages.Desk.Concerns;

// Two small resolutions to draft concerns about: "ours" (two versions, the later one the latest) and "another".
public sealed record ConcernWorld(int ResolutionId, int Pp1, int Pp2, int Op1, int OldPp3, int OtherResolutionId, int OtherPp1)
{
    public const string Pp1Text = "Guided by the purposes and principles of the Charter of the United Nations,";
    public const string Pp2Text = "Recognizing that public libraries offer everyone free access to information, learning and culture,";
    public const string Op1Text = "Calls upon States to ensure adequate and sustainable funding for public library services;";
    public const string Symbol = "A/HRC/98/L.7";
    public const string OtherSymbol = "A/HRC/98/L.8";
}

public static class ConcernKit
{
    public static async Task<ConcernWorld> CreateWorldAsync(this AppFactory app)
    {
        Resolution ours = null!, other = null!;
        Paragraph pp1 = null!, pp2 = null!, op1 = null!, oldPp3 = null!, otherPp1 = null!;
        await app.ExecuteAsync(db =>
        {
            var session = new Session(UnBody.HumanRightsCouncil, 98, new DateOnly(2098, 2, 20), new DateOnly(2098, 4, 1));
            ours = new Resolution(ConcernWorld.Symbol, "Public libraries and human rights", UnBody.HumanRightsCouncil, session);
            var l7 = ours.AddVersion("L.7", VersionKind.Draft, new DateOnly(2098, 3, 10), TextCompleteness.Complete, ConcernWorld.Symbol);
            var p1 = l7.AddParagraph(ParagraphKind.Preambular, 1, ConcernWorld.Pp1Text, TextSource.Imported);
            var p2 = l7.AddParagraph(ParagraphKind.Preambular, 2, ConcernWorld.Pp2Text, TextSource.Imported);
            oldPp3 = l7.AddParagraph(ParagraphKind.Preambular, 3, "Noting with concern the closure of library branches,", TextSource.Imported);
            var rev1 = ours.AddVersion("L.7/Rev.1", VersionKind.Revision, new DateOnly(2098, 3, 20), TextCompleteness.Complete, ConcernWorld.Symbol + "/Rev.1");
            pp1 = rev1.AddParagraph(ParagraphKind.Preambular, 1, ConcernWorld.Pp1Text, TextSource.Imported, p1.StableId);
            pp2 = rev1.AddParagraph(ParagraphKind.Preambular, 2, ConcernWorld.Pp2Text, TextSource.Imported, p2.StableId);
            op1 = rev1.AddParagraph(ParagraphKind.Operative, 1, ConcernWorld.Op1Text, TextSource.Imported);
            other = new Resolution(ConcernWorld.OtherSymbol, "Another resolution entirely", UnBody.HumanRightsCouncil, session);
            var l8 = other.AddVersion("L.8", VersionKind.Draft, new DateOnly(2098, 3, 11), TextCompleteness.Complete, ConcernWorld.OtherSymbol);
            otherPp1 = l8.AddParagraph(ParagraphKind.Preambular, 1, "Reaffirming something else altogether,", TextSource.Imported);
            db.Resolutions.AddRange(ours, other);
            return Task.CompletedTask;
        });
        return new ConcernWorld(ours.Id, pp1.Id, pp2.Id, op1.Id, oldPp3.Id, other.Id, otherPp1.Id);
    }

    public static async Task<(HttpClient Client, ApplicationUser User)> SignedInAsync(this AppFactory app, string role)
    {
        var user = await app.CreateUserAsync(role);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await AppFactory.SignInAsync(client, user.Email!, AppFactory.Password);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        return (client, user);
    }

    // A concern made through the domain, as another page (or another person) would have left it.
    public static async Task<int> CreateConcernAsync(this AppFactory app, ConcernWorld world, string authorId, string heading = "Funding is left to States",
        params int[] paragraphIds)
    {
        var id = 0;
        await app.ExecuteAsync(async db =>
        {
            var resolution = await db.Resolutions.SingleAsync(r => r.Id == world.ResolutionId);
            var concern = new Concern(resolution, authorId, heading, "A short summary.", "The argument.", Severity.Medium, app.Clock.GetUtcNow());
            var paragraphs = await db.Paragraphs.Include(p => p.Version).Where(p => paragraphIds.Contains(p.Id)).ToListAsync();
            foreach (var p in paragraphIds)
                concern.LinkParagraph(paragraphs.Single(x => x.Id == p));
            db.Concerns.Add(concern);
            await db.SaveChangesAsync();
            id = concern.Id;
        });
        return id;
    }

    public static Task ActOnConcernAsync(this AppFactory app, int concernId, Action<Concern, DateTimeOffset> step) =>
        app.ExecuteAsync(async db =>
        {
            var concern = await db.Concerns.Include(c => c.Revisions).Include(c => c.Comments).SingleAsync(c => c.Id == concernId);
            step(concern, app.Clock.GetUtcNow());
        });

    public static Task SubmitAsync(this AppFactory app, int concernId, string userId) =>
        app.ActOnConcernAsync(concernId, (c, now) => c.Submit(new Actor(userId, CanReview: false), now));

    public static Task ApproveAsync(this AppFactory app, int concernId, string leadId) =>
        app.ActOnConcernAsync(concernId, (c, now) => c.Approve(new Actor(leadId, CanReview: true), now));

    public static Task SendBackAsync(this AppFactory app, int concernId, string leadId, string comment) =>
        app.ActOnConcernAsync(concernId, (c, now) => c.RequestChanges(new Actor(leadId, CanReview: true), comment, now));

    public static Task<Concern> LoadConcernAsync(this AppFactory app, int concernId) =>
        app.QueryAsync(db => db.Concerns.AsNoTracking()
            .Include(c => c.Paragraphs)
            .Include(c => c.Revisions)
            .Include(c => c.Comments)
            .Include(c => c.Footnotes).ThenInclude(f => f.Citations)
            .SingleAsync(c => c.Id == concernId));

    public static async Task AddAnnotationAsync(this AppFactory app, int paragraphId, string authorId, string body, DateTimeOffset at) =>
        await app.ExecuteAsync(async db =>
        {
            var paragraph = await db.Paragraphs.SingleAsync(p => p.Id == paragraphId);
            db.Annotations.Add(new Annotation(paragraph, authorId, body, null, at));
        });

    // The form's fields as a browser would send them (checked boxes only), with some replaced:
    // a value of null removes the field, several values send it several times.
    public static List<KeyValuePair<string, string>> FieldsOf(IHtmlFormElement form, IDictionary<string, string[]?>? set = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    if (input.Type is "submit" or "button" or "reset")
                        break;
                    if (input.Type is "checkbox" or "radio" && !input.IsChecked)
                        break;
                    fields.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields.Add(new(area.Name!, area.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    var chosen = select.Options.FirstOrDefault(o => o.IsSelected) ?? (select.Options.Length > 0 ? select.Options[0] : null);
                    if (chosen is not null)
                        fields.Add(new(select.Name!, chosen.Value));
                    break;
            }
        }
        if (set is not null)
        {
            foreach (var (name, values) in set)
            {
                fields.RemoveAll(f => f.Key == name);
                foreach (var value in values ?? [])
                    fields.Add(new(name, value));
            }
        }
        return fields;
    }

    // Posts the form found by selector on the page at url, as the browser would, with some fields replaced.
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string url, string formSelector, IDictionary<string, string[]?>? set = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var page = await client.GetDocumentAsync(url);
        var form = page.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form {formSelector} on {url}.");
        return await client.SubmitAsync(url, form, set);
    }

    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string url, IHtmlFormElement form, IDictionary<string, string[]?>? set = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(form);
        var action = form.GetAttribute("action");
        using var content = new FormUrlEncodedContent(FieldsOf(form, set));
        return await client.PostAsync(new Uri(string.IsNullOrEmpty(action) ? url : action, UriKind.Relative), content);
    }

    // A hand-made post, as someone forging a form would send it: the antiforgery token is their own
    // (any page's, e.g. the sign-out form's), the fields are whatever they like.
    public static async Task<HttpResponseMessage> ForgeAsync(this HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields, bool withToken = true)
    {
        ArgumentNullException.ThrowIfNull(client);
        var all = fields.ToList();
        if (withToken)
        {
            var page = await client.GetDocumentAsync("/desk");
            var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            all.Add(new("__RequestVerificationToken", token));
        }
        using var content = new FormUrlEncodedContent(all);
        return await client.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    public static string S(this int id) => id.ToString(CultureInfo.InvariantCulture);

    public static Dictionary<string, string[]?> Set(params (string Name, string? Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value is null ? null : new[] { v.Value });

    // Refused for lack of rights: 403, or the cookie handler's redirect to the access-denied page (which answers 403).
    public static void ShouldBeForbidden(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.StatusCode == HttpStatusCode.Redirect)
            response.Headers.Location!.OriginalString.Should().Contain("/account/access-denied");
        else
            response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    public static string AlertText(this IHtmlDocument page) =>
        string.Join(" ", page.QuerySelectorAll("[role=alert]").Select(a => a.TextContent));
}

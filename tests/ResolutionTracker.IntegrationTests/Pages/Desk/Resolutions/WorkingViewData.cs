using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Annotations;
using ResolutionTracker.Domain.Resolutions;
using ResolutionTracker.IntegrationTests.Fixture;

namespace ResolutionTracker.IntegrationTests.Pages.Desk.Resolutions;

// A small resolution of our own for the working-view tests: two preambular paragraphs and one operative
// paragraph, with words that repeat so a quote's prefix and suffix matter.
internal sealed record TestResolution(int Id, string Symbol, int Pp1, int Pp2, int Op1)
{
    public const string Pp1Text = "Recalling its resolutions on the right to food, and recalling the right to water,";
    public const string Pp2Text = "Noting with concern the closure of public libraries in rural areas,";
    public const string Op1Text = "Calls upon States to ensure adequate funding for public library services;";

    public string Path => $"/desk/resolutions/{Id}";

    public static async Task<TestResolution> AddAsync(AppFactory app, string symbol = "A/HRC/1/L.1", int session = 1)
    {
        Resolution? resolution = null;
        Paragraph? pp1 = null, pp2 = null, op1 = null;
        await app.ExecuteAsync(db =>
        {
            resolution = new Resolution(symbol, "Test resolution on libraries", UnBody.HumanRightsCouncil,
                new Session(UnBody.HumanRightsCouncil, session));
            var version = resolution.AddVersion("L.1", VersionKind.Draft, new DateOnly(2024, 3, 1), TextCompleteness.Complete, symbol);
            pp1 = version.AddParagraph(ParagraphKind.Preambular, 1, Pp1Text, TextSource.Imported);
            pp2 = version.AddParagraph(ParagraphKind.Preambular, 2, Pp2Text, TextSource.Imported);
            op1 = version.AddParagraph(ParagraphKind.Operative, 1, Op1Text, TextSource.Imported);
            db.Resolutions.Add(resolution);
            return Task.CompletedTask;
        });
        return new TestResolution(resolution!.Id, symbol, pp1!.Id, pp2!.Id, op1!.Id);
    }

    public static async Task<int> AddNoteAsync(AppFactory app, int paragraphId, string authorId, string body, TextQuoteSelector? selector = null, int? replyTo = null)
    {
        Annotation? note = null;
        await app.ExecuteAsync(async db =>
        {
            var paragraph = await db.Paragraphs.FindAsync(paragraphId);
            var parent = replyTo is { } id ? await db.Annotations.FindAsync(id) : null;
            note = new Annotation(paragraph!, authorId, body, selector, app.Clock.GetUtcNow(), parent);
            db.Annotations.Add(note);
        });
        return note!.Id;
    }
}

// Posting the page's own forms, with the antiforgery token the page rendered into them.
internal static class WorkingViewForms
{
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, IHtmlFormElement form, IDictionary<string, string> values)
    {
        var fields = form.QuerySelectorAll<IHtmlInputElement>("input[name]")
            .Where(i => i.Type is "hidden" or "text" or "")
            .ToDictionary(i => i.Name!, i => i.Value);
        foreach (var area in form.QuerySelectorAll<IHtmlTextAreaElement>("textarea[name]"))
            fields[area.Name!] = area.Value;
        foreach (var (name, value) in values)
            fields[name] = value;
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(form.GetAttribute("action")!, UriKind.Relative), content);
    }
}

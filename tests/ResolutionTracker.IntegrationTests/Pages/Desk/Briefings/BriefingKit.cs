using System.Globalization;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Briefings;
using ResolutionTracker.Domain.Organisations;
using ResolutionTracker.IntegrationTests.Fixture;
using ResolutionTracker.IntegrationTests.Pages.Desk.Concerns;
using ResolutionTracker.Web.Authorization;
using ResolutionTracker.Web.Briefings;

namespace ResolutionTracker.IntegrationTests.Pages.Desk.Briefings;

// Briefings, concerns and organisations made through the domain, as another page (or person) would have left them.
public static class BriefingKit
{
    public const string Title = "Public libraries: key concerns";

    public static string ComposerUrl(int id) => "/desk/briefings/" + id.ToString(CultureInfo.InvariantCulture);

    public static string PreviewUrl(int id) => ComposerUrl(id) + "/preview";

    public static async Task<int> CreateBriefingAsync(this AppFactory app, ConcernWorld world, string title = Title, string? slug = null)
    {
        var id = 0;
        await app.ExecuteAsync(async db =>
        {
            var resolution = await db.Resolutions.SingleAsync(r => r.Id == world.ResolutionId);
            var briefing = new Briefing(resolution, title, "Why the coalition **opposes** the draft.", BriefingStance.Oppose,
                "The draft leaves funding to States.", app.Clock.GetUtcNow(), slug);
            db.Briefings.Add(briefing);
            await db.SaveChangesAsync();
            id = briefing.Id;
        });
        return id;
    }

    // A concern about the world's resolution, submitted and approved at revision 1.
    public static async Task<int> CreateApprovedConcernAsync(this AppFactory app, ConcernWorld world, string heading, params int[] paragraphIds)
    {
        var author = await app.CreateUserAsync(Roles.Staff);
        var lead = await app.CreateUserAsync(Roles.CoalitionLead);
        var id = await app.CreateConcernAsync(world, author.Id, heading, paragraphIds);
        await app.SubmitAsync(id, author.Id);
        await app.ApproveAsync(id, lead.Id);
        return id;
    }

    public static async Task<int> CreateOrganisationAsync(this AppFactory app, string name, OrganisationKind kind, string? shortName = null)
    {
        var organisation = new Organisation(name, kind, kind == OrganisationKind.State ? RegionalGroup.WesternEuropeanAndOthers : null, shortName);
        await app.ExecuteAsync(db =>
        {
            db.Organisations.Add(organisation);
            return Task.CompletedTask;
        });
        return organisation.Id;
    }

    // Its author revises an approved concern and another lead approves it again, at the clock's time: the concern
    // changes what a briefing holding it would publish, without touching the briefing's row.
    public static Task ApproveAgainAsync(this AppFactory app, int concernId, string heading) =>
        app.ExecuteAsync(async db =>
        {
            var concern = await db.Concerns.Include(c => c.Revisions).SingleAsync(c => c.Id == concernId);
            var author = new Actor(concern.AuthorId, false);
            concern.Edit(author, heading, concern.Summary, concern.Body, concern.Severity, app.Clock.GetUtcNow());
            concern.Submit(author, app.Clock.GetUtcNow());
            concern.Approve(new Actor("another-lead", true), app.Clock.GetUtcNow());
        });

    // Changes a briefing through the domain, as a colleague in another tab would.
    public static Task ChangeBriefingAsync(this AppFactory app, int id, Action<Briefing> change) =>
        app.ExecuteAsync(async db =>
        {
            var briefing = await LoadTrackedAsync(db, id);
            change(briefing);
        });

    public static Task<Briefing> LoadBriefingAsync(this AppFactory app, int id) =>
        app.QueryAsync(db => db.Briefings.AsNoTracking()
            .Include(b => b.Concerns)
            .Include(b => b.Recommendations)
            .Include(b => b.Signatories).ThenInclude(s => s.Organisation)
            .Include(b => b.Footnotes).ThenInclude(f => f.Citations)
            .Include(b => b.Snapshots)
            .AsSplitQuery()
            .SingleAsync(b => b.Id == id));

    // Tracked, with everything the document builder reads.
    private static async Task<Briefing> LoadTrackedAsync(ResolutionTracker.Web.Data.AppDbContext db, int id) =>
        await BriefingDocumentBuilder.LoadAsync(db, id) ?? throw new InvalidOperationException($"No briefing {id}.");

    public static async Task AddConcernsAsync(this AppFactory app, int briefingId, params int[] concernIds) =>
        await app.ExecuteAsync(async db =>
        {
            var briefing = await LoadTrackedAsync(db, briefingId);
            foreach (var concernId in concernIds)
                briefing.AddConcern(await db.Concerns.SingleAsync(c => c.Id == concernId));
        });

    // The form on the page whose action names the handler and, when given, which posts this id field (e.g. ConcernId=5).
    public static IHtmlFormElement FormOf(IHtmlDocument page, string handler, string? idName = null, int? id = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        var forms = page.Forms.Where(f => (f.GetAttribute("action") ?? "").Contains("handler=" + handler, StringComparison.OrdinalIgnoreCase));
        if (idName is not null)
            forms = forms.Where(f => f.QuerySelector($"input[name='{idName}']")?.GetAttribute("value") == id?.ToString(CultureInfo.InvariantCulture));
        return forms.FirstOrDefault() ?? throw new InvalidOperationException($"No {handler} form{(idName is null ? "" : $" for {idName}={id}")} on the page.");
    }

    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, string handler, string? idName = null, int? id = null,
        IDictionary<string, string[]?>? set = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var page = await client.GetDocumentAsync(url);
        return await client.SubmitAsync(url, FormOf(page, handler, idName, id), set);
    }

    public static string StatusText(this IHtmlDocument page) =>
        string.Join(" ", page.QuerySelectorAll(".alert-success[role=status]").Select(a => a.TextContent));
}

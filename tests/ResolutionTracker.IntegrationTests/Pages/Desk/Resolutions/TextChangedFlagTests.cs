using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Annotations;
using ResolutionTracker.Domain.Concerns;
using ResolutionTracker.IntegrationTests.Fixture;
using ResolutionTracker.IntegrationTests.Resolutions;
using ResolutionTracker.Web.Authorization;
using ResolutionTracker.Web.Data;

namespace ResolutionTracker.IntegrationTests.Pages.Desk.Resolutions;

// Concerns and notes written on L.1's OP 2, which Rev.1 rewords (and renumbers OP 1): flagged until confirmed.
public sealed class TextChangedFlagTests(AppFactory app) : AppTest(app)
{
    private sealed record Setup(Revisions.Ids L1, int ConcernId, int NoteId, string Path);

    private async Task<Setup> FlaggedAsync(string concernAuthorId, string noteAuthorId)
    {
        var l1 = await Revisions.AddL1Async(App);
        Concern? concern = null;
        Annotation? note = null;
        await App.ExecuteAsync(async db =>
        {
            var resolution = await db.Resolutions.SingleAsync(r => r.Id == l1.ResolutionId);
            var op2 = await db.Paragraphs.Include(p => p.Version).SingleAsync(p => p.Id == l1.Paragraphs["OP 2"]);
            concern = new Concern(resolution, concernAuthorId, "Reprisals are missing", null, "Name reprisals.", Severity.High, App.Clock.GetUtcNow());
            concern.LinkParagraph(op2);
            db.Concerns.Add(concern);
            note = new Annotation(op2, noteAuthorId, "Ask the core group.", null, App.Clock.GetUtcNow());
            db.Annotations.Add(note);
        });
        await Revisions.AddRev1Async(App, l1.ResolutionId);
        return new Setup(l1, concern!.Id, note!.Id, $"/desk/resolutions/{l1.ResolutionId}");
    }

    private static IHtmlFormElement ConfirmForm(IHtmlDocument page, string handler) =>
        page.Forms.Single(f => f.GetAttribute("action")!.EndsWith("handler=" + handler, StringComparison.Ordinal));

    [Fact]
    public async Task The_working_view_flags_the_concern_and_the_note_with_the_old_and_new_text()
    {
        var author = await App.CreateUserAsync(Roles.Staff);
        var setup = await FlaggedAsync(author.Id, author.Id);
        using var client = await App.CreateClientAsUserAsync(Roles.CoalitionLead);

        var page = await client.GetDocumentAsync(setup.Path);

        var op1 = page.GetElementById("op1")!;
        var flags = op1.QuerySelectorAll(".text-changed");
        flags.Should().HaveCount(2, "one for the concern, one for the note");
        foreach (var flag in flags)
        {
            flag.QuerySelector(".text-changed-title")!.TextContent.Should().Contain("Text changed since this was written");
            flag.QuerySelector(".text-changed-old")!.TextContent.Should().Be(Revisions.Op2);
            flag.QuerySelectorAll(".text-changed-new ins").Select(i => i.TextContent).Should().Contain(t => t.Contains("Urges", StringComparison.Ordinal));
            flag.QuerySelectorAll(".text-changed-new del").Select(i => i.TextContent).Should().Contain(t => t.Contains("Calls upon", StringComparison.Ordinal));
            flag.QuerySelector("form button")!.TextContent.Should().StartWith("Confirm");
        }
    }

    [Fact]
    public async Task Confirming_the_concern_clears_its_flag_and_is_audited()
    {
        var user = await App.CreateUserAsync(Roles.Staff);
        var setup = await FlaggedAsync(user.Id, user.Id);
        using var client = App.CreateClient(new() { AllowAutoRedirect = false });
        (await AppFactory.SignInAsync(client, user.Email!, AppFactory.Password)).Dispose();
        var page = await client.GetDocumentAsync(setup.Path);
        var auditBefore = await App.QueryAsync(db => db.AuditEntries.CountAsync());

        using var response = await WorkingViewForms.SubmitAsync(client, ConfirmForm(page, "ConfirmParagraph"), new Dictionary<string, string>());

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().EndWith("#op1");
        var link = await App.QueryAsync(db => db.ConcernParagraphs.AsNoTracking().Include(cp => cp.Paragraph).SingleAsync(cp => cp.ConcernId == setup.ConcernId));
        link.TextChanged.Should().BeFalse();
        link.TextWhenLinked.Should().Be(Revisions.Op2Rev);
        (await App.QueryAsync(db => db.AuditEntries.CountAsync())).Should().BeGreaterThan(auditBefore);
        var after = await client.GetDocumentAsync(setup.Path);
        after.GetElementById("op1")!.QuerySelectorAll(".text-changed").Should().HaveCount(1, "the note is still flagged");
    }

    [Fact]
    public async Task Confirming_twice_is_refused_with_a_message()
    {
        var user = await App.CreateUserAsync(Roles.Staff);
        var setup = await FlaggedAsync(user.Id, user.Id);
        using var client = App.CreateClient(new() { AllowAutoRedirect = false });
        (await AppFactory.SignInAsync(client, user.Email!, AppFactory.Password)).Dispose();
        var page = await client.GetDocumentAsync(setup.Path);
        var form = ConfirmForm(page, "ConfirmNote");
        (await WorkingViewForms.SubmitAsync(client, form, new Dictionary<string, string>())).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var rowVersion = await App.QueryAsync(db => db.Annotations.Where(a => a.Id == setup.NoteId).Select(a => a.RowVersion).SingleAsync());

        using var again = await WorkingViewForms.SubmitAsync(client, form, new Dictionary<string, string> { ["rowVersion"] = rowVersion.ToString(CultureInfo.InvariantCulture) });

        again.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await again.ParseAsync()).QuerySelector(".alert-danger")!.TextContent.Should().Contain("has not changed since this note was written");
    }

    [Fact]
    public async Task A_stale_row_version_is_a_conflict_and_nothing_is_confirmed()
    {
        var user = await App.CreateUserAsync(Roles.Staff);
        var setup = await FlaggedAsync(user.Id, user.Id);
        using var client = App.CreateClient(new() { AllowAutoRedirect = false });
        (await AppFactory.SignInAsync(client, user.Email!, AppFactory.Password)).Dispose();
        var page = await client.GetDocumentAsync(setup.Path);

        using var response = await WorkingViewForms.SubmitAsync(client, ConfirmForm(page, "ConfirmParagraph"), new Dictionary<string, string> { ["RowVersion"] = "1" });

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var link = await App.QueryAsync(db => db.ConcernParagraphs.AsNoTracking().Include(cp => cp.Paragraph).SingleAsync(cp => cp.ConcernId == setup.ConcernId));
        link.TextChanged.Should().BeTrue();
    }

    [Fact]
    public async Task Staff_cannot_confirm_someone_elses_concern_and_see_no_button_for_it()
    {
        var author = await App.CreateUserAsync(Roles.Staff);
        var setup = await FlaggedAsync(author.Id, author.Id);
        using var client = await App.CreateClientAsUserAsync(Roles.Staff);
        var page = await client.GetDocumentAsync(setup.Path);
        page.Forms.Should().NotContain(f => f.GetAttribute("action")!.EndsWith("handler=ConfirmParagraph", StringComparison.Ordinal));
        var rowVersion = await App.QueryAsync(db => db.Concerns.Where(c => c.Id == setup.ConcernId).Select(c => c.RowVersion).SingleAsync());
        var noteForm = ConfirmForm(page, "ConfirmNote");
        noteForm.SetAttribute("action", $"/desk/concerns/{setup.ConcernId}?handler=ConfirmParagraph");

        using var response = await WorkingViewForms.SubmitAsync(client, noteForm, new Dictionary<string, string>
        {
            ["paragraphId"] = (await OpOneOfRev1Async(setup)).ToString(CultureInfo.InvariantCulture),
            ["rowVersion"] = rowVersion.ToString(CultureInfo.InvariantCulture),
        });

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var link = await App.QueryAsync(db => db.ConcernParagraphs.AsNoTracking().Include(cp => cp.Paragraph).SingleAsync(cp => cp.ConcernId == setup.ConcernId));
        link.TextChanged.Should().BeTrue();
    }

    [Fact]
    public async Task Any_staff_member_may_confirm_a_note()
    {
        var author = await App.CreateUserAsync(Roles.Staff);
        var setup = await FlaggedAsync(author.Id, author.Id);
        using var client = await App.CreateClientAsUserAsync(Roles.Staff);
        var page = await client.GetDocumentAsync(setup.Path);

        using var response = await WorkingViewForms.SubmitAsync(client, ConfirmForm(page, "ConfirmNote"), new Dictionary<string, string>());

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var note = await App.QueryAsync(db => db.Annotations.AsNoTracking().SingleAsync(a => a.Id == setup.NoteId));
        note.TextWhenWritten.Should().Be(Revisions.Op2Rev);
    }

    [Fact]
    public async Task A_note_or_concern_of_another_resolution_is_not_found_and_nothing_changes()
    {
        var author = await App.CreateUserAsync(Roles.Staff);
        var setup = await FlaggedAsync(author.Id, author.Id);
        var other = await TestResolution.AddAsync(App, "A/HRC/98/L.2", 98);
        var otherConcernId = await ConcernOnAsync(other, author.Id);
        using var client = await App.CreateClientAsUserAsync(Roles.CoalitionLead);
        var page = await client.GetDocumentAsync(setup.Path);

        var noteForm = ConfirmForm(page, "ConfirmNote");
        noteForm.SetAttribute("action", $"{other.Path}?handler=ConfirmNote");
        using var forgedNote = await WorkingViewForms.SubmitAsync(client, noteForm, new Dictionary<string, string>());
        var concernForm = ConfirmForm(page, "ConfirmParagraph");
        var ownAction = concernForm.GetAttribute("action")!;
        concernForm.SetAttribute("action", $"/desk/concerns/{otherConcernId}?handler=ConfirmParagraph");
        using var forgedConcern = await WorkingViewForms.SubmitAsync(client, concernForm, new Dictionary<string, string>());
        concernForm.SetAttribute("action", ownAction);
        using var wrongParagraph = await WorkingViewForms.SubmitAsync(client, concernForm,
            new Dictionary<string, string> { ["paragraphId"] = other.Op1.ToString(CultureInfo.InvariantCulture) });

        forgedNote.StatusCode.Should().Be(HttpStatusCode.NotFound);
        forgedConcern.StatusCode.Should().Be(HttpStatusCode.NotFound);
        wrongParagraph.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await App.QueryAsync(db => db.Annotations.AsNoTracking().SingleAsync(a => a.Id == setup.NoteId))).TextWhenWritten.Should().Be(Revisions.Op2);
        (await App.QueryAsync(db => db.ConcernParagraphs.AsNoTracking().Include(cp => cp.Paragraph).SingleAsync(cp => cp.ConcernId == setup.ConcernId)))
            .TextChanged.Should().BeTrue();
    }

    [Fact]
    public async Task Confirming_a_concern_from_the_working_view_shows_the_confirmation_beside_its_paragraph()
    {
        var user = await App.CreateUserAsync(Roles.Staff);
        var setup = await FlaggedAsync(user.Id, user.Id);
        using var client = App.CreateClient(new() { AllowAutoRedirect = false });
        (await AppFactory.SignInAsync(client, user.Email!, AppFactory.Password)).Dispose();
        var page = await client.GetDocumentAsync(setup.Path);

        using var response = await WorkingViewForms.SubmitAsync(client, ConfirmForm(page, "ConfirmParagraph"), new Dictionary<string, string>());
        var after = await client.GetDocumentAsync(response.Headers.Location!.OriginalString);

        after.GetElementById("op1")!.QuerySelector(".saved-here")!.TextContent.Should().Be("Confirmed: the concern still holds for the new text of OP 1.");
    }

    [Fact]
    public async Task A_return_address_off_the_site_is_ignored_and_the_concern_page_follows_the_confirmation()
    {
        var user = await App.CreateUserAsync(Roles.Staff);
        var setup = await FlaggedAsync(user.Id, user.Id);
        using var client = App.CreateClient(new() { AllowAutoRedirect = false });
        (await AppFactory.SignInAsync(client, user.Email!, AppFactory.Password)).Dispose();
        var page = await client.GetDocumentAsync(setup.Path);

        using var response = await WorkingViewForms.SubmitAsync(client, ConfirmForm(page, "ConfirmParagraph"),
            new Dictionary<string, string> { ["returnUrl"] = "https://example.org/desk/resolutions" });

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be($"/desk/concerns/{setup.ConcernId}");
        (await App.QueryAsync(db => db.ConcernParagraphs.AsNoTracking().Include(cp => cp.Paragraph).SingleAsync(cp => cp.ConcernId == setup.ConcernId)))
            .TextChanged.Should().BeFalse();
    }

    [Fact]
    public async Task A_concern_in_review_offers_no_confirm_button_and_its_author_confirming_anyway_is_told_why_not()
    {
        var user = await App.CreateUserAsync(Roles.Staff);
        var setup = await FlaggedAsync(user.Id, user.Id);
        var rowVersion = await App.QueryAsync(async db =>
        {
            var concern = await db.Concerns.Include(c => c.Revisions).SingleAsync(c => c.Id == setup.ConcernId);
            concern.Submit(new Actor(user.Id, CanReview: false), App.Clock.GetUtcNow());
            await db.SaveChangesAsync();
            return concern.RowVersion;
        });
        using var client = App.CreateClient(new() { AllowAutoRedirect = false });
        (await AppFactory.SignInAsync(client, user.Email!, AppFactory.Password)).Dispose();
        var page = await client.GetDocumentAsync(setup.Path);
        page.Forms.Should().NotContain(f => f.GetAttribute("action")!.EndsWith("handler=ConfirmParagraph", StringComparison.Ordinal));
        var form = ConfirmForm(page, "ConfirmNote");
        form.SetAttribute("action", $"/desk/concerns/{setup.ConcernId}?handler=ConfirmParagraph");

        using var response = await WorkingViewForms.SubmitAsync(client, form, new Dictionary<string, string>
        {
            ["paragraphId"] = (await OpOneOfRev1Async(setup)).ToString(CultureInfo.InvariantCulture),
            ["rowVersion"] = rowVersion.ToString(CultureInfo.InvariantCulture),
        });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ParseAsync()).QuerySelector(".alert-danger")!.TextContent.Should().Contain("A concern that is in review cannot be changed.");
    }

    [Fact]
    public async Task Confirming_without_the_antiforgery_token_is_refused()
    {
        var author = await App.CreateUserAsync(Roles.Staff);
        var setup = await FlaggedAsync(author.Id, author.Id);
        using var client = await App.CreateClientAsUserAsync(Roles.CoalitionLead);
        var page = await client.GetDocumentAsync(setup.Path);

        using var response = await WorkingViewForms.SubmitAsync(client, ConfirmForm(page, "ConfirmNote"), new Dictionary<string, string> { ["__RequestVerificationToken"] = "" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_concern_on_a_deleted_paragraph_says_where_the_paragraph_went()
    {
        var l1 = await Revisions.AddL1Async(App);
        var author = await App.CreateUserAsync(Roles.Staff);
        await App.ExecuteAsync(async db =>
        {
            var resolution = await db.Resolutions.SingleAsync(r => r.Id == l1.ResolutionId);
            var op3 = await db.Paragraphs.Include(p => p.Version).SingleAsync(p => p.Id == l1.Paragraphs["OP 3"]);
            var concern = new Concern(resolution, author.Id, "Good practices are vague", null, "Say which.", Severity.Low, App.Clock.GetUtcNow());
            concern.LinkParagraph(op3);
            db.Concerns.Add(concern);
            db.Annotations.Add(new Annotation(op3, author.Id, "Deleted in Rev.1?", null, App.Clock.GetUtcNow()));
        });
        await Revisions.AddRev1Async(App, l1.ResolutionId);
        using var client = await App.CreateClientAsUserAsync(Roles.Staff);

        var page = await client.GetDocumentAsync($"/desk/resolutions/{l1.ResolutionId}");

        page.QuerySelector("#other-concerns ~ .concern-grid .concern-meta, .concern-grid .concern-meta")!.TextContent
            .Should().Contain("About OP 3 of L.1 (paragraph deleted in L.1/Rev.1)");
        page.QuerySelector("#notes-elsewhere ~ .thread-list .note-origin, .notes-elsewhere .note-origin")!.TextContent
            .Should().Be("Written on OP 3 of L.1 (paragraph deleted in L.1/Rev.1)");
    }

    [Fact]
    public async Task The_concern_page_flags_the_changed_paragraph_and_confirms_it()
    {
        var user = await App.CreateUserAsync(Roles.Staff);
        var setup = await FlaggedAsync(user.Id, user.Id);
        using var client = App.CreateClient(new() { AllowAutoRedirect = false });
        (await AppFactory.SignInAsync(client, user.Email!, AppFactory.Password)).Dispose();
        var page = await client.GetDocumentAsync($"/desk/concerns/{setup.ConcernId}");
        var flag = page.QuerySelector(".text-changed")!;
        flag.QuerySelector(".text-changed-old")!.TextContent.Should().Be(Revisions.Op2);
        var form = ConfirmForm(page, "ConfirmParagraph");

        using var response = await WorkingViewForms.SubmitAsync(client, form, new Dictionary<string, string>());
        using var again = await WorkingViewForms.SubmitAsync(client, form, new Dictionary<string, string>
        {
            ["RowVersion"] = (await App.QueryAsync(db => db.Concerns.Where(c => c.Id == setup.ConcernId).Select(c => c.RowVersion).SingleAsync())).ToString(CultureInfo.InvariantCulture),
        });

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await client.GetDocumentAsync($"/desk/concerns/{setup.ConcernId}")).QuerySelector(".text-changed").Should().BeNull();
        again.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await again.ParseAsync()).Body!.TextContent.Should().Contain("has not changed since the concern was written");
    }

    [Fact]
    public async Task Staff_see_no_confirm_button_on_someone_elses_concern_page_and_a_forged_post_is_forbidden()
    {
        var author = await App.CreateUserAsync(Roles.Staff);
        var setup = await FlaggedAsync(author.Id, author.Id);
        using var client = await App.CreateClientAsUserAsync(Roles.Staff);
        var page = await client.GetDocumentAsync($"/desk/concerns/{setup.ConcernId}");
        page.QuerySelector(".text-changed form").Should().BeNull();
        page.QuerySelector(".text-changed").Should().NotBeNull();

        var form = page.Forms.First(f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase));
        form.SetAttribute("action", $"/desk/concerns/{setup.ConcernId}?handler=ConfirmParagraph");
        using var response = await WorkingViewForms.SubmitAsync(client, form, new Dictionary<string, string>
        {
            ["paragraphId"] = (await OpOneOfRev1Async(setup)).ToString(CultureInfo.InvariantCulture),
            ["RowVersion"] = (await App.QueryAsync(db => db.Concerns.Where(c => c.Id == setup.ConcernId).Select(c => c.RowVersion).SingleAsync())).ToString(CultureInfo.InvariantCulture),
        });

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    // A concern about another resolution's OP 1, so a confirmation posted to it names a paragraph it is not about.
    private async Task<int> ConcernOnAsync(TestResolution resolution, string authorId)
    {
        Concern? concern = null;
        await App.ExecuteAsync(async db =>
        {
            var entity = await db.Resolutions.SingleAsync(r => r.Id == resolution.Id);
            var op1 = await db.Paragraphs.Include(p => p.Version).SingleAsync(p => p.Id == resolution.Op1);
            concern = new Concern(entity, authorId, "Another resolution", null, "About its OP 1.", Severity.Low, App.Clock.GetUtcNow());
            concern.LinkParagraph(op1);
            db.Concerns.Add(concern);
        });
        return concern!.Id;
    }

    private Task<int> OpOneOfRev1Async(Setup setup) =>
        App.QueryAsync(db => db.Paragraphs.Where(p => p.StableId == setup.L1.StableIds["OP 2"] && p.Version.Label == "L.1/Rev.1").Select(p => p.Id).SingleAsync());
}

using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Annotations;
using ResolutionTracker.Domain.Resolutions;
using ResolutionTracker.IntegrationTests.Fixture;
using ResolutionTracker.Web.Authorization;

namespace ResolutionTracker.IntegrationTests.Pages.Desk.Resolutions;

public sealed class DetailTests(AppFactory app) : AppTest(app)
{
    [Fact]
    public async Task Annotating_a_whole_paragraph_saves_the_note_and_shows_it_beside_the_paragraph()
    {
        var resolution = await TestResolution.AddAsync(App);
        using var client = await App.CreateClientAsUserAsync(Roles.Staff);

        using var response = await AnnotateAsync(client, resolution, "pp2", "Ask which States closed libraries.");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().EndWith($"{resolution.Path}#pp2");
        var note = await App.QueryAsync(db => db.Annotations.AsNoTracking().SingleAsync());
        note.ParagraphId.Should().Be(resolution.Pp2);
        note.Selector.Should().BeNull();
        var thread = (await client.GetDocumentAsync(resolution.Path)).GetElementById("pp2")!.QuerySelector(".thread")!;
        Text(thread.QuerySelector(".note-body")!).Should().Be("Ask which States closed libraries.");
        Text(thread.QuerySelector(".note-whole")!).Should().Be("On the whole paragraph");
    }

    [Fact]
    public async Task Annotating_a_quoted_span_marks_the_exact_words_in_the_paragraph()
    {
        var resolution = await TestResolution.AddAsync(App);
        using var client = await App.CreateClientAsUserAsync(Roles.Staff);

        using var response = await AnnotateAsync(client, resolution, "op1", "Too weak: ask for a time frame.",
            new() { ["annotate.Quote"] = "adequate funding" });

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var note = await App.QueryAsync(db => db.Annotations.AsNoTracking().SingleAsync());
        note.Selector.Should().Be(new TextQuoteSelector("adequate funding", "", ""));
        var op1 = (await client.GetDocumentAsync(resolution.Path)).GetElementById("op1")!;
        op1.QuerySelectorAll(".para-text mark").Select(Text).Should().Equal("adequate funding");
        Text(op1.QuerySelector(".para-text")!).Should().Be(TestResolution.Op1Text, "marking words adds no text to the paragraph");
        Text(op1.QuerySelector(".thread .note-quote")!).Should().Contain("“adequate funding”");
    }

    [Fact]
    public async Task A_selection_with_prefix_and_suffix_marks_the_occurrence_it_was_taken_from()
    {
        var resolution = await TestResolution.AddAsync(App);
        using var client = await App.CreateClientAsUserAsync(Roles.Staff);

        // What annotate.js sends for "the right to" selected in "... and recalling the right to water,".
        using var response = await AnnotateAsync(client, resolution, "pp1", "Water is new here.", new()
        {
            ["annotate.Quote"] = "the right to",
            ["annotate.Exact"] = "the right to",
            ["annotate.Prefix"] = "ht to food, and recalling ",
            ["annotate.Suffix"] = " water,",
        });

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var text = (await client.GetDocumentAsync(resolution.Path)).GetElementById("pp1")!.QuerySelector(".para-text")!;
        var mark = text.QuerySelectorAll("mark").Should().ContainSingle().Subject;
        Text(mark).Should().Be("the right to");
        mark.PreviousSibling!.TextContent.Should().EndWith("and recalling ", "the second occurrence is the one selected");
    }

    [Fact]
    public async Task A_quote_that_does_not_occur_in_the_paragraph_is_refused_and_nothing_is_saved()
    {
        var resolution = await TestResolution.AddAsync(App);
        using var client = await App.CreateClientAsUserAsync(Roles.Staff);

        using var response = await AnnotateAsync(client, resolution, "op1", "My note.",
            new() { ["annotate.Quote"] = "sustainable funding" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var page = await response.ParseAsync();
        Text(page.QuerySelector("[role=alert]")!).Should().Contain("do not occur in OP 1");
        var form = page.QuerySelector<IHtmlFormElement>("form[data-for=op1]")!;
        form.QuerySelector<IHtmlTextAreaElement>("textarea")!.Value.Should().Be("My note.", "the user's text is kept");
        form.QuerySelector<IHtmlInputElement>("input[name='annotate.Quote']")!.Value.Should().Be("sustainable funding");
        (await CountNotesAsync()).Should().Be(0);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public async Task An_empty_note_is_refused_and_nothing_is_saved(string? body)
    {
        var resolution = await TestResolution.AddAsync(App);
        using var client = await App.CreateClientAsUserAsync(Roles.Staff);

        using var response = await AnnotateAsync(client, resolution, "pp1", body ?? "");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        Text((await response.ParseAsync()).QuerySelector("[role=alert]")!).Should().Contain("Write the note.");
        (await CountNotesAsync()).Should().Be(0);
    }

    [Fact]
    public async Task An_over_long_note_is_refused_and_nothing_is_saved()
    {
        var resolution = await TestResolution.AddAsync(App);
        using var client = await App.CreateClientAsUserAsync(Roles.Staff);

        using var response = await AnnotateAsync(client, resolution, "pp1", new string('x', Limits.Note + 1));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        Text((await response.ParseAsync()).QuerySelector("[role=alert]")!).Should().Contain($"at most {Limits.Note} characters");
        (await CountNotesAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Annotating_a_paragraph_of_another_resolution_by_a_forged_post_is_refused_and_nothing_is_saved()
    {
        var resolution = await TestResolution.AddAsync(App);
        var other = await TestResolution.AddAsync(App, "A/HRC/2/L.9", session: 2);
        using var client = await App.CreateClientAsUserAsync(Roles.Staff);

        using var response = await AnnotateAsync(client, resolution, "pp1", "Forged.",
            new() { ["annotate.ParagraphId"] = other.Pp1.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        response.StatusCode.Should().BeOneOf(HttpStatusCode.BadRequest, HttpStatusCode.NotFound);
        (await CountNotesAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Posting_a_note_without_the_antiforgery_token_gives_400_and_saves_nothing()
    {
        var resolution = await TestResolution.AddAsync(App);
        using var client = await App.CreateClientAsUserAsync(Roles.Staff);
        var form = (await client.GetDocumentAsync(resolution.Path)).QuerySelector<IHtmlFormElement>("form[data-for=pp1]")!;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["annotate.ParagraphId"] = resolution.Pp1.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["annotate.Body"] = "Replayed without its token.",
        });

        using var response = await client.PostAsync(new Uri(form.GetAttribute("action")!, UriKind.Relative), content);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await CountNotesAsync()).Should().Be(0);
    }

    [Fact]
    public async Task A_reply_joins_the_thread_it_answers()
    {
        var resolution = await TestResolution.AddAsync(App);
        var author = await App.CreateUserAsync(Roles.Staff);
        var thread = await TestResolution.AddNoteAsync(App, resolution.Op1, author.Id, "Is this weaker than last year?");
        using var client = await App.CreateClientAsUserAsync(Roles.CoalitionLead);

        using var response = await ReplyAsync(client, resolution, thread, "Yes: last year it said “sustainable”.");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().EndWith("#op1");
        var reply = await App.QueryAsync(db => db.Annotations.AsNoTracking().SingleAsync(a => a.ParentId != null));
        reply.ParentId.Should().Be(thread);
        reply.ParagraphId.Should().Be(resolution.Op1);
        var page = await client.GetDocumentAsync(resolution.Path);
        page.GetElementById($"note-{thread}")!.QuerySelectorAll(".replies .note-body").Select(Text)
            .Should().Equal("Yes: last year it said “sustainable”.");
    }

    [Fact]
    public async Task An_empty_reply_is_refused_and_nothing_is_saved()
    {
        var resolution = await TestResolution.AddAsync(App);
        var author = await App.CreateUserAsync(Roles.Staff);
        var thread = await TestResolution.AddNoteAsync(App, resolution.Op1, author.Id, "A note.");
        using var client = await App.CreateClientAsUserAsync(Roles.Staff);

        using var response = await ReplyAsync(client, resolution, thread, " ");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        Text((await response.ParseAsync()).QuerySelector("[role=alert]")!).Should().Contain("Write the reply.");
        (await CountNotesAsync()).Should().Be(1);
    }

    [Fact]
    public async Task A_forged_reply_to_a_reply_is_refused_and_nothing_is_saved()
    {
        var resolution = await TestResolution.AddAsync(App);
        var author = await App.CreateUserAsync(Roles.Staff);
        var thread = await TestResolution.AddNoteAsync(App, resolution.Op1, author.Id, "A note.");
        var reply = await TestResolution.AddNoteAsync(App, resolution.Op1, author.Id, "A reply.", replyTo: thread);
        using var client = await App.CreateClientAsUserAsync(Roles.Staff);

        using var response = await ReplyAsync(client, resolution, thread, "A reply to the reply.", forgedThreadId: reply);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        Text((await response.ParseAsync()).QuerySelector("[role=alert]")!).Should().Contain("Reply to the thread's first note.");
        (await CountNotesAsync()).Should().Be(2);
    }

    [Fact]
    public async Task A_forged_reply_to_a_thread_of_another_resolution_is_not_found_and_nothing_is_saved()
    {
        var resolution = await TestResolution.AddAsync(App);
        var other = await TestResolution.AddAsync(App, "A/HRC/2/L.9", session: 2);
        var author = await App.CreateUserAsync(Roles.Staff);
        var thread = await TestResolution.AddNoteAsync(App, resolution.Op1, author.Id, "A note here.");
        var elsewhere = await TestResolution.AddNoteAsync(App, other.Op1, author.Id, "A note on the other resolution.");
        using var client = await App.CreateClientAsUserAsync(Roles.Staff);

        using var response = await ReplyAsync(client, resolution, thread, "Forged.", forgedThreadId: elsewhere);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await CountNotesAsync()).Should().Be(2);
    }

    [Fact]
    public async Task Resolving_a_thread_records_who_resolved_it_and_folds_it_away()
    {
        var resolution = await TestResolution.AddAsync(App);
        var author = await App.CreateUserAsync(Roles.Staff);
        var thread = await TestResolution.AddNoteAsync(App, resolution.Op1, author.Id, "Settled in the core group.",
            new TextQuoteSelector("adequate funding", "ensure ", " for"));
        using var client = await App.CreateClientAsUserAsync(Roles.Staff);

        using var response = await ResolveAsync(client, resolution, thread);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().EndWith("#op1");
        var note = await App.QueryAsync(db => db.Annotations.AsNoTracking().SingleAsync());
        note.ResolvedAt.Should().NotBeNull();
        note.ResolvedBy.Should().NotBe(author.Id);
        var op1 = (await client.GetDocumentAsync(resolution.Path)).GetElementById("op1")!;
        var folded = op1.QuerySelector("details.notes-resolved")!;
        folded.HasAttribute("open").Should().BeFalse();
        Text(folded.QuerySelector($"#note-{thread} .note-resolved")!).Should().StartWith("Resolved by Test Staff on");
        op1.QuerySelectorAll(".para-text mark").Should().BeEmpty("a resolved thread no longer marks the text");
    }

    [Fact]
    public async Task Resolving_a_thread_twice_is_refused()
    {
        var resolution = await TestResolution.AddAsync(App);
        var author = await App.CreateUserAsync(Roles.Staff);
        var thread = await TestResolution.AddNoteAsync(App, resolution.Op1, author.Id, "A note.");
        using var client = await App.CreateClientAsUserAsync(Roles.Staff);
        using var first = await ResolveAsync(client, resolution, thread);
        var resolvedAt = await App.QueryAsync(db => db.Annotations.AsNoTracking().Select(a => a.ResolvedAt).SingleAsync());

        App.Clock.Advance(TimeSpan.FromMinutes(5));
        using var second = await client.PostAsync(new Uri($"{resolution.Path}?handler=Resolve", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["threadId"] = thread.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["__RequestVerificationToken"] = await TokenAsync(client, resolution),
            }));

        second.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        Text((await second.ParseAsync()).QuerySelector("[role=alert]")!).Should().Contain("already resolved");
        (await App.QueryAsync(db => db.Annotations.AsNoTracking().Select(a => a.ResolvedAt).SingleAsync())).Should().Be(resolvedAt);
    }

    [Fact]
    public async Task A_note_whose_quote_is_gone_from_the_text_is_shown_apart_with_its_quote()
    {
        var resolution = await TestResolution.AddAsync(App);
        var author = await App.CreateUserAsync(Roles.Staff);
        var thread = await TestResolution.AddNoteAsync(App, resolution.Op1, author.Id, "Push for a fixed share of the budget.",
            new TextQuoteSelector("adequate funding", "ensure ", " for"));
        await App.ExecuteAsync(async db =>
            (await db.Paragraphs.FindAsync(resolution.Op1))!.SetText("Encourages States to consider funding public libraries;", TextSource.Imported));
        using var client = await App.CreateClientAsUserAsync(Roles.Staff);

        var op1 = (await client.GetDocumentAsync(resolution.Path)).GetElementById("op1")!;

        var orphaned = op1.QuerySelector(".notes-orphaned")!;
        orphaned.Should().NotBeNull();
        Text(orphaned.QuerySelector($"#note-{thread} .note-quote")!).Should().Contain("“adequate funding”");
        Text(orphaned.QuerySelector($"#note-{thread} .note-body")!).Should().Be("Push for a fixed share of the budget.");
        op1.QuerySelectorAll(".para-text mark").Should().BeEmpty();
        op1.QuerySelectorAll(".thread-list .thread").Should().BeEmpty("an orphaned note is not shown as if it were anchored");
    }

    [Fact]
    public async Task Notes_follow_a_paragraph_into_a_later_version_and_notes_on_dropped_paragraphs_are_kept()
    {
        var resolution = await TestResolution.AddAsync(App);
        var author = await App.CreateUserAsync(Roles.Staff);
        var onOp1 = await TestResolution.AddNoteAsync(App, resolution.Op1, author.Id, "Funding note.",
            new TextQuoteSelector("adequate funding", "ensure ", " for"));
        var onPp2 = await TestResolution.AddNoteAsync(App, resolution.Pp2, author.Id, "Libraries note.");
        // Rev.1 keeps pp.1, drops pp.2 and renumbers the operative paragraph as OP 2.
        await App.ExecuteAsync(async db =>
        {
            var r = await db.Resolutions.Include(x => x.Versions).ThenInclude(v => v.Paragraphs).SingleAsync(x => x.Id == resolution.Id);
            var l1 = r.Versions.Single();
            var rev1 = r.AddVersion("L.1/Rev.1", VersionKind.Revision, new DateOnly(2024, 3, 8), TextCompleteness.Complete);
            var pp1 = l1.Paragraphs.Single(p => p.Id == resolution.Pp1);
            var op1 = l1.Paragraphs.Single(p => p.Id == resolution.Op1);
            rev1.AddParagraph(ParagraphKind.Preambular, 1, pp1.Text, TextSource.Imported, pp1.StableId);
            rev1.AddParagraph(ParagraphKind.Operative, 1, "Welcomes the work of librarians;", TextSource.Imported);
            rev1.AddParagraph(ParagraphKind.Operative, 2, op1.Text, TextSource.Imported, op1.StableId);
        });
        using var client = await App.CreateClientAsUserAsync(Roles.Staff);

        var page = await client.GetDocumentAsync(resolution.Path);

        var op2 = page.GetElementById("op2")!;
        op2.QuerySelector($"#note-{onOp1}").Should().NotBeNull();
        Text(op2.QuerySelector($"#note-{onOp1} .note-origin")!).Should().Be("Written on OP 1 of L.1");
        op2.QuerySelectorAll(".para-text mark").Select(Text).Should().Equal("adequate funding");
        Text(page.GetElementById("notes-elsewhere")!.ParentElement!.QuerySelector($"#note-{onPp2} .note-body")!).Should().Be("Libraries note.");
    }

    [Fact]
    public async Task Concerns_in_every_state_appear_beside_their_paragraph_with_a_link_to_draft_another()
    {
        var resolution = await TestResolution.AddAsync(App);
        var author = await App.CreateUserAsync(Roles.Staff);
        await App.ExecuteAsync(async db =>
        {
            var r = await db.Resolutions.SingleAsync(x => x.Id == resolution.Id);
            var op1 = await db.Paragraphs.Include(p => p.Version).SingleAsync(p => p.Id == resolution.Op1);
            var draft = new ResolutionTracker.Domain.Concerns.Concern(r, author.Id, "A draft concern", null, "Body.", Severity.Low, App.Clock.GetUtcNow());
            draft.LinkParagraph(op1);
            var submitted = new ResolutionTracker.Domain.Concerns.Concern(r, author.Id, "A concern in review", null, "Body.", Severity.High, App.Clock.GetUtcNow());
            submitted.LinkParagraph(op1);
            submitted.Submit(new Actor(author.Id, CanReview: false), App.Clock.GetUtcNow());
            db.Concerns.AddRange(draft, submitted);
        });
        using var client = await App.CreateClientAsUserAsync(Roles.Staff);

        var op1 = (await client.GetDocumentAsync(resolution.Path)).GetElementById("op1")!;

        op1.QuerySelectorAll(".concern-card").Select(c => $"{Text(c.QuerySelector("h4")!)} [{Text(c.QuerySelector(".concern-state")!)}]")
            .Should().Equal("A concern in review [In review]", "A draft concern [Draft]");
        op1.QuerySelector($"a[href='/desk/concerns/new?resolution={resolution.Id}&paragraph={resolution.Op1}']")!
            .TextContent.Should().Be("Draft a concern about OP 1");
    }

    [Fact]
    public async Task The_demo_working_view_marks_the_words_the_seeded_note_quotes()
    {
        await App.SeedDemoAsync(includeDemoAccounts: true);
        var id = await App.QueryAsync(db => db.Resolutions.Where(r => r.Symbol == "A/HRC/99/L.1").Select(r => r.Id).SingleAsync());
        using var client = await App.CreateClientAsUserAsync(Roles.Staff);

        var page = await client.GetDocumentAsync($"/desk/resolutions/{id}");

        page.GetElementById("op2")!.QuerySelectorAll(".para-text mark").Select(Text).Should().Equal("within available resources");
        page.QuerySelectorAll(".thread").Should().HaveCount(2);
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_sign_in()
    {
        var resolution = await TestResolution.AddAsync(App);
        using var client = App.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri(resolution.Path, UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.Should().Be("/account/sign-in");
    }

    [Fact]
    public async Task An_unknown_resolution_is_not_found()
    {
        using var client = await App.CreateClientAsUserAsync(Roles.Staff);

        (await client.GetStatusAsync("/desk/resolutions/999999")).Should().Be(HttpStatusCode.NotFound);
    }

    private static string Text(IElement element) => element.TextContent.Trim();

    private Task<int> CountNotesAsync() => App.QueryAsync(db => db.Annotations.CountAsync());

    private static async Task<HttpResponseMessage> AnnotateAsync(HttpClient client, TestResolution resolution, string anchor, string body,
        Dictionary<string, string>? values = null)
    {
        var form = (await client.GetDocumentAsync(resolution.Path)).QuerySelector<IHtmlFormElement>($"form[data-for={anchor}]")!;
        var fields = new Dictionary<string, string>(values ?? []) { ["annotate.Body"] = body };
        return await WorkingViewForms.SubmitAsync(client, form, fields);
    }

    private static async Task<HttpResponseMessage> ReplyAsync(HttpClient client, TestResolution resolution, int threadId, string body, int? forgedThreadId = null)
    {
        var page = await client.GetDocumentAsync(resolution.Path);
        var form = page.QuerySelector<IHtmlFormElement>($"#note-{threadId} .reply-form form")!;
        return await WorkingViewForms.SubmitAsync(client, form, new Dictionary<string, string>
        {
            ["reply.Body"] = body,
            ["reply.ThreadId"] = (forgedThreadId ?? threadId).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
    }

    private static async Task<HttpResponseMessage> ResolveAsync(HttpClient client, TestResolution resolution, int threadId)
    {
        var page = await client.GetDocumentAsync(resolution.Path);
        var form = page.QuerySelector<IHtmlFormElement>($"#note-{threadId} .resolve-form form")!;
        return await WorkingViewForms.SubmitAsync(client, form, new Dictionary<string, string>());
    }

    private static async Task<string> TokenAsync(HttpClient client, TestResolution resolution) =>
        (await client.GetDocumentAsync(resolution.Path)).QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
}

using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ResolutionTracker.BrowserTests.Fixture;
using ResolutionTracker.BrowserTests.PageObjects;
using ResolutionTracker.Web.Authorization;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ResolutionTracker.BrowserTests.Journeys;

// The whole workflow in Chromium, as the people who do it: staff annotates and drafts, the lead sends back, staff
// fixes, the lead sees what changed and approves.
[Collection(nameof(BrowserGroup))]
public sealed class ConcernReviewJourneyTests(BrowserApp app, ITestOutputHelper output)
{
    private const string Fictional = "A/HRC/99/L.1";
    private const string Quoted = "free access to information";
    private const string Note = "Journey note: does “free” here mean free of charge, or free of censorship?";
    private const string Heading = "Journey: free access is promised without saying who pays";
    private const string Summary = "The paragraph recognises free access but no operative paragraph funds it.";
    private const string Body = "The text **recognises** free access.\n\n- It does not say who pays.\n- It does not say *when*.";
    private const string FootnoteText = "See the predecessor resolution on the same subject.";
    private const string FootnoteSymbol = "A/HRC/RES/37/23";
    private const string Comment = "Please name the operative paragraph that should fund it.";
    private const string FixedBody = "The text **recognises** free access, yet OP 2 of Rev.1 only encourages States to consider funding.\n\n- It leaves the cost to States.\n- It does not say *when*.";

    private int _step;

    [Fact]
    public async Task Staff_annotates_and_submits_lead_sends_back_staff_fixes_lead_approves()
    {
        var resolutionId = await app.QueryAsync(db => db.Resolutions.Where(r => r.Symbol == Fictional).Select(r => r.Id).SingleAsync());
        var page = await app.NewPageAsync();
        var header = new SiteHeader(page);

        // Staff: sign in, open the working view, select words in pp.3 with the mouse and annotate them.
        await SignInPage.SignInAsAsync(page, Roles.Staff);
        var working = await WorkingViewPage.OpenAsync(page, resolutionId);
        await ShotAsync(page, "working-view");
        await page.ExpectNoSeriousViolationsAsync("working view");

        await working.SelectWithMouseAsync("pp3", Quoted);
        var annotate = working.AnnotateFormFor("pp3");
        await Expect(annotate.Quote).ToHaveValueAsync(Quoted);
        await Expect(annotate.Exact).ToHaveValueAsync(Quoted);
        (await annotate.Prefix.InputValueAsync()).Should().EndWith("without discrimination, ");
        await annotate.WriteNoteAsync(Note);
        await ShotAsync(page, "annotate-selection");
        await annotate.SaveNoteAsync();

        await Expect(working.MarginNoteBody("pp3")).ToContainTextAsync("Journey note");
        await Expect(working.MarginNoteQuote("pp3")).ToContainTextAsync(Quoted);
        await Expect(working.Highlight("pp3")).ToContainTextAsync(Quoted);
        await ShotAsync(page, "note-in-margin");

        // Draft a concern about that paragraph.
        var draft = await working.DraftConcernAboutAsync("pp3");
        await draft.FillAsync(Heading, Summary, Body);
        (await draft.TickedParagraphs.CountAsync()).Should().Be(1, "the paragraph from the link is ticked");
        await ShotAsync(page, "draft-concern");
        var concern = await draft.SaveDraftAsync();
        await Expect(concern.Heading).ToHaveTextAsync(Heading);
        var concernId = concern.Id;
        await Expect(concern.Main).ToContainTextAsync("Draft");
        (await concern.BoldWords.AllInnerTextsAsync()).Should().Contain("recognises", "the Markdown body is rendered");

        // A footnote citing a symbol.
        var footnotes = await concern.OpenFootnotesAsync(count: 0);
        await footnotes.AddAsync(FootnoteText, FootnoteSymbol);
        await Expect(footnotes.Main).ToContainTextAsync(FootnoteText);
        await ShotAsync(page, "footnote");

        // The edit page, checked for accessibility while we are here.
        await ConcernFormPage.OpenEditAsync(page, concernId);
        await page.ExpectNoSeriousViolationsAsync("concern edit page");

        concern = await ConcernPage.OpenAsync(page, concernId);
        await Expect(concern.SymbolLink(FootnoteSymbol)).ToBeVisibleAsync();
        await concern.SubmitForReviewAsync();
        await Expect(concern.Main).ToContainTextAsync("In review");
        await ShotAsync(page, "submitted");
        await header.SignOutAsync();

        // Lead: the review queue, the concern, send it back with a comment.
        await SignInPage.SignInAsAsync(page, Roles.CoalitionLead);
        var review = await ReviewPage.OpenQueueAsync(page);
        await ShotAsync(page, "review-queue");
        await review.OpenFromQueueAsync(Heading);
        await Expect(review.ChangesHeading).ToHaveTextAsync("First submission");
        await ShotAsync(page, "review-first");
        await review.SendBackAsync(Comment);
        await Expect(page).ToHaveURLAsync(new Regex("/desk/review$"));
        await Expect(review.Main).ToContainTextAsync("back to its author");
        await ShotAsync(page, "sent-back");
        await header.SignOutAsync();

        // Staff: the comment and the state on the desk; fix the concern and submit it again.
        await SignInPage.SignInAsAsync(page, Roles.Staff);
        var desk = await DeskPage.OpenAsync(page);
        await Expect(desk.SentBack).ToContainTextAsync(Heading);
        await Expect(desk.SentBack).ToContainTextAsync(Comment);
        await Expect(desk.SentBack).ToContainTextAsync("Sent back");
        await ShotAsync(page, "desk-sent-back");
        concern = await desk.OpenSentBackAsync(Heading);
        await Expect(concern.Main).ToContainTextAsync(Comment);
        var edit = await concern.EditAsync();
        await edit.FillBodyAsync(FixedBody);
        await ShotAsync(page, "edit");
        concern = await edit.SaveChangesAsync();
        await Expect(concern.Heading).ToHaveTextAsync(Heading);
        await concern.SubmitForReviewAsync();
        await Expect(concern.Main).ToContainTextAsync("In review");
        await header.SignOutAsync();

        // Lead: the word-level diff against the revision they sent back, then approve.
        await SignInPage.SignInAsAsync(page, Roles.CoalitionLead);
        review = await ReviewPage.OpenAsync(page, concernId);
        await Expect(review.ChangesHeading).ToContainTextAsync("What changed since revision 1");
        var inserted = string.Join(" ", await review.InsertedWords.AllInnerTextsAsync());
        inserted.Should().Contain("OP").And.Contain("consider", "the words the author added are marked as inserted");
        var deleted = string.Join(" ", await review.DeletedWords.AllInnerTextsAsync());
        deleted.Should().Contain("who").And.Contain("pays", "the words the author replaced are marked as deleted");
        await ShotAsync(page, "review-diff");
        await page.ExpectNoSeriousViolationsAsync("review page");
        await review.ApproveAsync(revision: 2);
        await Expect(review.Main).ToContainTextAsync("Approved revision 2");
        await ShotAsync(page, "approved");
        await header.SignOutAsync();

        // Staff: it is approved.
        await SignInPage.SignInAsAsync(page, Roles.Staff);
        concern = await ConcernPage.OpenAsync(page, concernId);
        await Expect(concern.Main).ToContainTextAsync("Approved");
        await ShotAsync(page, "staff-sees-approved");
        await page.Context.CloseAsync();

        var state = await app.QueryAsync(db => db.Concerns.Where(c => c.Id == concernId).Select(c => new { c.State, c.ApprovedRevisionNumber }).SingleAsync());
        state.State.Should().Be(ResolutionTracker.Domain.ConcernState.Approved);
        state.ApprovedRevisionNumber.Should().Be(2);
    }

    private async Task ShotAsync(IPage page, string step)
    {
        _step++;
        var path = await BrowserApp.SaveScreenshotAsync(page, $"journey-{_step.ToString("00", CultureInfo.InvariantCulture)}-{step}");
        output.WriteLine(path);
    }
}

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

public sealed class DetailTests(AppFactory app) : ReviewTest(app)
{
    [Fact]
    public async Task A_first_submission_is_shown_in_full_with_both_decisions()
    {
        await App.SeedDemoAsync();
        var id = await AddConcernAsync();
        var (lead, _) = await SignInAsync(Roles.CoalitionLead);

        var page = await lead.GetDocumentAsync(DetailUrl(id));

        Text(page.QuerySelector("h1")).Should().Be(Heading);
        Text(page.QuerySelector("#changes-heading")).Should().Be("First submission");
        Text(page.QuerySelector(".review-body")).Should().Contain("A second paragraph.");
        FormOf(page, "Approve").Fields.Should().ContainKey("Input.RowVersion");
        FormOf(page, "SendBack").Fields.Should().ContainKey("Input.Comment");
    }

    [Fact]
    public async Task A_resubmission_shows_whole_words_changed_since_the_revision_the_lead_saw()
    {
        await App.SeedDemoAsync();
        var (_, reviewer) = await SignInAsync(Roles.CoalitionLead);
        var author = await App.CreateUserAsync(Roles.Staff);
        var id = await AddConcernAsync(authorId: author.Id);
        await App.ExecuteAsync(async db =>
        {
            var concern = await db.Concerns.Include(c => c.Revisions).SingleAsync(c => c.Id == id);
            var now = App.Clock.GetUtcNow();
            concern.RequestChanges(new Actor(reviewer.Id, CanReview: true), "Say who is meant.", now);
            concern.Edit(new Actor(author.Id, false), "Urges States to cooperate, but never says with whom", concern.Summary,
                "The argument, rewritten.\n\nA second paragraph.", Severity.High, now);
            concern.Submit(new Actor(author.Id, false), now);
        });
        var (lead, _) = await SignInAsync(Roles.CoalitionLead);

        var page = await lead.GetDocumentAsync(DetailUrl(id));

        Text(page.QuerySelector("#changes-heading")).Should().Be("What changed since revision 1");
        var changes = page.QuerySelector("section[aria-labelledby=changes-heading]")!;
        changes.QuerySelectorAll(".diff-block del").Select(Text).Should().Contain(["deleted: Calls upon", "deleted: first written", "deleted: Medium"]);
        changes.QuerySelectorAll(".diff-block ins").Select(Text).Should().Contain(["inserted: Urges", "inserted: rewritten", "inserted: High"]);
        Text(changes).Should().Contain("Unchanged: summary.");
        Text(page.QuerySelector(".review-comment")).Should().Contain("Say who is meant.").And.Contain("On revision 1");
        Text(page.QuerySelector("#decision-heading")).Should().Be("Your decision on revision 2");
    }

    [Fact]
    public async Task A_concern_not_in_review_is_shown_without_decisions()
    {
        await App.SeedDemoAsync();
        var id = await AddConcernAsync(submit: false);
        var (lead, _) = await SignInAsync(Roles.CoalitionLead);

        var page = await lead.GetDocumentAsync(DetailUrl(id));

        Text(page.QuerySelector(".alert-info")).Should().Contain("not waiting for review");
        page.Forms.Where(f => (f.GetAttribute("action") ?? "").Contains("handler=", StringComparison.Ordinal)).Should().BeEmpty();
    }

    [Theory]
    [InlineData("/desk/review/987654")]
    [InlineData("/desk/review/abc")]
    [InlineData("/desk/review/-1")]
    public async Task An_unknown_concern_gives_404(string url)
    {
        var (lead, _) = await SignInAsync(Roles.CoalitionLead);

        (await lead.GetStatusAsync(url)).Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Staff_may_not_open_the_review_page()
    {
        await App.SeedDemoAsync();
        var id = await AddConcernAsync();
        var (staff, _) = await SignInAsync(Roles.Staff);

        using var response = await staff.GetAsync(new Uri(DetailUrl(id), UriKind.Relative));

        await ShouldBeForbiddenAsync(staff, response);
    }

    [Theory]
    [InlineData("Approve", null)]
    [InlineData("SendBack", "Forged comment")]
    public async Task A_forged_decision_by_staff_is_refused_and_nothing_changes(string handler, string? comment)
    {
        await App.SeedDemoAsync();
        var (staff, author) = await SignInAsync(Roles.Staff);
        // Even the concern's own author may not review it.
        var id = await AddConcernAsync(authorId: author.Id);

        using var response = await ForgeAsync(staff, id, handler, comment);

        await ShouldBeForbiddenAsync(staff, response);
        var concern = await ConcernAsync(id);
        concern.State.Should().Be(ConcernState.InReview);
        concern.ApprovedRevisionNumber.Should().BeNull();
        concern.Comments.Should().BeEmpty();
    }

    [Fact]
    public async Task Approving_makes_the_revision_the_approved_one_and_is_audited()
    {
        await App.SeedDemoAsync();
        var id = await AddConcernAsync();
        var (lead, reviewer) = await SignInAsync(Roles.CoalitionLead);
        var (action, fields) = FormOf(await lead.GetDocumentAsync(DetailUrl(id)), "Approve");

        using var response = await PostAsync(lead, action, fields);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Be("/desk/review");
        var concern = await ConcernAsync(id);
        concern.State.Should().Be(ConcernState.Approved);
        concern.ApprovedRevisionNumber.Should().Be(1);
        concern.Revisions.Single().ApprovedBy.Should().Be(reviewer.Id);
        var audit = await App.QueryAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.RootType == "Concern" && a.RootId == id.ToString(CultureInfo.InvariantCulture) && a.ActorId == reviewer.Id)
            .ToListAsync());
        audit.Should().Contain(a => a.Field == nameof(Concern.State) && a.OldValue == "InReview" && a.NewValue == "Approved");
        audit.Should().Contain(a => a.Field == nameof(Concern.ApprovedRevisionNumber) && a.NewValue == "1");
        audit.Should().Contain(a => a.EntityType == nameof(ConcernRevision) && a.Field == nameof(ConcernRevision.ApprovedBy));
        var queue = await lead.GetDocumentAsync("/desk/review");
        Text(queue.QuerySelector("[role=status]")).Should().Contain("Approved revision 1");
        queue.QuerySelectorAll(".review-item").Should().BeEmpty();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Sending_back_without_a_comment_is_refused_with_a_message(string comment)
    {
        await App.SeedDemoAsync();
        var id = await AddConcernAsync();
        var (lead, _) = await SignInAsync(Roles.CoalitionLead);
        var (action, fields) = FormOf(await lead.GetDocumentAsync(DetailUrl(id)), "SendBack");
        fields["Input.Comment"] = comment;

        using var response = await PostAsync(lead, action, fields);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var page = await response.ParseAsync();
        Text(page.QuerySelector("[data-valmsg-for='Input.Comment']")).Should().Contain("Write what the author should change");
        var concern = await ConcernAsync(id);
        concern.State.Should().Be(ConcernState.InReview);
        concern.Comments.Should().BeEmpty();
    }

    [Fact]
    public async Task An_over_long_comment_is_refused_and_kept_in_the_form()
    {
        await App.SeedDemoAsync();
        var id = await AddConcernAsync();
        var (lead, _) = await SignInAsync(Roles.CoalitionLead);
        var (action, fields) = FormOf(await lead.GetDocumentAsync(DetailUrl(id)), "SendBack");
        fields["Input.Comment"] = new string('x', Limits.Note + 1);

        using var response = await PostAsync(lead, action, fields);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var page = await response.ParseAsync();
        Text(page.QuerySelector("[data-valmsg-for='Input.Comment']")).Should().Contain("at most 4000 characters");
        (await ConcernAsync(id)).State.Should().Be(ConcernState.InReview);
    }

    [Fact]
    public async Task Sending_back_with_a_comment_requests_changes_and_stores_the_comment()
    {
        await App.SeedDemoAsync();
        var id = await AddConcernAsync();
        var (lead, reviewer) = await SignInAsync(Roles.CoalitionLead);
        var (action, fields) = FormOf(await lead.GetDocumentAsync(DetailUrl(id)), "SendBack");
        fields["Input.Comment"] = "  Quote the paragraph, and cite A/HRC/RES/37/23.  ";

        using var response = await PostAsync(lead, action, fields);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var concern = await ConcernAsync(id);
        concern.State.Should().Be(ConcernState.ChangesRequested);
        concern.ApprovedRevisionNumber.Should().BeNull();
        var comment = concern.Comments.Single();
        comment.Body.Should().Be("Quote the paragraph, and cite A/HRC/RES/37/23.");
        comment.AuthorId.Should().Be(reviewer.Id);
        comment.RevisionNumber.Should().Be(1);
        var queue = await lead.GetDocumentAsync("/desk/review");
        Text(queue.QuerySelector("[role=status]")).Should().Contain("Sent revision 1");
    }

    [Fact]
    public async Task Approving_a_concern_that_is_not_in_review_is_refused_with_a_clear_message()
    {
        await App.SeedDemoAsync();
        var id = await AddConcernAsync(submit: false);
        var (lead, _) = await SignInAsync(Roles.CoalitionLead);

        using var response = await ForgeAsync(lead, id, "Approve");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        Text((await response.ParseAsync()).QuerySelector(".alert-danger")).Should().Contain("Only a concern in review can be approved");
        var concern = await ConcernAsync(id);
        concern.State.Should().Be(ConcernState.Draft);
        concern.ApprovedRevisionNumber.Should().BeNull();
    }

    [Fact]
    public async Task A_decision_without_the_antiforgery_token_is_refused()
    {
        await App.SeedDemoAsync();
        var id = await AddConcernAsync();
        var (lead, _) = await SignInAsync(Roles.CoalitionLead);
        var (action, fields) = FormOf(await lead.GetDocumentAsync(DetailUrl(id)), "Approve");
        fields.Remove("__RequestVerificationToken");

        using var response = await PostAsync(lead, action, fields);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ConcernAsync(id)).State.Should().Be(ConcernState.InReview);
    }

    [Fact]
    public async Task Approving_a_concern_that_changed_since_the_page_was_loaded_gives_409_and_approves_nothing()
    {
        await App.SeedDemoAsync();
        var author = await App.CreateUserAsync(Roles.Staff);
        var id = await AddConcernAsync(authorId: author.Id);
        var (lead, _) = await SignInAsync(Roles.CoalitionLead);
        var (action, fields) = FormOf(await lead.GetDocumentAsync(DetailUrl(id)), "Approve");
        // Meanwhile another lead sends it back and the author resubmits a different text.
        var otherLead = await App.CreateUserAsync(Roles.CoalitionLead);
        await App.ExecuteAsync(async db =>
        {
            var concern = await db.Concerns.Include(c => c.Revisions).SingleAsync(c => c.Id == id);
            var now = App.Clock.GetUtcNow();
            concern.RequestChanges(new Actor(otherLead.Id, true), "Shorter, please.", now);
            concern.Edit(new Actor(author.Id, false), "Cooperation with whom?", null, "Shorter.", Severity.Medium, now);
            concern.Submit(new Actor(author.Id, false), now);
        });

        using var response = await PostAsync(lead, action, fields);

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var page = await response.ParseAsync();
        Text(page.QuerySelector(".alert-warning")).Should().Contain("changed after you opened it").And.Contain("revision 2");
        Text(page.QuerySelector("#decision-heading")).Should().Be("Your decision on revision 2");
        var concern = await ConcernAsync(id);
        concern.State.Should().Be(ConcernState.InReview);
        concern.ApprovedRevisionNumber.Should().BeNull();

        // The page now carries the new version, so approving what is on screen goes through.
        var (again, againFields) = FormOf(page, "Approve");
        using var second = await PostAsync(lead, again, againFields);
        second.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await ConcernAsync(id)).ApprovedRevisionNumber.Should().Be(2);
    }

    [Fact]
    public async Task Sending_back_a_concern_withdrawn_meanwhile_gives_409_and_keeps_the_comment()
    {
        await App.SeedDemoAsync();
        var author = await App.CreateUserAsync(Roles.Staff);
        var id = await AddConcernAsync(authorId: author.Id);
        var (lead, _) = await SignInAsync(Roles.CoalitionLead);
        var (action, fields) = FormOf(await lead.GetDocumentAsync(DetailUrl(id)), "SendBack");
        await App.ExecuteAsync(async db =>
            (await db.Concerns.SingleAsync(c => c.Id == id)).Withdraw(new Actor(author.Id, false), App.Clock.GetUtcNow()));
        fields["Input.Comment"] = "Too late.";

        using var response = await PostAsync(lead, action, fields);

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        Text((await response.ParseAsync()).QuerySelector(".alert-warning")).Should().Contain("it is now withdrawn");
        var concern = await ConcernAsync(id);
        concern.State.Should().Be(ConcernState.Withdrawn);
        concern.Comments.Should().BeEmpty();
    }

    [Fact]
    public async Task The_demo_case_has_a_concern_waiting_for_the_demo_lead()
    {
        await App.SeedDemoAsync(includeDemoAccounts: true);
        var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        (await AppFactory.SignInAsync(client, "lead@demo.local", DemoPassword())).Dispose();

        var queue = await client.GetDocumentAsync("/desk/review");
        var link = queue.QuerySelector(".review-item h2 a")!.GetAttribute("href")!;
        var page = await client.GetDocumentAsync(link);

        Text(page.QuerySelector("h1")).Should().StartWith("Fictional example");
        FormOf(page, "Approve").Fields.Should().ContainKey("__RequestVerificationToken");
    }

    private static string DemoPassword() => ResolutionTracker.Web.Data.Seeding.DemoSeeder.DemoPassword;
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Concerns;
using ResolutionTracker.Domain.Settings;
using ResolutionTracker.IntegrationTests.Fixture;
using ResolutionTracker.Web.Authorization;

namespace ResolutionTracker.IntegrationTests.Pages.Desk.Review;

// A concern needs a reviewer other than its author: a lead who wrote a concern is not offered its approval and a
// forged approval is refused with the rule's words, unless an administrator allows self-approval.
public sealed class SelfApprovalTests(AppFactory app) : ReviewTest(app)
{
    private Task SetSelfApprovalAsync(bool allowed) =>
        App.ExecuteAsync(async db =>
        {
            var settings = await db.CoalitionSettings.FirstOrDefaultAsync();
            if (settings is null)
            {
                settings = new CoalitionSettings();
                db.CoalitionSettings.Add(settings);
            }
            settings.AllowSelfApproval(allowed);
        });

    private static bool HasForm(AngleSharp.Html.Dom.IHtmlDocument page, string handler) =>
        page.Forms.Any(f => (f.GetAttribute("action") ?? "").Contains("handler=" + handler, StringComparison.OrdinalIgnoreCase));

    // The review page must offer approval, without the note that another reviewer is needed; the lead approves from it.
    private static async Task<HttpResponseMessage> ApproveFromThePageAsync(HttpClient lead, int id)
    {
        var page = await lead.GetDocumentAsync(DetailUrl(id));
        page.QuerySelector(".review-needs-another").Should().BeNull();
        var (action, fields) = FormOf(page, "Approve");
        return await PostAsync(lead, action, fields);
    }

    private async Task ShouldBeApprovedByAsync(HttpResponseMessage response, int id, string reviewerId)
    {
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var concern = await ConcernAsync(id);
        concern.State.Should().Be(ConcernState.Approved);
        concern.Revisions.Single().ApprovedBy.Should().Be(reviewerId);
    }

    [Fact]
    public async Task A_lead_is_not_offered_approval_of_their_own_concern_but_may_send_it_back()
    {
        await App.SeedDemoAsync();
        var (lead, author) = await SignInAsync(Roles.CoalitionLead);
        var id = await AddConcernAsync(authorId: author.Id);

        var page = await lead.GetDocumentAsync(DetailUrl(id));

        HasForm(page, "Approve").Should().BeFalse();
        FormOf(page, "SendBack").Fields.Should().ContainKey("Input.Comment");
        Text(page.QuerySelector(".review-needs-another")).Should().Contain("needs another reviewer")
            .And.Contain("A concern needs a reviewer other than its author");
    }

    [Fact]
    public async Task A_lead_approving_their_own_concern_is_refused_with_the_rules_words_and_nothing_changes()
    {
        await App.SeedDemoAsync();
        var (lead, author) = await SignInAsync(Roles.CoalitionLead);
        var id = await AddConcernAsync(authorId: author.Id);

        using var response = await ForgeAsync(lead, id, "Approve");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var page = await response.ParseAsync();
        Text(page.QuerySelector(".alert-danger")).Should().Be(ConcernRules.NeedsAnotherReviewerMessage);
        var concern = await ConcernAsync(id);
        concern.State.Should().Be(ConcernState.InReview);
        concern.ApprovedRevisionNumber.Should().BeNull();
        concern.Revisions.Single().ApprovedBy.Should().BeNull();
    }

    [Fact]
    public async Task With_self_approval_allowed_a_lead_approves_their_own_concern()
    {
        await App.SeedDemoAsync();
        await SetSelfApprovalAsync(true);
        var (lead, author) = await SignInAsync(Roles.CoalitionLead);
        var id = await AddConcernAsync(authorId: author.Id);

        using var response = await ApproveFromThePageAsync(lead, id);

        await ShouldBeApprovedByAsync(response, id, author.Id);
    }

    [Fact]
    public async Task The_setting_is_read_at_each_request_so_turning_it_off_refuses_an_approval_already_on_screen()
    {
        await App.SeedDemoAsync();
        await SetSelfApprovalAsync(true);
        var (lead, author) = await SignInAsync(Roles.CoalitionLead);
        var id = await AddConcernAsync(authorId: author.Id);
        var (action, fields) = FormOf(await lead.GetDocumentAsync(DetailUrl(id)), "Approve");
        await SetSelfApprovalAsync(false);

        using var response = await PostAsync(lead, action, fields);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        Text((await response.ParseAsync()).QuerySelector(".alert-danger")).Should().Be(ConcernRules.NeedsAnotherReviewerMessage);
        (await ConcernAsync(id)).State.Should().Be(ConcernState.InReview);
    }

    [Fact]
    public async Task Another_lead_approves_a_concern_a_lead_wrote()
    {
        await App.SeedDemoAsync();
        var writer = await App.CreateUserAsync(Roles.CoalitionLead);
        var id = await AddConcernAsync(authorId: writer.Id);
        var (other, reviewer) = await SignInAsync(Roles.CoalitionLead);

        using var response = await ApproveFromThePageAsync(other, id);

        await ShouldBeApprovedByAsync(response, id, reviewer.Id);
    }

    [Fact]
    public async Task A_lead_sends_their_own_concern_back_to_change_it()
    {
        await App.SeedDemoAsync();
        var (lead, author) = await SignInAsync(Roles.CoalitionLead);
        var id = await AddConcernAsync(authorId: author.Id);
        var (action, fields) = FormOf(await lead.GetDocumentAsync(DetailUrl(id)), "SendBack");
        fields["Input.Comment"] = "On second thoughts, cite the vote.";

        using var response = await PostAsync(lead, action, fields);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var concern = await ConcernAsync(id);
        concern.State.Should().Be(ConcernState.ChangesRequested);
        concern.Comments.Single().AuthorId.Should().Be(author.Id);
    }

    [Fact]
    public async Task The_queue_marks_the_leads_own_concerns_as_needing_another_reviewer()
    {
        await App.SeedDemoAsync();
        var (lead, author) = await SignInAsync(Roles.CoalitionLead);
        var start = App.Clock.GetUtcNow().AddDays(-1);
        await AddConcernAsync("Written by staff", start);
        await AddConcernAsync("Written by this lead", start.AddHours(1), authorId: author.Id);
        var (otherLead, _) = await SignInAsync(Roles.CoalitionLead);

        var mine = await lead.GetDocumentAsync("/desk/review");
        var theirs = await otherLead.GetDocumentAsync("/desk/review");

        mine.QuerySelectorAll(".review-item").Select(i => (Text(i.QuerySelector("h2")), i.QuerySelector(".review-needs-another-reviewer") is not null))
            .Should().Equal(("Written by staff", false), ("Written by this lead", true));
        theirs.QuerySelectorAll(".review-needs-another-reviewer").Should().BeEmpty("another lead may approve both");
    }

    [Fact]
    public async Task With_self_approval_allowed_the_queue_marks_nothing()
    {
        await App.SeedDemoAsync();
        await SetSelfApprovalAsync(true);
        var (lead, author) = await SignInAsync(Roles.CoalitionLead);
        await AddConcernAsync("Written by this lead", authorId: author.Id);

        var page = await lead.GetDocumentAsync("/desk/review");

        page.QuerySelectorAll(".review-item").Should().ContainSingle();
        page.QuerySelectorAll(".review-needs-another-reviewer").Should().BeEmpty();
    }
}

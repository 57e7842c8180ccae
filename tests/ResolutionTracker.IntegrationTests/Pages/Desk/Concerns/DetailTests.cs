using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.IntegrationTests.Fixture;
using ResolutionTracker.Web.Authorization;

namespace ResolutionTracker.IntegrationTests.Pages.Desk.Concerns;

public sealed class DetailTests(AppFactory app) : AppTest(app)
{
    private const string SubmitForm = "form[action*='handler=Submit']";
    private const string WithdrawForm = "form[action*='handler=Withdraw']";

    [Fact]
    public async Task The_author_sees_the_concern_with_its_paragraphs_and_the_workflow_buttons()
    {
        var world = await App.CreateWorldAsync();
        var (client, user) = await App.SignedInAsync(Roles.Staff);
        var id = await App.CreateConcernAsync(world, user.Id, "Funding is left to States", world.Op1);

        var page = await client.GetDocumentAsync($"/desk/concerns/{id}");

        page.QuerySelector("h1")!.TextContent.Should().Be("Funding is left to States");
        page.QuerySelector(".concern-state")!.TextContent.Should().Be("Draft");
        page.QuerySelectorAll("a").Select(a => a.TextContent).Should().Contain($"{ConcernWorld.Symbol}, OP 1");
        page.QuerySelector(SubmitForm).Should().NotBeNull();
        page.QuerySelector(WithdrawForm)!.Closest("details").Should().NotBeNull("withdrawing asks once");
        page.QuerySelector($"a[href='/desk/concerns/{id}/edit']").Should().NotBeNull();
        page.QuerySelector($"a[href='/desk/history/concern/{id}']").Should().NotBeNull();
    }

    [Fact]
    public async Task Submitting_a_draft_puts_it_in_review_as_revision_1()
    {
        var world = await App.CreateWorldAsync();
        var (client, user) = await App.SignedInAsync(Roles.Staff);
        var id = await App.CreateConcernAsync(world, user.Id);

        using var response = await client.SubmitAsync($"/desk/concerns/{id}", SubmitForm);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var concern = await App.LoadConcernAsync(id);
        concern.State.Should().Be(ConcernState.InReview);
        concern.Revisions.Should().ContainSingle().Which.Number.Should().Be(1);
        var page = await client.GetDocumentAsync($"/desk/concerns/{id}");
        page.QuerySelector("[role=status]")!.TextContent.Should().Contain("Submitted for review");
        page.QuerySelector(SubmitForm).Should().BeNull("a concern in review cannot be submitted again");
        page.QuerySelector($"a[href='/desk/concerns/{id}/edit']").Should().BeNull("a concern in review cannot be changed");
    }

    [Fact]
    public async Task The_author_sees_the_leads_comment_and_that_it_was_sent_back_for_changes()
    {
        var world = await App.CreateWorldAsync();
        var (client, user) = await App.SignedInAsync(Roles.Staff);
        var lead = await App.CreateUserAsync(Roles.CoalitionLead);
        var id = await App.CreateConcernAsync(world, user.Id);
        await App.SubmitAsync(id, user.Id);
        await App.SendBackAsync(id, lead.Id, "Cite the Advisory Committee report, please.");

        var page = await client.GetDocumentAsync($"/desk/concerns/{id}");

        page.QuerySelector(".concern-state")!.TextContent.Should().Be("Sent back for changes");
        page.QuerySelector(".sent-back")!.TextContent.Should().Contain("Cite the Advisory Committee report, please.").And.Contain("Test CoalitionLead");
        page.QuerySelector(SubmitForm).Should().NotBeNull("a concern sent back can be submitted again");
    }

    [Fact]
    public async Task A_fixed_concern_is_submitted_again_as_revision_2()
    {
        var world = await App.CreateWorldAsync();
        var (client, user) = await App.SignedInAsync(Roles.Staff);
        var lead = await App.CreateUserAsync(Roles.CoalitionLead);
        var id = await App.CreateConcernAsync(world, user.Id);
        await App.SubmitAsync(id, user.Id);
        await App.SendBackAsync(id, lead.Id, "Shorter, please.");

        using var response = await client.SubmitAsync($"/desk/concerns/{id}", SubmitForm);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var concern = await App.LoadConcernAsync(id);
        concern.State.Should().Be(ConcernState.InReview);
        concern.Revisions.Select(r => r.Number).Should().BeEquivalentTo([1, 2]);
    }

    [Fact]
    public async Task Withdrawing_asks_once_and_then_withdraws()
    {
        var world = await App.CreateWorldAsync();
        var (client, user) = await App.SignedInAsync(Roles.Staff);
        var id = await App.CreateConcernAsync(world, user.Id);

        using var response = await client.SubmitAsync($"/desk/concerns/{id}", WithdrawForm);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await App.LoadConcernAsync(id)).State.Should().Be(ConcernState.Withdrawn);
        var page = await client.GetDocumentAsync($"/desk/concerns/{id}");
        page.QuerySelector(WithdrawForm).Should().BeNull();
        page.QuerySelector(SubmitForm).Should().BeNull();
    }

    [Fact]
    public async Task Another_staff_member_sees_no_buttons_and_a_forged_submit_is_forbidden()
    {
        var world = await App.CreateWorldAsync();
        var author = await App.CreateUserAsync(Roles.Staff);
        var (other, _) = await App.SignedInAsync(Roles.Staff);
        var id = await App.CreateConcernAsync(world, author.Id);
        var rowVersion = (await App.LoadConcernAsync(id)).RowVersion;

        var page = await other.GetDocumentAsync($"/desk/concerns/{id}");
        page.QuerySelector(SubmitForm).Should().BeNull();
        page.QuerySelector(WithdrawForm).Should().BeNull();
        using var response = await other.ForgeAsync($"/desk/concerns/{id}?handler=Submit", [new("RowVersion", rowVersion.ToString(System.Globalization.CultureInfo.InvariantCulture))]);

        response.ShouldBeForbidden();
        (await App.LoadConcernAsync(id)).State.Should().Be(ConcernState.Draft);
    }

    [Fact]
    public async Task A_forged_withdraw_by_another_staff_member_is_forbidden()
    {
        var world = await App.CreateWorldAsync();
        var author = await App.CreateUserAsync(Roles.Staff);
        var (other, _) = await App.SignedInAsync(Roles.Staff);
        var id = await App.CreateConcernAsync(world, author.Id);
        var rowVersion = (await App.LoadConcernAsync(id)).RowVersion;

        using var response = await other.ForgeAsync($"/desk/concerns/{id}?handler=Withdraw", [new("RowVersion", rowVersion.ToString(System.Globalization.CultureInfo.InvariantCulture))]);

        response.ShouldBeForbidden();
        (await App.LoadConcernAsync(id)).State.Should().Be(ConcernState.Draft);
    }

    [Fact]
    public async Task A_lead_may_withdraw_someone_elses_concern()
    {
        var world = await App.CreateWorldAsync();
        var author = await App.CreateUserAsync(Roles.Staff);
        var (lead, _) = await App.SignedInAsync(Roles.CoalitionLead);
        var id = await App.CreateConcernAsync(world, author.Id);

        using var response = await lead.SubmitAsync($"/desk/concerns/{id}", WithdrawForm);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await App.LoadConcernAsync(id)).State.Should().Be(ConcernState.Withdrawn);
    }

    [Fact]
    public async Task Submitting_a_concern_already_in_review_is_refused_with_the_reason()
    {
        var world = await App.CreateWorldAsync();
        var (client, user) = await App.SignedInAsync(Roles.Staff);
        var id = await App.CreateConcernAsync(world, user.Id);
        await App.SubmitAsync(id, user.Id);
        var rowVersion = (await App.LoadConcernAsync(id)).RowVersion;

        using var response = await client.ForgeAsync($"/desk/concerns/{id}?handler=Submit", [new("RowVersion", rowVersion.ToString(System.Globalization.CultureInfo.InvariantCulture))]);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ParseAsync()).AlertText().Should().Contain("Only a draft or a concern sent back can be submitted");
        (await App.LoadConcernAsync(id)).Revisions.Should().ContainSingle();
    }

    [Fact]
    public async Task Submitting_from_a_page_opened_before_someone_else_changed_the_concern_is_a_conflict()
    {
        var world = await App.CreateWorldAsync();
        var (client, user) = await App.SignedInAsync(Roles.Staff);
        var id = await App.CreateConcernAsync(world, user.Id);
        var page = await client.GetDocumentAsync($"/desk/concerns/{id}");
        await App.ActOnConcernAsync(id, (c, now) => c.Edit(new Actor(user.Id, false), "Changed meanwhile", null, null, Severity.Low, now));

        using var response = await client.SubmitAsync($"/desk/concerns/{id}", (IHtmlFormElement)page.QuerySelector(SubmitForm)!);

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await response.ParseAsync()).AlertText().Should().Contain("Someone changed this concern");
        (await App.LoadConcernAsync(id)).State.Should().Be(ConcernState.Draft);
    }

    [Fact]
    public async Task Submitting_without_the_antiforgery_token_gives_400()
    {
        var world = await App.CreateWorldAsync();
        var (client, user) = await App.SignedInAsync(Roles.Staff);
        var id = await App.CreateConcernAsync(world, user.Id);
        var rowVersion = (await App.LoadConcernAsync(id)).RowVersion;

        using var response = await client.ForgeAsync($"/desk/concerns/{id}?handler=Submit",
            [new("RowVersion", rowVersion.ToString(System.Globalization.CultureInfo.InvariantCulture))], withToken: false);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await App.LoadConcernAsync(id)).State.Should().Be(ConcernState.Draft);
    }

    [Fact]
    public async Task An_unknown_concern_gives_404()
    {
        var (client, _) = await App.SignedInAsync(Roles.Staff);

        (await client.GetStatusAsync("/desk/concerns/987654")).Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task After_approval_and_a_new_edit_the_page_says_which_revision_briefings_use()
    {
        var world = await App.CreateWorldAsync();
        var (client, user) = await App.SignedInAsync(Roles.Staff);
        var lead = await App.CreateUserAsync(Roles.CoalitionLead);
        var id = await App.CreateConcernAsync(world, user.Id);
        await App.SubmitAsync(id, user.Id);
        await App.ApproveAsync(id, lead.Id);
        await App.ActOnConcernAsync(id, (c, now) => c.Edit(new Actor(user.Id, false), "Reworded", null, null, Severity.High, now));

        var page = await client.GetDocumentAsync($"/desk/concerns/{id}");

        page.QuerySelector(".notice")!.TextContent.Should().Contain("Revision 1 is approved and is what briefings use until revision 2 is approved");
        (await App.QueryAsync(db => db.Concerns.Where(c => c.Id == id).Select(c => c.State).SingleAsync())).Should().Be(ConcernState.Draft);
    }
}

using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.IntegrationTests.Fixture;
using ResolutionTracker.Web.Authorization;
using static ResolutionTracker.IntegrationTests.Pages.Desk.Concerns.ConcernKit;

namespace ResolutionTracker.IntegrationTests.Pages.Desk.Concerns;

public sealed class EditTests(AppFactory app) : AppTest(app)
{
    private const string Form = "form.concern-form[method=post]";

    [Fact]
    public async Task Editing_a_draft_saves_the_fields_and_the_new_set_of_paragraphs()
    {
        var world = await App.CreateWorldAsync();
        var (client, user) = await App.SignedInAsync(Roles.Staff);
        var id = await App.CreateConcernAsync(world, user.Id, "Old heading", world.Pp1, world.Op1);

        using var response = await client.SubmitAsync($"/desk/concerns/{id}/edit", Form, new Dictionary<string, string[]?>
        {
            ["Input.Heading"] = ["New heading"],
            ["Input.Severity"] = ["Critical"],
            ["Input.ParagraphIds"] = [world.Op1.S(), world.Pp2.S()],
            [$"Input.Quotes[{world.Op1}]"] = ["sustainable funding"],
        });

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var concern = await App.LoadConcernAsync(id);
        concern.Heading.Should().Be("New heading");
        concern.Severity.Should().Be(Severity.Critical);
        concern.Paragraphs.Select(p => (p.ParagraphId, p.Quote)).Should()
            .BeEquivalentTo([(world.Pp2, (string?)null), (world.Op1, "sustainable funding")]);
        concern.RevisionNumber.Should().Be(1);
    }

    [Fact]
    public async Task A_paragraph_of_an_earlier_version_already_linked_is_still_offered()
    {
        var world = await App.CreateWorldAsync();
        var (client, user) = await App.SignedInAsync(Roles.Staff);
        var id = await App.CreateConcernAsync(world, user.Id, "About a dropped paragraph", world.OldPp3);

        var page = await client.GetDocumentAsync($"/desk/concerns/{id}/edit");

        var box = page.QuerySelector($"input[name='Input.ParagraphIds'][value='{world.OldPp3}']") as IHtmlInputElement;
        box.Should().NotBeNull();
        box!.IsChecked.Should().BeTrue();
    }

    [Fact]
    public async Task Editing_an_approved_concern_starts_revision_2_while_revision_1_stays_approved()
    {
        var world = await App.CreateWorldAsync();
        var (client, user) = await App.SignedInAsync(Roles.Staff);
        var lead = await App.CreateUserAsync(Roles.CoalitionLead);
        var id = await App.CreateConcernAsync(world, user.Id, "Approved wording", world.Op1);
        await App.SubmitAsync(id, user.Id);
        await App.ApproveAsync(id, lead.Id);
        (await client.GetDocumentAsync($"/desk/concerns/{id}/edit")).QuerySelector(".notice")!.TextContent
            .Should().Contain("Saving a change starts revision 2");

        using var response = await client.SubmitAsync($"/desk/concerns/{id}/edit", Form, Set(("Input.Heading", "Sharper wording")));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var concern = await App.LoadConcernAsync(id);
        concern.RevisionNumber.Should().Be(2);
        concern.ApprovedRevisionNumber.Should().Be(1);
        concern.State.Should().Be(ConcernState.Draft);
        concern.Heading.Should().Be("Sharper wording");
        concern.Revisions.Should().ContainSingle().Which.Heading.Should().Be("Approved wording", "the approved revision keeps its text");
        (await client.GetDocumentAsync($"/desk/concerns/{id}")).QuerySelector("[role=status]")!.TextContent
            .Should().Contain("revision 2").And.Contain("revision 1 stays what briefings use");
    }

    [Fact]
    public async Task Saving_an_unchanged_approved_concern_does_not_start_a_new_revision()
    {
        var world = await App.CreateWorldAsync();
        var (client, user) = await App.SignedInAsync(Roles.Staff);
        var lead = await App.CreateUserAsync(Roles.CoalitionLead);
        var id = await App.CreateConcernAsync(world, user.Id, "Approved wording", world.Op1);
        await App.SubmitAsync(id, user.Id);
        await App.ApproveAsync(id, lead.Id);

        using var response = await client.SubmitAsync($"/desk/concerns/{id}/edit", Form);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var concern = await App.LoadConcernAsync(id);
        concern.State.Should().Be(ConcernState.Approved);
        concern.RevisionNumber.Should().Be(1);
    }

    [Fact]
    public async Task A_lead_may_edit_someone_elses_concern()
    {
        var world = await App.CreateWorldAsync();
        var author = await App.CreateUserAsync(Roles.Staff);
        var (lead, _) = await App.SignedInAsync(Roles.CoalitionLead);
        var id = await App.CreateConcernAsync(world, author.Id);

        using var response = await lead.SubmitAsync($"/desk/concerns/{id}/edit", Form, Set(("Input.Heading", "Edited by the lead")));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await App.LoadConcernAsync(id)).Heading.Should().Be("Edited by the lead");
    }

    [Fact]
    public async Task Another_staff_member_cannot_open_the_form_nor_post_a_forged_one()
    {
        var world = await App.CreateWorldAsync();
        var author = await App.CreateUserAsync(Roles.Staff);
        var (other, _) = await App.SignedInAsync(Roles.Staff);
        var id = await App.CreateConcernAsync(world, author.Id, "Not yours");
        var rowVersion = (await App.LoadConcernAsync(id)).RowVersion;

        using var get = await other.GetAsync(new Uri($"/desk/concerns/{id}/edit", UriKind.Relative));
        using var post = await other.ForgeAsync($"/desk/concerns/{id}/edit",
        [
            new("Input.Heading", "Hijacked"), new("Input.Severity", "Low"), new("RowVersion", rowVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ]);

        get.ShouldBeForbidden();
        post.ShouldBeForbidden();
        (await App.LoadConcernAsync(id)).Heading.Should().Be("Not yours");
    }

    [Fact]
    public async Task A_heading_one_character_over_the_limit_is_refused_and_the_concern_is_unchanged()
    {
        var world = await App.CreateWorldAsync();
        var (client, user) = await App.SignedInAsync(Roles.Staff);
        var id = await App.CreateConcernAsync(world, user.Id, "Kept");

        using var response = await client.SubmitAsync($"/desk/concerns/{id}/edit", Form, Set(("Input.Heading", new string('x', Limits.Heading + 1))));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ParseAsync()).AlertText().Should().Contain($"at most {Limits.Heading} characters");
        (await App.LoadConcernAsync(id)).Heading.Should().Be("Kept");
    }

    [Fact]
    public async Task A_forged_paragraph_of_another_resolution_is_refused_and_the_links_are_unchanged()
    {
        var world = await App.CreateWorldAsync();
        var (client, user) = await App.SignedInAsync(Roles.Staff);
        var id = await App.CreateConcernAsync(world, user.Id, "Kept", world.Pp1);

        using var response = await client.SubmitAsync($"/desk/concerns/{id}/edit", Form, new Dictionary<string, string[]?>
        {
            ["Input.Heading"] = ["Changed too"],
            ["Input.ParagraphIds"] = [world.Pp1.S(), world.OtherPp1.S()],
        });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ParseAsync()).AlertText().Should().Contain("only point at paragraphs of its own resolution");
        var concern = await App.LoadConcernAsync(id);
        concern.Heading.Should().Be("Kept");
        concern.Paragraphs.Should().ContainSingle().Which.ParagraphId.Should().Be(world.Pp1);
    }

    [Fact]
    public async Task A_concern_in_review_cannot_be_edited()
    {
        var world = await App.CreateWorldAsync();
        var (client, user) = await App.SignedInAsync(Roles.Staff);
        var id = await App.CreateConcernAsync(world, user.Id, "Under review");
        var rowVersion = (await App.LoadConcernAsync(id)).RowVersion;
        await App.SubmitAsync(id, user.Id);

        var page = await client.GetDocumentAsync($"/desk/concerns/{id}/edit");
        using var response = await client.ForgeAsync($"/desk/concerns/{id}/edit",
            [new("Input.Heading", "Sneaked in"), new("Input.Severity", "Low"), new("RowVersion", rowVersion.ToString(System.Globalization.CultureInfo.InvariantCulture))]);

        page.QuerySelector(Form).Should().BeNull();
        page.QuerySelector(".notice")!.TextContent.Should().Contain("in review");
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ParseAsync()).AlertText().Should().Contain("cannot be changed");
        (await App.LoadConcernAsync(id)).Heading.Should().Be("Under review");
    }

    [Fact]
    public async Task The_second_of_two_edits_from_the_same_version_gets_409_with_both_values_and_the_first_is_kept()
    {
        var world = await App.CreateWorldAsync();
        var (alice, user) = await App.SignedInAsync(Roles.Staff);
        var (lead, _) = await App.SignedInAsync(Roles.CoalitionLead);
        var id = await App.CreateConcernAsync(world, user.Id, "Original heading");
        var alicesForm = (IHtmlFormElement)(await alice.GetDocumentAsync($"/desk/concerns/{id}/edit")).QuerySelector(Form)!;
        var leadsForm = (IHtmlFormElement)(await lead.GetDocumentAsync($"/desk/concerns/{id}/edit")).QuerySelector(Form)!;

        using var first = await alice.SubmitAsync($"/desk/concerns/{id}/edit", alicesForm, Set(("Input.Heading", "Alice's heading")));
        using var second = await lead.SubmitAsync($"/desk/concerns/{id}/edit", leadsForm, Set(("Input.Heading", "The lead's heading")));

        first.StatusCode.Should().Be(HttpStatusCode.Redirect);
        second.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var page = await second.ParseAsync();
        var heading = page.QuerySelectorAll(".conflict-notice tr").Single(r => r.QuerySelector("th")!.TextContent == "Heading");
        heading.QuerySelectorAll("td").Select(td => td.TextContent).Should().Equal("Alice's heading", "The lead's heading");
        ((IHtmlInputElement)page.QuerySelector("input[name='Input.Heading']")!).Value.Should().Be("The lead's heading", "the form keeps what they typed");
        (await App.LoadConcernAsync(id)).Heading.Should().Be("Alice's heading");
    }

    [Fact]
    public async Task After_a_conflict_saving_the_merged_form_again_goes_through()
    {
        var world = await App.CreateWorldAsync();
        var (alice, user) = await App.SignedInAsync(Roles.Staff);
        var id = await App.CreateConcernAsync(world, user.Id, "Original heading");
        var staleForm = (IHtmlFormElement)(await alice.GetDocumentAsync($"/desk/concerns/{id}/edit")).QuerySelector(Form)!;
        await App.ActOnConcernAsync(id, (c, now) => c.Edit(new Actor(user.Id, false), "Someone else's heading", null, null, Severity.Low, now));
        using var conflict = await alice.SubmitAsync($"/desk/concerns/{id}/edit", staleForm, Set(("Input.Heading", "Mine")));
        conflict.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var mergeForm = (IHtmlFormElement)(await conflict.ParseAsync()).QuerySelector(Form)!;

        using var merged = await alice.SubmitAsync($"/desk/concerns/{id}/edit", mergeForm, Set(("Input.Heading", "Merged heading")));

        merged.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await App.LoadConcernAsync(id)).Heading.Should().Be("Merged heading");
    }

    [Fact]
    public async Task Editing_without_the_antiforgery_token_gives_400()
    {
        var world = await App.CreateWorldAsync();
        var (client, user) = await App.SignedInAsync(Roles.Staff);
        var id = await App.CreateConcernAsync(world, user.Id, "Kept");
        var rowVersion = (await App.LoadConcernAsync(id)).RowVersion;

        using var response = await client.ForgeAsync($"/desk/concerns/{id}/edit",
            [new("Input.Heading", "Replayed"), new("RowVersion", rowVersion.ToString(System.Globalization.CultureInfo.InvariantCulture))], withToken: false);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await App.LoadConcernAsync(id)).Heading.Should().Be("Kept");
    }

    [Fact]
    public async Task An_unknown_concern_gives_404()
    {
        var (client, _) = await App.SignedInAsync(Roles.Staff);

        (await client.GetStatusAsync("/desk/concerns/987654/edit")).Should().Be(HttpStatusCode.NotFound);
    }
}

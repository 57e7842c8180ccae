using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Briefings;
using ResolutionTracker.Domain.Concerns;
using ResolutionTracker.IntegrationTests.Fixture;
using ResolutionTracker.IntegrationTests.Pages.Desk.Concerns;
using ResolutionTracker.Web.Authorization;
using static ResolutionTracker.IntegrationTests.Pages.Desk.Briefings.BriefingKit;
using static ResolutionTracker.IntegrationTests.Pages.Desk.Concerns.ConcernKit;

namespace ResolutionTracker.IntegrationTests.Pages.Desk.Briefings;

// The composer at /desk/briefings/{id}.
public sealed class DetailTests(AppFactory app) : AppTest(app)
{
    [Fact]
    public async Task The_composer_counts_a_re_approved_concern_as_an_unpublished_change()
    {
        var world = await App.CreateWorldAsync();
        var (client, _) = await App.SignedInAsync(Roles.CoalitionLead);
        var concernId = await App.CreateApprovedConcernAsync(world, "Funding is left to States", world.Op1);
        var id = await App.CreateBriefingAsync(world);
        await App.AddConcernsAsync(id, concernId);
        (await client.PostFormAsync(PreviewUrl(id), "Publish")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await client.GetDocumentAsync(ComposerUrl(id))).QuerySelector(".composer-facts")!.TextContent.Should().Contain("no unpublished changes");

        // Revised and approved again: the briefing row is not touched, but its published text is out of date.
        App.Clock.Advance(TimeSpan.FromHours(1));
        await App.ApproveAgainAsync(concernId, "Funding is left to States alone");

        var facts = (await client.GetDocumentAsync(ComposerUrl(id))).QuerySelector(".composer-facts")!.TextContent;
        facts.Should().Contain("Unpublished changes").And.NotContain("no unpublished changes");
    }

    [Fact]
    public async Task A_lead_adds_approved_concerns_and_puts_them_in_order()
    {
        var world = await App.CreateWorldAsync();
        var (client, _) = await App.SignedInAsync(Roles.CoalitionLead);
        var first = await App.CreateApprovedConcernAsync(world, "Funding is left to States", world.Op1);
        var second = await App.CreateApprovedConcernAsync(world, "Access is never defined", world.Pp2);
        var id = await App.CreateBriefingAsync(world);
        var url = ComposerUrl(id);

        var page = await client.GetDocumentAsync(url);
        page.QuerySelectorAll(".composer-available .record-title").Select(e => e.TextContent.Trim())
            .Should().Equal("Funding is left to States", "Access is never defined");

        (await client.PostFormAsync(url, "AddConcern", "ConcernId", first)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await client.PostFormAsync(url, "AddConcern", "ConcernId", second)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await App.LoadBriefingAsync(id)).Concerns.OrderBy(c => c.Position).Select(c => c.ConcernId).Should().Equal(first, second);

        using var move = await client.PostFormAsync(url, "MoveConcern", "ConcernId", second);

        move.StatusCode.Should().Be(HttpStatusCode.Redirect);
        move.Headers.Location!.OriginalString.Should().EndWith("#concerns");
        (await App.LoadBriefingAsync(id)).Concerns.OrderBy(c => c.Position).Select(c => c.ConcernId).Should().Equal(second, first);
        var after = await client.GetDocumentAsync(url);
        after.StatusText().Should().Contain("moved to place 1");
        after.QuerySelectorAll(".composer-available li").Should().BeEmpty("both approved concerns are in the briefing");
    }

    [Theory]
    [InlineData(ConcernState.Draft)]
    [InlineData(ConcernState.InReview)]
    public async Task A_concern_that_is_not_approved_forged_into_Add_is_refused_and_nothing_is_saved(ConcernState state)
    {
        var world = await App.CreateWorldAsync();
        var (client, _) = await App.SignedInAsync(Roles.CoalitionLead);
        var author = await App.CreateUserAsync(Roles.Staff);
        var concern = await App.CreateConcernAsync(world, author.Id, "Not approved yet");
        if (state == ConcernState.InReview)
            await App.SubmitAsync(concern, author.Id);
        var id = await App.CreateBriefingAsync(world);
        var before = await App.LoadBriefingAsync(id);

        var page = await client.GetDocumentAsync(ComposerUrl(id));
        page.QuerySelectorAll($"input[name=ConcernId][value='{concern.S()}']").Should().BeEmpty("only approved concerns are offered");
        using var response = await client.ForgeAsync(ComposerUrl(id) + "?handler=AddConcern",
            [new("ConcernId", concern.S()), new("Version", before.RowVersion.ToString(CultureInfo.InvariantCulture))]);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ParseAsync()).AlertText().Should().Contain("Only an approved concern can join a briefing");
        var after = await App.LoadBriefingAsync(id);
        after.Concerns.Should().BeEmpty();
        after.RowVersion.Should().Be(before.RowVersion, "nothing was written");
    }

    [Fact]
    public async Task A_concern_of_another_resolution_cannot_be_added()
    {
        var world = await App.CreateWorldAsync();
        var (client, _) = await App.SignedInAsync(Roles.CoalitionLead);
        var id = await App.CreateBriefingAsync(world);
        var otherConcern = 0;
        var lead = await App.CreateUserAsync(Roles.CoalitionLead);
        await App.ExecuteAsync(async db =>
        {
            var other = await db.Resolutions.SingleAsync(r => r.Id == world.OtherResolutionId);
            var concern = new Concern(other, lead.Id, "About the other one", null, "Body.", Severity.Low, App.Clock.GetUtcNow());
            concern.Submit(new Actor(lead.Id, true), App.Clock.GetUtcNow());
            // Another lead approves it: a concern needs a reviewer other than its author.
            concern.Approve(new Actor("another-lead", true), App.Clock.GetUtcNow());
            db.Concerns.Add(concern);
            await db.SaveChangesAsync();
            otherConcern = concern.Id;
        });
        var version = (await App.LoadBriefingAsync(id)).RowVersion;

        using var response = await client.ForgeAsync(ComposerUrl(id) + "?handler=AddConcern",
            [new("ConcernId", otherConcern.S()), new("Version", version.ToString(CultureInfo.InvariantCulture))]);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await App.LoadBriefingAsync(id)).Concerns.Should().BeEmpty();
    }

    [Fact]
    public async Task Removing_a_concern_asks_once_then_takes_it_out_and_leaves_the_concern_alone()
    {
        var world = await App.CreateWorldAsync();
        var (client, _) = await App.SignedInAsync(Roles.CoalitionLead);
        var concern = await App.CreateApprovedConcernAsync(world, "Funding is left to States");
        var id = await App.CreateBriefingAsync(world);
        await App.AddConcernsAsync(id, concern);
        var page = await client.GetDocumentAsync(ComposerUrl(id));
        FormOf(page, "RemoveConcern", "ConcernId", concern).Closest("details").Should().NotBeNull("removing asks once");

        using var response = await client.PostFormAsync(ComposerUrl(id), "RemoveConcern", "ConcernId", concern);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await App.LoadBriefingAsync(id)).Concerns.Should().BeEmpty();
        (await App.LoadConcernAsync(concern)).State.Should().Be(ConcernState.Approved);
    }

    [Fact]
    public async Task Recommendations_are_added_edited_reordered_and_removed()
    {
        var world = await App.CreateWorldAsync();
        var (client, _) = await App.SignedInAsync(Roles.CoalitionLead);
        var id = await App.CreateBriefingAsync(world);
        var url = ComposerUrl(id);

        (await client.PostFormAsync(url, "AddRecommendation", set: Set(("Recommendation.Text", "Vote no on the draft."), ("Recommendation.AddressedTo", "Members of the Council"))))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await client.PostFormAsync(url, "AddRecommendation", set: Set(("Recommendation.Text", "Fund public libraries."), ("Recommendation.AddressedTo", ""))))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        var added = (await App.LoadBriefingAsync(id)).Recommendations.OrderBy(r => r.Position).ToList();
        added.Select(r => (r.Text, r.TargetGroup)).Should().Equal(("Vote no on the draft.", "Members of the Council"), ("Fund public libraries.", null));

        (await client.PostFormAsync(url, "EditRecommendation", "RecommendationId", added[1].Id,
            Set(("Recommendation.Text", "Fund public libraries properly."), ("Recommendation.AddressedTo", "All States")))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await client.PostFormAsync(url, "MoveRecommendation", "RecommendationId", added[1].Id)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var moved = (await App.LoadBriefingAsync(id)).Recommendations.OrderBy(r => r.Position).ToList();
        moved.Select(r => (r.Text, r.TargetGroup)).Should().Equal(("Fund public libraries properly.", "All States"), ("Vote no on the draft.", "Members of the Council"));

        (await client.PostFormAsync(url, "RemoveRecommendation", "RecommendationId", added[0].Id)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var left = (await App.LoadBriefingAsync(id)).Recommendations.Should().ContainSingle().Subject;
        left.Position.Should().Be(1);
        left.Text.Should().Be("Fund public libraries properly.");
    }

    [Fact]
    public async Task A_recommendation_without_text_is_refused_and_the_form_keeps_what_was_typed()
    {
        var world = await App.CreateWorldAsync();
        var (client, _) = await App.SignedInAsync(Roles.CoalitionLead);
        var id = await App.CreateBriefingAsync(world);

        using var response = await client.PostFormAsync(ComposerUrl(id), "AddRecommendation",
            set: Set(("Recommendation.Text", "  "), ("Recommendation.AddressedTo", "Members of the Council")));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var page = await response.ParseAsync();
        page.AlertText().Should().Contain("Write the recommendation");
        ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#rec-to-new")!).Value.Should().Be("Members of the Council");
        (await App.LoadBriefingAsync(id)).Recommendations.Should().BeEmpty();
    }

    [Fact]
    public async Task Signatories_are_added_from_ngos_in_order_and_reordered()
    {
        var world = await App.CreateWorldAsync();
        var (client, _) = await App.SignedInAsync(Roles.CoalitionLead);
        var ishr = await App.CreateOrganisationAsync("International Service for Human Rights", OrganisationKind.Ngo, "ISHR");
        var nhri = await App.CreateOrganisationAsync("Danish Institute for Human Rights", OrganisationKind.Nhri);
        var state = await App.CreateOrganisationAsync("Norway", OrganisationKind.State);
        var id = await App.CreateBriefingAsync(world);
        var url = ComposerUrl(id);
        var page = await client.GetDocumentAsync(url);
        page.QuerySelectorAll("#OrganisationId option").Select(o => o.GetAttribute("value")).Should().BeEquivalentTo([ishr.S(), nhri.S()], "states are not offered");
        var found = await client.GetDocumentAsync(url + "?find=ishr");
        found.QuerySelectorAll("#OrganisationId option").Select(o => o.GetAttribute("value")).Should().Equal(ishr.S());

        (await client.PostFormAsync(url, "AddSignatory", set: Set(("OrganisationId", ishr.S())))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await client.PostFormAsync(url, "AddSignatory", set: Set(("OrganisationId", nhri.S())))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await client.PostFormAsync(url, "MoveSignatory", "OrganisationId", nhri)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await App.LoadBriefingAsync(id)).Signatories.OrderBy(s => s.Position).Select(s => s.OrganisationId).Should().Equal(nhri, ishr);
        _ = state;
    }

    [Fact]
    public async Task A_state_forged_in_as_a_signatory_is_refused_with_400_and_nothing_saved()
    {
        var world = await App.CreateWorldAsync();
        var (client, _) = await App.SignedInAsync(Roles.CoalitionLead);
        await App.CreateOrganisationAsync("Amnesty International", OrganisationKind.Ngo);
        var state = await App.CreateOrganisationAsync("Norway", OrganisationKind.State);
        var id = await App.CreateBriefingAsync(world);

        using var response = await client.PostFormAsync(ComposerUrl(id), "AddSignatory", set: Set(("OrganisationId", state.S())));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ParseAsync()).AlertText().Should().Contain("States do not sign a coalition briefing");
        (await App.LoadBriefingAsync(id)).Signatories.Should().BeEmpty();
    }

    [Fact]
    public async Task Briefing_notes_are_added_with_citations_edited_reordered_and_removed()
    {
        var world = await App.CreateWorldAsync();
        var (client, _) = await App.SignedInAsync(Roles.CoalitionLead);
        var id = await App.CreateBriefingAsync(world);
        var url = ComposerUrl(id);

        (await client.PostFormAsync(url, "AddFootnote", set: Set(("Input.Text", "Signed by 2 organisations."), ("Input.Symbols", "A/HRC/RES/37/23"),
            ("Input.Urls", "https://www.ishr.ch/ ISHR")))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await client.PostFormAsync(url, "AddFootnote", set: Set(("Input.Text", "Second note.")))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var notes = (await App.LoadBriefingAsync(id)).Footnotes.OrderBy(f => f.Position).ToList();
        notes.Select(f => f.Text).Should().Equal("Signed by 2 organisations.", "Second note.");
        notes[0].Citations.OrderBy(c => c.Position).Select(c => (c.Symbol, c.Url, c.Label)).Should().Equal(
            ("A/HRC/RES/37/23", null, null), (null, "https://www.ishr.ch/", "ISHR"));

        (await client.PostFormAsync(url, "EditFootnote", "FootnoteId", notes[1].Id, Set(("Input.Text", "Second note, edited."), ("Input.Symbols", "A/RES/60/251"))))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await client.PostFormAsync(url, "MoveFootnote", "FootnoteId", notes[1].Id)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var moved = (await App.LoadBriefingAsync(id)).Footnotes.OrderBy(f => f.Position).ToList();
        moved.Select(f => f.Text).Should().Equal("Second note, edited.", "Signed by 2 organisations.");
        moved[0].Citations.Should().ContainSingle().Which.Symbol.Should().Be("A/RES/60/251");

        (await client.PostFormAsync(url, "RemoveFootnote", "FootnoteId", notes[0].Id)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var left = (await App.LoadBriefingAsync(id)).Footnotes.Should().ContainSingle().Subject;
        left.Text.Should().Be("Second note, edited.");
        left.Position.Should().Be(1);
    }

    [Fact]
    public async Task A_note_address_that_is_not_a_web_address_is_refused()
    {
        var world = await App.CreateWorldAsync();
        var (client, _) = await App.SignedInAsync(Roles.CoalitionLead);
        var id = await App.CreateBriefingAsync(world);

        using var response = await client.PostFormAsync(ComposerUrl(id), "AddFootnote", set: Set(("Input.Text", "A note."), ("Input.Urls", "javascript:alert(1)")));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ParseAsync()).AlertText().Should().Contain("must start with http:// or https://");
        (await App.LoadBriefingAsync(id)).Footnotes.Should().BeEmpty();
    }

    [Fact]
    public async Task Editing_the_header_saves_it_and_an_empty_title_is_refused()
    {
        var world = await App.CreateWorldAsync();
        var (client, _) = await App.SignedInAsync(Roles.CoalitionLead);
        var id = await App.CreateBriefingAsync(world);

        using var empty = await client.PostFormAsync(ComposerUrl(id), "Edit", set: Set(("Header.Title", "")));
        empty.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await empty.ParseAsync()).AlertText().Should().Contain("Give the briefing a title");

        using var saved = await client.PostFormAsync(ComposerUrl(id), "Edit",
            set: Set(("Header.Title", "Libraries: what is wrong"), ("Header.Stance", "SupportWithAmendments"), ("Header.Introduction", "New *introduction*.")));
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var briefing = await App.LoadBriefingAsync(id);
        briefing.Title.Should().Be("Libraries: what is wrong");
        briefing.Stance.Should().Be(BriefingStance.SupportWithAmendments);
        briefing.Introduction.Should().Be("New *introduction*.");
        briefing.Slug.Should().Be("a-hrc-98-l-7-public-libraries-key-concerns", "the address does not follow the title");
    }

    [Fact]
    public async Task The_second_of_two_header_edits_gets_409_with_both_versions()
    {
        var world = await App.CreateWorldAsync();
        var (alice, _) = await App.SignedInAsync(Roles.CoalitionLead);
        var (bob, _) = await App.SignedInAsync(Roles.Admin);
        var id = await App.CreateBriefingAsync(world);
        var alicesForm = FormOf(await alice.GetDocumentAsync(ComposerUrl(id)), "Edit");
        var bobsForm = FormOf(await bob.GetDocumentAsync(ComposerUrl(id)), "Edit");

        using var first = await alice.SubmitAsync(ComposerUrl(id), alicesForm, Set(("Header.Title", "Alice's title")));
        using var second = await bob.SubmitAsync(ComposerUrl(id), bobsForm, Set(("Header.Title", "Bob's title")));

        first.StatusCode.Should().Be(HttpStatusCode.Redirect);
        second.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var page = await second.ParseAsync();
        var row = page.QuerySelectorAll(".conflict-notice tr").Single(r => r.QuerySelector("th")!.TextContent == "Title");
        row.QuerySelectorAll("td").Select(td => td.TextContent).Should().Equal("Alice's title", "Bob's title");
        ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#Header_Title")!).Value.Should().Be("Bob's title", "the form keeps what Bob typed");
        (await App.LoadBriefingAsync(id)).Title.Should().Be("Alice's title");

        using var again = await bob.SubmitAsync(ComposerUrl(id), FormOf(page, "Edit"));
        again.StatusCode.Should().Be(HttpStatusCode.Redirect, "the second save, after seeing both, goes through");
        (await App.LoadBriefingAsync(id)).Title.Should().Be("Bob's title");
    }

    [Fact]
    public async Task A_reorder_from_a_page_that_is_out_of_date_gets_409_and_changes_nothing()
    {
        var world = await App.CreateWorldAsync();
        var (client, _) = await App.SignedInAsync(Roles.CoalitionLead);
        var first = await App.CreateApprovedConcernAsync(world, "First");
        var second = await App.CreateApprovedConcernAsync(world, "Second");
        var id = await App.CreateBriefingAsync(world);
        await App.AddConcernsAsync(id, first, second);
        var stale = FormOf(await client.GetDocumentAsync(ComposerUrl(id)), "MoveConcern", "ConcernId", second);
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        await App.ChangeBriefingAsync(id, b => b.Edit("Changed in another tab", b.Introduction, b.Stance, b.PositionStatement, App.Clock.GetUtcNow()));

        using var response = await client.SubmitAsync(ComposerUrl(id), stale);

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await response.ParseAsync()).AlertText().Should().Contain("Someone changed this briefing");
        (await App.LoadBriefingAsync(id)).Concerns.OrderBy(c => c.Position).Select(c => c.ConcernId).Should().Equal(first, second);
    }

    [Fact]
    public async Task A_concern_withdrawn_after_approval_is_flagged_with_a_warning()
    {
        var world = await App.CreateWorldAsync();
        var (client, lead) = await App.SignedInAsync(Roles.CoalitionLead);
        var kept = await App.CreateApprovedConcernAsync(world, "Kept");
        var withdrawn = await App.CreateApprovedConcernAsync(world, "Withdrawn later");
        var id = await App.CreateBriefingAsync(world);
        await App.AddConcernsAsync(id, kept, withdrawn);
        await App.ActOnConcernAsync(withdrawn, (c, now) => c.Withdraw(new Actor(lead.Id, true), now));

        var page = await client.GetDocumentAsync(ComposerUrl(id));

        page.QuerySelector(".composer-warnings")!.TextContent.Should().Contain("“Withdrawn later” was withdrawn and is left out.");
        page.QuerySelector($"#concern-{withdrawn} .composer-left-out").Should().NotBeNull();
        _ = kept;
    }

    [Fact]
    public async Task An_unknown_briefing_is_404()
    {
        var (client, _) = await App.SignedInAsync(Roles.CoalitionLead);

        (await client.GetStatusAsync("/desk/briefings/999999")).Should().Be(HttpStatusCode.NotFound);
        (await client.GetStatusAsync("/desk/briefings/999999/preview")).Should().Be(HttpStatusCode.NotFound);
    }
}

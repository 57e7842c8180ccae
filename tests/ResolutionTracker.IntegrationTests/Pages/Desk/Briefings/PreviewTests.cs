using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Concerns;
using ResolutionTracker.IntegrationTests.Fixture;
using ResolutionTracker.IntegrationTests.Pages.Desk.Concerns;
using ResolutionTracker.Web.Authorization;
using ResolutionTracker.Web.Briefings;
using static ResolutionTracker.IntegrationTests.Pages.Desk.Briefings.BriefingKit;
using static ResolutionTracker.IntegrationTests.Pages.Desk.Concerns.ConcernKit;

namespace ResolutionTracker.IntegrationTests.Pages.Desk.Briefings;

// The preview at /desk/briefings/{id}/preview and its Publish step.
public sealed class PreviewTests(AppFactory app) : AppTest(app)
{
    // A briefing with one approved concern (with a note), a recommendation, a signatory and a note of its own.
    private async Task<(int Id, int ConcernId)> ComposedAsync(ConcernWorld world)
    {
        var concern = await App.CreateApprovedConcernAsync(world, "Funding is left to States", world.Op1);
        await App.ExecuteAsync(async db =>
        {
            var c = await db.Concerns.Include(x => x.Footnotes).SingleAsync(x => x.Id == concern);
            // A note added to an approved concern starts revision 2; the briefing keeps using revision 1's text.
            c.AddFootnote(new Actor("lead", true), "The concern's own note.", [new CitationInput("A/HRC/RES/37/23", null)], App.Clock.GetUtcNow());
        });
        var ngo = await App.CreateOrganisationAsync("International Service for Human Rights", OrganisationKind.Ngo, "ISHR");
        var id = await App.CreateBriefingAsync(world);
        await App.AddConcernsAsync(id, concern);
        await App.ExecuteAsync(async db =>
        {
            var b = await db.Briefings.Include(x => x.Footnotes).Include(x => x.Signatories).Include(x => x.Recommendations).SingleAsync(x => x.Id == id);
            b.AddRecommendation("Vote no.", "Members of the Council");
            b.AddSignatory(await db.Organisations.SingleAsync(o => o.Id == ngo));
            b.AddFootnote("Signed by ISHR.");
        });
        return (id, concern);
    }

    [Fact]
    public async Task The_preview_renders_the_document_with_the_public_partial_and_offers_publish_once()
    {
        var world = await App.CreateWorldAsync();
        var (client, _) = await App.SignedInAsync(Roles.CoalitionLead);
        var (id, _) = await ComposedAsync(world);

        var page = await client.GetDocumentAsync(PreviewUrl(id));

        page.QuerySelector("article.briefing-doc h1")!.TextContent.Should().Be(Title);
        page.QuerySelector(".preview-banner")!.TextContent.Should().Contain("Preview of version 1, not published");
        page.QuerySelector("#concern-1")!.TextContent.Should().Contain("Funding is left to States");
        FormOf(page, "Publish").Closest("details").Should().NotBeNull("publishing asks once");
    }

    [Fact]
    public async Task The_preview_says_not_yet_published_where_the_public_page_gives_its_date()
    {
        var world = await App.CreateWorldAsync();
        var (client, _) = await App.SignedInAsync(Roles.CoalitionLead);
        var (id, _) = await ComposedAsync(world);

        var meta = (await client.GetDocumentAsync(PreviewUrl(id))).QuerySelector("article.briefing-doc .briefing-doc-meta")!;

        meta.TextContent.Should().Contain("Not yet published");
        meta.TextContent.Should().NotContain("Published");
        meta.QuerySelector("time").Should().BeNull();
    }

    [Fact]
    public async Task After_publishing_the_public_page_gives_the_date_and_the_snapshot_carries_no_preview_flag()
    {
        var world = await App.CreateWorldAsync();
        var (client, _) = await App.SignedInAsync(Roles.CoalitionLead);
        var (id, _) = await ComposedAsync(world);
        (await client.PostFormAsync(PreviewUrl(id), "Publish")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var briefing = await App.LoadBriefingAsync(id);
        var content = briefing.Snapshots.Single().Content;

        var meta = (await App.CreateClient().GetDocumentAsync("/briefings/" + briefing.Slug)).QuerySelector("article.briefing-doc .briefing-doc-meta")!;

        meta.TextContent.Should().Contain("Published").And.NotContain("Not yet published");
        meta.QuerySelector("time")!.GetAttribute("datetime").Should().Be(App.Clock.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        content.Should().NotContainEquivalentOf("isPreview");
        BriefingDocument.FromJson(content).IsPreview.Should().BeFalse();
        (await client.GetDocumentAsync(PreviewUrl(id))).QuerySelector(".briefing-doc-meta")!.TextContent.Should().Contain("Not yet published",
            "a preview after publication is still of a version not published");
    }

    [Fact]
    public async Task After_publishing_the_preview_says_whether_anything_changed_even_when_only_a_concern_was_revised()
    {
        var world = await App.CreateWorldAsync();
        var (client, _) = await App.SignedInAsync(Roles.CoalitionLead);
        var (id, concernId) = await ComposedAsync(world);
        (await client.PostFormAsync(PreviewUrl(id), "Publish")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await client.GetDocumentAsync(PreviewUrl(id))).QuerySelector(".preview-banner")!.TextContent
            .Should().Contain("nothing has changed since");

        // The concern's revision 2 (its new note) is approved: the briefing row is untouched, yet publishing now
        // would show the public something new.
        App.Clock.Advance(TimeSpan.FromHours(1));
        await App.ExecuteAsync(async db =>
        {
            var c = await db.Concerns.Include(x => x.Revisions).SingleAsync(x => x.Id == concernId);
            c.Submit(new Actor(c.AuthorId, false), App.Clock.GetUtcNow());
            c.Approve(new Actor("another-lead", true), App.Clock.GetUtcNow());
        });

        var banner = (await client.GetDocumentAsync(PreviewUrl(id))).QuerySelector(".preview-banner")!.TextContent;
        banner.Should().Contain("this preview includes the changes made since").And.NotContain("nothing has changed since");
    }

    [Fact]
    public async Task The_preview_marks_the_briefings_own_note_before_any_concerns_note()
    {
        var world = await App.CreateWorldAsync();
        var (client, _) = await App.SignedInAsync(Roles.CoalitionLead);
        var (id, _) = await ComposedAsync(world);

        var page = await client.GetDocumentAsync(PreviewUrl(id));

        var markers = page.QuerySelectorAll("article.briefing-doc sup.note-ref a").ToList();
        markers.Select(m => m.TextContent).Should().Equal("1", "2");
        markers[0].Closest("section.briefing-position").Should().NotBeNull("the position has no \"our organisations\", so note 1 ends its first paragraph");
        page.QuerySelector("#signatories-heading sup").Should().BeNull();
    }

    [Fact]
    public async Task Publishing_without_an_approved_concern_is_refused_with_a_clear_message()
    {
        var world = await App.CreateWorldAsync();
        var (client, _) = await App.SignedInAsync(Roles.CoalitionLead);
        var id = await App.CreateBriefingAsync(world);
        var page = await client.GetDocumentAsync(PreviewUrl(id));
        page.Forms.Where(f => (f.GetAttribute("action") ?? "").Contains("handler=Publish", StringComparison.Ordinal)).Should().BeEmpty();
        var version = (await App.LoadBriefingAsync(id)).RowVersion;

        using var response = await client.ForgeAsync(PreviewUrl(id) + "?handler=Publish", [new("Version", version.ToString(CultureInfo.InvariantCulture))]);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ParseAsync()).AlertText().Should().Contain("needs at least one approved concern before it can be published");
        var briefing = await App.LoadBriefingAsync(id);
        briefing.Snapshots.Should().BeEmpty();
        briefing.Status.Should().Be(BriefingStatus.Draft);
    }

    [Fact]
    public async Task Publishing_stores_the_document_as_snapshot_1_with_the_briefings_own_notes_first()
    {
        var world = await App.CreateWorldAsync();
        var (client, _) = await App.SignedInAsync(Roles.CoalitionLead);
        var (id, concernId) = await ComposedAsync(world);

        using var response = await client.PostFormAsync(PreviewUrl(id), "Publish");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be(ComposerUrl(id));
        var composer = await client.GetDocumentAsync(ComposerUrl(id));
        composer.StatusText().Should().Contain("Published version 1: /briefings/a-hrc-98-l-7-public-libraries-key-concerns");
        var briefing = await App.LoadBriefingAsync(id);
        briefing.Status.Should().Be(BriefingStatus.Published);
        briefing.HasUnpublishedChanges.Should().BeFalse();
        var snapshot = briefing.Snapshots.Should().ContainSingle().Subject;
        snapshot.Number.Should().Be(1);
        var document = BriefingDocument.FromJson(snapshot.Content);
        BriefingDocument.FromJson(document.ToJson()).Should().BeEquivalentTo(document, "the stored document round-trips");
        document.Title.Should().Be(Title);
        document.Number.Should().Be(1);
        document.Concerns.Should().ContainSingle().Which.ConcernId.Should().Be(concernId);
        document.Notes.Select(n => (n.Number, n.Text)).Should().Equal((1, "Signed by ISHR."), (2, "The concern's own note."));
        document.NoteNumbers.Should().Equal(1);
        document.Concerns[0].NoteNumbers.Should().Equal(2);
        document.Signatories.Should().ContainSingle().Which.ShortName.Should().Be("ISHR");
        document.Recommendations.Should().ContainSingle().Which.AddressedTo.Should().Be("Members of the Council");
    }

    [Fact]
    public async Task An_edit_after_publishing_leaves_the_snapshot_unchanged_until_it_is_published_again_as_version_2()
    {
        var world = await App.CreateWorldAsync();
        var (client, _) = await App.SignedInAsync(Roles.CoalitionLead);
        var (id, concernId) = await ComposedAsync(world);
        (await client.PostFormAsync(PreviewUrl(id), "Publish")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var published = (await App.LoadBriefingAsync(id)).Snapshots.Single();

        App.Clock.Advance(TimeSpan.FromMinutes(5));
        (await client.PostFormAsync(ComposerUrl(id), "Edit", set: Set(("Header.Title", "A new title")))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await client.PostFormAsync(ComposerUrl(id), "AddRecommendation", set: Set(("Recommendation.Text", "A second ask.")))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        await App.ActOnConcernAsync(concernId, (c, now) => c.Edit(new Actor("lead", true), "A heading changed after publication", c.Summary, c.Body, c.Severity, now));

        var edited = await App.LoadBriefingAsync(id);
        edited.HasUnpublishedChanges.Should().BeTrue();
        var snapshot = edited.Snapshots.Should().ContainSingle().Subject;
        snapshot.Content.Should().Be(published.Content, "a published snapshot never changes");
        var first = BriefingDocument.FromJson(snapshot.Content);
        first.Title.Should().Be(Title);
        first.Concerns.Single().Heading.Should().Be("Funding is left to States");
        first.Recommendations.Should().ContainSingle();
        (await client.GetDocumentAsync("/desk/briefings")).QuerySelector(".briefing-unpublished").Should().NotBeNull();

        App.Clock.Advance(TimeSpan.FromMinutes(5));
        (await client.PostFormAsync(PreviewUrl(id), "Publish")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var republished = await App.LoadBriefingAsync(id);
        republished.HasUnpublishedChanges.Should().BeFalse();
        republished.Snapshots.Select(s => s.Number).Should().BeEquivalentTo([1, 2]);
        republished.Snapshots.Single(s => s.Number == 1).Content.Should().Be(published.Content);
        var second = BriefingDocument.FromJson(republished.Snapshots.Single(s => s.Number == 2).Content);
        second.Number.Should().Be(2);
        second.Title.Should().Be("A new title");
        second.Recommendations.Should().HaveCount(2);
        second.Concerns.Single().Heading.Should().Be("Funding is left to States", "the concern's edit is not approved, so its approved revision is published");
    }

    [Fact]
    public async Task Publishing_from_a_preview_that_is_out_of_date_gets_409_and_publishes_nothing()
    {
        var world = await App.CreateWorldAsync();
        var (client, _) = await App.SignedInAsync(Roles.CoalitionLead);
        var (id, _) = await ComposedAsync(world);
        var stale = FormOf(await client.GetDocumentAsync(PreviewUrl(id)), "Publish");
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        await App.ChangeBriefingAsync(id, b => b.Edit("Changed meanwhile", b.Introduction, b.Stance, b.PositionStatement, App.Clock.GetUtcNow()));

        using var response = await client.SubmitAsync(PreviewUrl(id), stale);

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await response.ParseAsync()).QuerySelector("article.briefing-doc h1")!.TextContent.Should().Be("Changed meanwhile");
        (await App.LoadBriefingAsync(id)).Snapshots.Should().BeEmpty();
    }
}

using ResolutionTracker.IntegrationTests.Fixture;
using ResolutionTracker.IntegrationTests.Pages.Desk.Concerns;
using ResolutionTracker.Web.Authorization;

namespace ResolutionTracker.IntegrationTests.Pages.Desk;

public sealed class IndexTests(AppFactory app) : AppTest(app)
{
    [Fact]
    public async Task My_desk_sorts_my_concerns_into_sent_back_drafts_and_in_review()
    {
        var world = await App.CreateWorldAsync();
        var (client, user) = await App.SignedInAsync(Roles.Staff);
        var lead = await App.CreateUserAsync(Roles.CoalitionLead);
        await App.CreateConcernAsync(world, user.Id, "My draft");
        var inReview = await App.CreateConcernAsync(world, user.Id, "Waiting for the lead");
        await App.SubmitAsync(inReview, user.Id);
        var sentBack = await App.CreateConcernAsync(world, user.Id, "Sent back to me");
        await App.SubmitAsync(sentBack, user.Id);
        await App.SendBackAsync(sentBack, lead.Id, "Add the source for the figures.");
        await App.CreateConcernAsync(world, lead.Id, "The lead's own draft");

        var page = await client.GetDocumentAsync("/desk");

        Section(page, "sent-back-heading").QuerySelector(".record-title")!.TextContent.Should().Be("Sent back to me");
        Section(page, "sent-back-heading").QuerySelector(".concern-state")!.TextContent.Should().Be("Sent back for changes");
        Section(page, "sent-back-heading").QuerySelector(".sent-back-comment")!.TextContent.Should().Contain("Add the source for the figures.");
        Section(page, "drafts-heading").QuerySelectorAll(".record-title").Select(t => t.TextContent).Should().Equal("My draft");
        Section(page, "in-review-heading").QuerySelectorAll(".record-title").Select(t => t.TextContent).Should().Equal("Waiting for the lead");
        page.QuerySelector(".desk-queue").Should().BeNull("staff have no review queue");
    }

    [Fact]
    public async Task A_lead_sees_how_many_concerns_wait_for_review()
    {
        var world = await App.CreateWorldAsync();
        var (client, _) = await App.SignedInAsync(Roles.CoalitionLead);
        var author = await App.CreateUserAsync(Roles.Staff);
        foreach (var heading in new[] { "One", "Two" })
        {
            var id = await App.CreateConcernAsync(world, author.Id, heading);
            await App.SubmitAsync(id, author.Id);
        }

        var page = await client.GetDocumentAsync("/desk");

        var link = page.QuerySelector(".desk-queue a[href='/desk/review']")!;
        link.TextContent.Should().Be("2 concerns waiting for review");
    }

    [Fact]
    public async Task Shows_the_ten_newest_annotations_with_links_to_their_paragraphs()
    {
        var world = await App.CreateWorldAsync();
        var (client, user) = await App.SignedInAsync(Roles.Staff);
        var start = App.Clock.GetUtcNow();
        for (var i = 1; i <= 12; i++)
            await App.AddAnnotationAsync(world.Op1, user.Id, $"Note {i}", start.AddMinutes(i));

        var page = await client.GetDocumentAsync("/desk");

        var notes = page.QuerySelectorAll(".annotation-list > li").ToList();
        notes.Should().HaveCount(10);
        notes[0].TextContent.Should().Contain("Note 12");
        notes.Select(n => n.TextContent).Should().NotContain(t => t.Contains("Note 2\n", StringComparison.Ordinal) || t.EndsWith("Note 1", StringComparison.Ordinal));
        notes[0].QuerySelector("a")!.GetAttribute("href").Should().Be($"/desk/resolutions/{world.ResolutionId}#op1");
    }

    [Fact]
    public async Task A_new_user_sees_what_to_do_next_in_every_section()
    {
        var (client, _) = await App.SignedInAsync(Roles.Staff);

        var page = await client.GetDocumentAsync("/desk");

        page.QuerySelectorAll(".desk-grid .empty-state").Should().HaveCount(4);
        page.QuerySelector("a[href='/desk/concerns/new']").Should().NotBeNull();
    }

    private static AngleSharp.Dom.IElement Section(AngleSharp.Html.Dom.IHtmlDocument page, string headingId) =>
        page.QuerySelector($"section[aria-labelledby='{headingId}']")!;
}

using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Concerns;
using ResolutionTracker.IntegrationTests.Fixture;
using ResolutionTracker.Web.Authorization;
using static ResolutionTracker.IntegrationTests.Pages.Desk.Concerns.ConcernKit;

namespace ResolutionTracker.IntegrationTests.Pages.Desk.Concerns;

public sealed class FootnotesTests(AppFactory app) : AppTest(app)
{
    private const string AddForm = "form[action*='handler=Add']";

    [Fact]
    public async Task Adding_a_footnote_saves_its_text_symbols_and_labelled_addresses()
    {
        var world = await App.CreateWorldAsync();
        var (client, user) = await App.SignedInAsync(Roles.Staff);
        var id = await App.CreateConcernAsync(world, user.Id);

        using var response = await client.SubmitAsync(Url(id), AddForm, Set(
            ("Input.Text", "Resolution 37/23, adopted by a recorded vote."),
            ("Input.Symbols", "A/HRC/RES/37/23\n\nA/RES/60/251"),
            ("Input.Urls", "https://ap.ohchr.org/documents/dpage_e.aspx?si=A/HRC/RES/37/23 Resolution 37/23 on the OHCHR site\nhttps://undocs.org/A/RES/72/247")));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var footnote = (await App.LoadConcernAsync(id)).Footnotes.Should().ContainSingle().Subject;
        footnote.Text.Should().Be("Resolution 37/23, adopted by a recorded vote.");
        footnote.Position.Should().Be(1);
        footnote.Citations.OrderBy(c => c.Position).Select(c => (c.Symbol, c.Url, c.Label)).Should().Equal(
            ("A/HRC/RES/37/23", null, null),
            ("A/RES/60/251", null, null),
            (null, "https://ap.ohchr.org/documents/dpage_e.aspx?si=A/HRC/RES/37/23", "Resolution 37/23 on the OHCHR site"),
            (null, "https://undocs.org/A/RES/72/247", null));
        var page = await client.GetDocumentAsync(Url(id));
        page.QuerySelectorAll(".footnote-item a[href]").Select(a => a.GetAttribute("href"))
            .Should().Contain("https://undocs.org/en/A/HRC/RES/37/23");
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://example.org/file.pdf")]
    [InlineData("www.ohchr.org/no-scheme")]
    public async Task A_footnote_address_that_is_not_http_or_https_is_refused_and_nothing_is_saved(string address)
    {
        var world = await App.CreateWorldAsync();
        var (client, user) = await App.SignedInAsync(Roles.Staff);
        var id = await App.CreateConcernAsync(world, user.Id);

        using var response = await client.SubmitAsync(Url(id), AddForm, Set(("Input.Text", "A note."), ("Input.Urls", address + " Label")));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var page = await response.ParseAsync();
        page.AlertText().Should().Contain("must start with http:// or https://");
        ((IHtmlTextAreaElement)page.QuerySelector("#urls-new")!).Value.Should().Contain(address, "the form keeps what was typed");
        (await App.LoadConcernAsync(id)).Footnotes.Should().BeEmpty();
    }

    [Fact]
    public async Task A_footnote_without_text_is_refused()
    {
        var world = await App.CreateWorldAsync();
        var (client, user) = await App.SignedInAsync(Roles.Staff);
        var id = await App.CreateConcernAsync(world, user.Id);

        using var response = await client.SubmitAsync(Url(id), AddForm, Set(("Input.Text", ""), ("Input.Symbols", "A/HRC/RES/37/23")));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ParseAsync()).AlertText().Should().Contain("Write the footnote's text");
        (await App.LoadConcernAsync(id)).Footnotes.Should().BeEmpty();
    }

    [Fact]
    public async Task Editing_a_footnote_replaces_its_text_and_citations()
    {
        var world = await App.CreateWorldAsync();
        var (client, user) = await App.SignedInAsync(Roles.Staff);
        var id = await App.CreateConcernAsync(world, user.Id);
        var footnoteId = await AddFootnoteAsync(id, user.Id, "Old text", new CitationInput("A/HRC/RES/37/23", null));

        using var response = await client.SubmitAsync(Url(id), $"#footnote-{footnoteId} form[action*='handler=Edit']",
            Set(("Input.Text", "New text"), ("Input.Symbols", "A/RES/60/251"), ("Input.Urls", "")));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var footnote = (await App.LoadConcernAsync(id)).Footnotes.Single();
        footnote.Text.Should().Be("New text");
        footnote.Citations.Should().ContainSingle().Which.Symbol.Should().Be("A/RES/60/251");
    }

    [Fact]
    public async Task Moving_a_footnote_down_swaps_it_with_the_next_one()
    {
        var world = await App.CreateWorldAsync();
        var (client, user) = await App.SignedInAsync(Roles.Staff);
        var id = await App.CreateConcernAsync(world, user.Id);
        var first = await AddFootnoteAsync(id, user.Id, "First");
        var second = await AddFootnoteAsync(id, user.Id, "Second");
        var third = await AddFootnoteAsync(id, user.Id, "Third");
        var page = await client.GetDocumentAsync(Url(id));
        page.QuerySelectorAll($"#footnote-{first} form[action*='handler=Move']").Should().ContainSingle("the first footnote can only move down");

        using var response = await client.SubmitAsync(Url(id), $"#footnote-{first} form[action*='handler=Move']");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await App.LoadConcernAsync(id)).Footnotes.OrderBy(f => f.Position).Select(f => f.Id).Should().Equal(second, first, third);
    }

    [Fact]
    public async Task Removing_a_footnote_asks_once_then_deletes_it_and_renumbers_the_rest()
    {
        var world = await App.CreateWorldAsync();
        var (client, user) = await App.SignedInAsync(Roles.Staff);
        var id = await App.CreateConcernAsync(world, user.Id);
        var first = await AddFootnoteAsync(id, user.Id, "First", new CitationInput(null, "https://www.ohchr.org/"));
        var second = await AddFootnoteAsync(id, user.Id, "Second");
        var page = await client.GetDocumentAsync(Url(id));
        page.QuerySelector($"#footnote-{first} form[action*='handler=Remove']")!.Closest("details").Should().NotBeNull("removing asks once");

        using var response = await client.SubmitAsync(Url(id), $"#footnote-{first} form[action*='handler=Remove']");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var left = (await App.LoadConcernAsync(id)).Footnotes.Should().ContainSingle().Subject;
        left.Id.Should().Be(second);
        left.Position.Should().Be(1);
        (await App.QueryAsync(db => db.Citations.CountAsync())).Should().Be(0);
    }

    [Fact]
    public async Task The_second_of_two_edits_of_the_same_footnote_gets_409_with_both_texts()
    {
        var world = await App.CreateWorldAsync();
        var (alice, user) = await App.SignedInAsync(Roles.Staff);
        var (lead, _) = await App.SignedInAsync(Roles.CoalitionLead);
        var id = await App.CreateConcernAsync(world, user.Id);
        var footnoteId = await AddFootnoteAsync(id, user.Id, "Original note");
        var selector = $"#footnote-{footnoteId} form[action*='handler=Edit']";
        var alicesForm = (IHtmlFormElement)(await alice.GetDocumentAsync(Url(id))).QuerySelector(selector)!;
        var leadsForm = (IHtmlFormElement)(await lead.GetDocumentAsync(Url(id))).QuerySelector(selector)!;

        using var first = await alice.SubmitAsync(Url(id), alicesForm, Set(("Input.Text", "Alice's note")));
        using var second = await lead.SubmitAsync(Url(id), leadsForm, Set(("Input.Text", "The lead's note")));

        first.StatusCode.Should().Be(HttpStatusCode.Redirect);
        second.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var page = await second.ParseAsync();
        var row = page.QuerySelectorAll(".conflict-notice tr").Single(r => r.QuerySelector("th")!.TextContent == "Text");
        row.QuerySelectorAll("td").Select(td => td.TextContent).Should().Equal("Alice's note", "The lead's note");
        (await App.LoadConcernAsync(id)).Footnotes.Single().Text.Should().Be("Alice's note");
    }

    [Fact]
    public async Task Another_staff_member_cannot_open_the_footnotes_nor_add_one_by_a_forged_post()
    {
        var world = await App.CreateWorldAsync();
        var author = await App.CreateUserAsync(Roles.Staff);
        var (other, _) = await App.SignedInAsync(Roles.Staff);
        var id = await App.CreateConcernAsync(world, author.Id);

        using var get = await other.GetAsync(new Uri(Url(id), UriKind.Relative));
        using var post = await other.ForgeAsync(Url(id) + "?handler=Add", [new("Input.Text", "Planted")]);

        get.ShouldBeForbidden();
        post.ShouldBeForbidden();
        (await App.LoadConcernAsync(id)).Footnotes.Should().BeEmpty();
    }

    [Fact]
    public async Task A_footnote_of_another_concern_cannot_be_removed_through_this_one()
    {
        var world = await App.CreateWorldAsync();
        var (client, user) = await App.SignedInAsync(Roles.Staff);
        var mine = await App.CreateConcernAsync(world, user.Id, "Mine");
        var theirs = await App.CreateConcernAsync(world, (await App.CreateUserAsync(Roles.Staff)).Id, "Theirs");
        var theirFootnote = await AddFootnoteAsync(theirs, null, "Their note");
        var rowVersion = await App.QueryAsync(db => db.Footnotes.Where(f => f.Id == theirFootnote).Select(f => f.RowVersion).SingleAsync());

        using var response = await client.ForgeAsync(Url(mine) + "?handler=Remove",
            [new("Input.FootnoteId", theirFootnote.S()), new("Input.RowVersion", rowVersion.ToString(CultureInfo.InvariantCulture))]);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await App.LoadConcernAsync(theirs)).Footnotes.Should().ContainSingle();
    }

    [Fact]
    public async Task Adding_a_footnote_to_an_approved_concern_starts_a_new_revision()
    {
        var world = await App.CreateWorldAsync();
        var (client, user) = await App.SignedInAsync(Roles.Staff);
        var lead = await App.CreateUserAsync(Roles.CoalitionLead);
        var id = await App.CreateConcernAsync(world, user.Id);
        await App.SubmitAsync(id, user.Id);
        await App.ApproveAsync(id, lead.Id);

        using var response = await client.SubmitAsync(Url(id), AddForm, Set(("Input.Text", "A late source.")));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var concern = await App.LoadConcernAsync(id);
        concern.RevisionNumber.Should().Be(2);
        concern.ApprovedRevisionNumber.Should().Be(1);
        concern.State.Should().Be(ConcernState.Draft);
    }

    [Fact]
    public async Task Adding_without_the_antiforgery_token_gives_400()
    {
        var world = await App.CreateWorldAsync();
        var (client, user) = await App.SignedInAsync(Roles.Staff);
        var id = await App.CreateConcernAsync(world, user.Id);

        using var response = await client.ForgeAsync(Url(id) + "?handler=Add", [new("Input.Text", "Replayed")], withToken: false);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await App.LoadConcernAsync(id)).Footnotes.Should().BeEmpty();
    }

    private static string Url(int concernId) => $"/desk/concerns/{concernId}/footnotes";

    private async Task<int> AddFootnoteAsync(int concernId, string? userId, string text, params CitationInput[] citations)
    {
        var id = 0;
        await App.ExecuteAsync(async db =>
        {
            var concern = await db.Concerns.Include(c => c.Footnotes).SingleAsync(c => c.Id == concernId);
            var footnote = concern.AddFootnote(new Actor(userId ?? concern.AuthorId, false), text, citations, App.Clock.GetUtcNow());
            await db.SaveChangesAsync();
            id = footnote.Id;
        });
        return id;
    }
}

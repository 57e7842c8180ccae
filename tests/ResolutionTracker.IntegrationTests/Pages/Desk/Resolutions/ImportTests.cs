using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Organisations;
using ResolutionTracker.IntegrationTests.Fixture;
using ResolutionTracker.IntegrationTests.Pages.Desk.Concerns;
using ResolutionTracker.Web.Authorization;

namespace ResolutionTracker.IntegrationTests.Pages.Desk.Resolutions;

public sealed class ImportTests(AppFactory app) : AppTest(app)
{
    private const string Url = "/desk/resolutions/import";

    // Our own text in the layout PDF extraction gives a Human Rights Council draft.
    public const string Draft = """
        United Nations
        A/HRC/99/L.42

        General Assembly
        Distr.: Limited
        20 March 2099

        Original: English

        Human Rights Council
        Ninety-ninth session
        Agenda item 3
        Promotion and protection of all human rights

        Albania,* Chile and Examplestan: draft resolution

        99/...  Access to public libraries in rural areas

        The Human Rights Council,

        Recalling its resolution 97/11 of 5 October 2097 on access to information,

        Noting with concern that many rural communities have no public library,

        1.
        Calls upon States to fund public libraries in rural areas:

        (a)
        By setting aside a share of their cultural budgets;

        (b)
        By training librarians;

        2.
        Requests the Secretary-General to report on progress at its one hundred and first session;

        3.
        Decides to remain seized of the matter.
        """;

    public static string Revision => Draft
        .Replace("A/HRC/99/L.42", "A/HRC/99/L.42/Rev.1", StringComparison.Ordinal)
        .Replace("report on progress", "report in writing on progress", StringComparison.Ordinal);

    private const string NoOperative = """
        United Nations
        A/HRC/99/L.55

        Human Rights Council
        Ninety-ninth session
        Agenda item 3

        Chile: draft resolution

        99/...  Libraries

        The Human Rights Council,

        Recalling its resolution 97/11 of 5 October 2097 on access to information,

        Noting with concern that many rural communities have no public library,
        """;

    [Fact]
    public async Task Pasting_a_text_shows_its_structure_with_counts_and_first_words()
    {
        using var client = await App.CreateClientAsUserAsync(Roles.Staff);

        using var response = await PasteAsync(client, Draft);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await response.ParseAsync();
        Text(page.QuerySelector(".import-counts")).Should().Be("2 preambular and 3 operative paragraphs");
        Value(page, "Draft.Symbol").Should().Be("A/HRC/99/L.42");
        Value(page, "Draft.Title").Should().Be("Access to public libraries in rural areas");
        Value(page, "Draft.Session").Should().Be("99");
        Selected(page, "Draft.Body").Should().Be("HumanRightsCouncil");
        Texts(page).Should().Equal(
            "Recalling its resolution 97/11 of 5 October 2097 on access to information,",
            "Noting with concern that many rural communities have no public library,",
            "Calls upon States to fund public libraries in rural areas:",
            "Requests the Secretary-General to report on progress at its one hundred and first session;",
            "Decides to remain seized of the matter.");
        Area(page, "Draft.Paragraphs[2].SubItems").Should().Be("(a) By setting aside a share of their cultural budgets;\n(b) By training librarians;");
        page.QuerySelectorAll(".import-ref").Select(e => Text(e)).Should().Equal("pp.1", "pp.2", "OP 1", "OP 2", "OP 3");
        (await App.QueryAsync(db => db.Resolutions.CountAsync())).Should().Be(0, "nothing is saved by a preview");
    }

    [Fact]
    public async Task Sponsors_are_marked_matched_or_not_against_the_states()
    {
        await AddStatesAsync("Albania", "Chile");
        using var client = await App.CreateClientAsUserAsync(Roles.Staff);

        var page = await (await PasteAsync(client, Draft)).ParseAsync();

        page.QuerySelectorAll(".import-matches li.matched").Select(e => Text(e)).Should().Equal("Matched Albania", "Matched Chile");
        page.QuerySelectorAll(".import-matches li.unmatched").Select(e => Text(e)).Should().Equal("Not matched Examplestan");
        Text(page.QuerySelector(".import-unmatched")).Should().StartWith("1 sponsor not matched: Examplestan.");
    }

    [Fact]
    public async Task Merge_split_move_delete_and_a_new_kind_round_trip_through_the_form()
    {
        using var client = await App.CreateClientAsUserAsync(Roles.Staff);
        var page = await (await PasteAsync(client, Draft)).ParseAsync();

        page = await CorrectAsync(client, page, "Merge", 0);
        Texts(page).Should().HaveCount(4);
        Texts(page)[0].Should().Be("Recalling its resolution 97/11 of 5 October 2097 on access to information, Noting with concern that many rural communities have no public library,");

        page = await CorrectAsync(client, page, "Split", 0, Fields(("Draft.Paragraphs[0].SplitBefore", "Noting with")));
        Texts(page).Take(2).Should().Equal(
            "Recalling its resolution 97/11 of 5 October 2097 on access to information,",
            "Noting with concern that many rural communities have no public library,");

        // A blank line typed into the text splits there when no words are given.
        page = await CorrectAsync(client, page, "Split", 3, Fields(("Draft.Paragraphs[3].Text", "Requests the Secretary-General to report;\n\nAlso requests a summary;")));
        Texts(page).Skip(3).Take(2).Should().Equal("Requests the Secretary-General to report;", "Also requests a summary;");

        page = await CorrectAsync(client, page, "Delete", 4);
        page = await CorrectAsync(client, page, "Down", 0);
        Texts(page).Take(2).Should().Equal(
            "Noting with concern that many rural communities have no public library,",
            "Recalling its resolution 97/11 of 5 October 2097 on access to information,");
        page = await CorrectAsync(client, page, "Up", 1);

        page = await CorrectAsync(client, page, "Refresh", null, Fields(("Draft.Paragraphs[1].Kind", "Operative")));
        Text(page.QuerySelector(".import-counts")).Should().Be("1 preambular and 4 operative paragraphs");
        page.QuerySelectorAll(".import-ref").Select(e => Text(e)).Should().Equal("pp.1", "OP 1", "OP 2", "OP 3", "OP 4");
        Area(page, "Draft.Paragraphs[2].SubItems").Should().StartWith("(a) By setting aside", "sub-items stay with their paragraph");
    }

    [Fact]
    public async Task Split_words_that_are_not_in_the_paragraph_are_refused_with_a_message()
    {
        using var client = await App.CreateClientAsUserAsync(Roles.Staff);
        var page = await (await PasteAsync(client, Draft)).ParseAsync();

        using var response = await PressAsync(client, page, "Split", 0, Fields(("Draft.Paragraphs[0].SplitBefore", "no such words")));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var again = await response.ParseAsync();
        Text(again.QuerySelector(".import-errors")).Should().Contain("The words \"no such words\" are not in pp.1");
        Texts(again).Should().HaveCount(5, "the draft comes back unchanged");
    }

    [Fact]
    public async Task A_correction_of_a_paragraph_that_is_not_there_is_refused_with_a_message()
    {
        using var client = await App.CreateClientAsUserAsync(Roles.Staff);
        var page = await (await PasteAsync(client, Draft)).ParseAsync();

        using var merge = await PressAsync(client, page, "Merge", 4);
        using var delete = await PressAsync(client, page, "Delete", 99);

        merge.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        Text((await merge.ParseAsync()).QuerySelector(".import-errors")).Should().Contain("There is no next paragraph to merge with.");
        delete.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        Texts(await delete.ParseAsync()).Should().HaveCount(5);
    }

    [Fact]
    public async Task An_over_long_title_or_an_empty_paragraph_is_refused_and_nothing_is_saved()
    {
        using var client = await App.CreateClientAsUserAsync(Roles.Staff);
        var page = await (await PasteAsync(client, Draft)).ParseAsync();

        using var response = await SaveAsync(client, page, Fields(("Save.Mode", "NewResolution"),
            ("Draft.Title", new string('t', Limits.Title + 1)), ("Draft.Paragraphs[1].Text", "  ")));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var errors = Text((await response.ParseAsync()).QuerySelector(".import-errors"));
        errors.Should().Contain("A title must be at most 400 characters.").And.Contain("pp.2 has no text: write it, or delete the paragraph.");
        (await App.QueryAsync(db => db.Resolutions.CountAsync())).Should().Be(0);
    }

    [Fact]
    public async Task Saving_as_a_new_resolution_stores_it_with_its_version_paragraphs_and_sponsors_and_audits_it()
    {
        await AddStatesAsync("Albania", "Chile");
        var staff = await App.CreateUserAsync(Roles.Staff);
        using var client = await SignInAsync(staff);
        var page = await (await PasteAsync(client, Draft)).ParseAsync();

        using var response = await SaveAsync(client, page, Fields(("Save.Mode", "NewResolution")));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var resolution = await App.QueryAsync(db => db.Resolutions.AsNoTracking()
            .Include(r => r.Session)
            .Include(r => r.Versions).ThenInclude(v => v.Paragraphs).ThenInclude(p => p.SubItems)
            .Include(r => r.Versions).ThenInclude(v => v.Sponsorships).ThenInclude(s => s.Organisation)
            .SingleAsync());
        response.Headers.Location!.OriginalString.Should().Be($"/desk/resolutions/{resolution.Id}");
        resolution.Symbol.Should().Be("A/HRC/99/L.42");
        resolution.Title.Should().Be("Access to public libraries in rural areas");
        resolution.Body.Should().Be(UnBody.HumanRightsCouncil);
        resolution.Session.Number.Should().Be(99);
        resolution.AgendaItem.Should().Be("3");
        var version = resolution.Versions.Should().ContainSingle().Subject;
        version.Label.Should().Be("L.42");
        version.Kind.Should().Be(VersionKind.Draft);
        version.Paragraphs.OrderBy(p => p.Position).Select(p => p.Reference()).Should().Equal("pp.1", "pp.2", "OP 1", "OP 2", "OP 3");
        version.Paragraphs.Single(p => p.Reference() == "OP 1").SubItems.OrderBy(s => s.Position).Select(s => s.Label + " " + s.Text)
            .Should().Equal("(a) By setting aside a share of their cultural budgets;", "(b) By training librarians;");
        version.Sponsorships.OrderBy(s => s.Position).Select(s => (s.Organisation.Name, s.Role))
            .Should().Equal(("Albania", SponsorRole.MainSponsor), ("Chile", SponsorRole.MainSponsor));

        var audited = await App.QueryAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == "Resolution" && a.ActorId == staff.Id).CountAsync());
        audited.Should().BeGreaterThan(0);
        (await App.QueryAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "Paragraph"))).Should().BeGreaterThan(0);

        var detail = await client.GetDocumentAsync($"/desk/resolutions/{resolution.Id}");
        Text(detail.QuerySelector(".alert-success")).Should()
            .Be("Imported A/HRC/99/L.42: 2 preambular and 3 operative paragraphs; 1 sponsor not matched: Examplestan.");
    }

    [Fact]
    public async Task Saving_a_symbol_that_exists_as_a_new_resolution_is_refused_and_offers_a_new_version()
    {
        using var client = await App.CreateClientAsUserAsync(Roles.Staff);
        await SaveDraftAsNewAsync(client);
        var page = await (await PasteAsync(client, Draft)).ParseAsync();

        using var response = await SaveAsync(client, page, Fields(("Save.Mode", "NewResolution")));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var again = await response.ParseAsync();
        Text(again.QuerySelector(".import-errors")).Should().Contain("A resolution with the symbol A/HRC/99/L.42 already exists, so nothing was saved");
        (again.QuerySelector("#save-version") as IHtmlInputElement)!.IsChecked.Should().BeTrue();
        (await App.QueryAsync(db => db.Resolutions.CountAsync())).Should().Be(1);
        (await App.QueryAsync(db => db.Versions.CountAsync())).Should().Be(1);
    }

    [Fact]
    public async Task Saving_as_a_new_version_aligns_it_with_the_last_one_and_carries_the_paragraph_identities()
    {
        using var client = await App.CreateClientAsUserAsync(Roles.Staff);
        await SaveDraftAsNewAsync(client);
        var id = await App.QueryAsync(db => db.Resolutions.Select(r => r.Id).SingleAsync());

        var page = await (await PasteAsync(client, Revision)).ParseAsync();
        (page.QuerySelector("#save-version") as IHtmlInputElement)!.IsChecked.Should().BeTrue("the symbol's root is a tracked resolution");
        Value(page, "Save.Label").Should().Be("L.42/Rev.1");
        using var response = await SaveAsync(client, page);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be($"/desk/resolutions/{id}");
        var versions = await App.QueryAsync(db => db.Versions.AsNoTracking().Include(v => v.Paragraphs)
            .Where(v => v.ResolutionId == id).OrderBy(v => v.Sequence).ToListAsync());
        versions.Select(v => (v.Label, v.Kind)).Should().Equal(("L.42", VersionKind.Draft), ("L.42/Rev.1", VersionKind.Revision));
        var ids = (IEnumerable<Domain.Resolutions.Paragraph> ps) => ps.OrderBy(p => p.Position).Select(p => p.StableId).ToList();
        ids(versions[1].Paragraphs).Should().Equal(ids(versions[0].Paragraphs), "every paragraph is carried over, OP 2 with a changed text");
        versions[1].Paragraphs.Single(p => p.Reference() == "OP 2").Text.Should().Contain("report in writing");
        var detail = await client.GetDocumentAsync($"/desk/resolutions/{id}");
        Text(detail.QuerySelector(".alert-success")).Should().StartWith("Added L.42/Rev.1 to A/HRC/99/L.42: 4 kept, 1 changed, 0 added, 0 deleted, 0 moved");
    }

    // Twelve states on the sponsor line: more than the ten main sponsors a version may have.
    private static readonly string[] TwelveSponsors =
    [
        "Albania", "Chile", "Costa Rica", "Denmark", "Ecuador", "Fiji", "Ghana", "Iceland", "Jamaica", "Kenya", "Malawi", "Nepal",
    ];

    [Fact]
    public async Task A_new_resolution_and_a_new_version_give_the_sponsor_line_the_same_roles()
    {
        await AddStatesAsync(TwelveSponsors);
        using var client = await App.CreateClientAsUserAsync(Roles.Staff);
        var sponsors = Fields(("Draft.Sponsors", string.Join('\n', TwelveSponsors)));
        await SaveDraftAsNewAsync(client, sponsors);

        using var response = await SaveAsync(client, await (await PasteAsync(client, Revision)).ParseAsync(), sponsors);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var roles = await App.QueryAsync(db => db.Versions.AsNoTracking().OrderBy(v => v.Sequence)
            .Select(v => v.Sponsorships.OrderBy(s => s.Position).Select(s => new { s.Organisation.Name, s.Role }).ToList())
            .ToListAsync());
        roles.Should().HaveCount(2);
        roles[0].Select(s => s.Name).Should().Equal(TwelveSponsors, "the states keep the order of the sponsor line");
        roles[0].Select(s => s.Role).Should().Equal([.. Enumerable.Repeat(SponsorRole.MainSponsor, 10), SponsorRole.CoSponsor, SponsorRole.CoSponsor]);
        roles[1].Should().Equal(roles[0], "a new version follows the rule a new resolution follows");
    }

    [Theory]
    [InlineData("NewResolution")]
    [InlineData("NewVersion")]
    public async Task A_save_without_a_version_label_is_refused_with_a_message_either_way(string mode)
    {
        using var client = await App.CreateClientAsUserAsync(Roles.Staff);
        await SaveDraftAsNewAsync(client);
        var id = await App.QueryAsync(db => db.Resolutions.Select(r => r.Id).SingleAsync());
        var page = await (await PasteAsync(client, Revision)).ParseAsync();

        using var response = await SaveAsync(client, page, Fields(("Save.Mode", mode), ("Save.ResolutionId", id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Draft.Symbol", "A/HRC/99/L.43"), ("Save.Label", "  ")));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        Text((await response.ParseAsync()).QuerySelector(".import-errors")).Should().Contain("Give the version a label");
        (await App.QueryAsync(db => db.Resolutions.CountAsync())).Should().Be(1);
        (await App.QueryAsync(db => db.Versions.CountAsync())).Should().Be(1);
    }

    [Fact]
    public async Task A_new_version_with_a_label_the_resolution_already_has_is_refused_with_a_message_and_nothing_is_saved()
    {
        await AddStatesAsync("Albania", "Chile");
        using var client = await App.CreateClientAsUserAsync(Roles.Staff);
        await SaveDraftAsNewAsync(client);
        var page = await (await PasteAsync(client, Revision)).ParseAsync();

        using var response = await SaveAsync(client, page, Fields(("Save.Label", "l.42")));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        Text((await response.ParseAsync()).QuerySelector(".import-errors")).Should()
            .Contain("This resolution already has a version labelled \"l.42\". Nothing was saved.");
        (await App.QueryAsync(db => db.Versions.CountAsync())).Should().Be(1);
        (await App.QueryAsync(db => db.Sponsorships.CountAsync())).Should().Be(2, "only the first version's sponsors are saved");
    }

    [Fact]
    public async Task A_save_mode_or_kind_that_does_not_exist_is_refused_with_a_message()
    {
        using var client = await App.CreateClientAsUserAsync(Roles.Staff);
        var page = await (await PasteAsync(client, Draft)).ParseAsync();

        using var mode = await SaveAsync(client, page, Fields(("Save.Mode", "7")));
        using var kind = await SaveAsync(client, page, Fields(("Save.Mode", "NewResolution"), ("Save.Kind", "99")));

        mode.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        Text((await mode.ParseAsync()).QuerySelector(".import-errors")).Should()
            .Be("Nothing was saved. Please correct this: Choose whether to save the text as a new resolution or as a new version of one.");
        kind.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        Text((await kind.ParseAsync()).QuerySelector(".import-errors")).Should()
            .Be("Nothing was saved. Please correct this: Choose the kind of version.");
        (await App.QueryAsync(db => db.Resolutions.CountAsync())).Should().Be(0);
    }

    [Fact]
    public async Task A_forged_resolution_for_a_new_version_is_not_found_and_nothing_is_saved()
    {
        using var client = await App.CreateClientAsUserAsync(Roles.Staff);
        var page = await (await PasteAsync(client, Draft)).ParseAsync();

        using var response = await SaveAsync(client, page, Fields(("Save.Mode", "NewVersion"), ("Save.ResolutionId", "987654")));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await App.QueryAsync(db => db.Versions.CountAsync())).Should().Be(0);
    }

    [Fact]
    public async Task Empty_text_is_refused_with_a_message()
    {
        using var client = await App.CreateClientAsUserAsync(Roles.Staff);

        using var response = await PasteAsync(client, "   \n  ");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        Text((await response.ParseAsync()).QuerySelector(".import-errors")).Should().Contain("There is no text to read");
    }

    [Fact]
    public async Task A_paste_over_5_MB_is_refused_with_a_message()
    {
        using var client = await App.CreateClientAsUserAsync(Roles.Staff);

        using var response = await PasteAsync(client, new string('x', (5 * 1024 * 1024) + 1));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var page = await response.ParseAsync();
        Text(page.QuerySelector(".import-errors")).Should().Contain("The text is larger than 5 MB");
        Area(page, "Read.Text").Should().BeEmpty("a huge paste is not sent back");
    }

    [Fact]
    public async Task A_text_without_operative_paragraphs_is_saved_only_once_its_structure_is_confirmed()
    {
        using var client = await App.CreateClientAsUserAsync(Roles.Staff);
        var page = await (await PasteAsync(client, NoOperative)).ParseAsync();
        page.QuerySelector(".import-warnings")!.TextContent.Should().Contain("no operative paragraph found");

        using var refused = await SaveAsync(client, page, Fields(("Save.Mode", "NewResolution")));
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        Text((await refused.ParseAsync()).QuerySelector(".import-errors")).Should().Contain("This text has no operative paragraph");
        (await App.QueryAsync(db => db.Resolutions.CountAsync())).Should().Be(0);

        using var saved = await SaveAsync(client, page, Fields(("Save.Mode", "NewResolution"), ("Draft.Checked", "true")));
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await App.QueryAsync(db => db.Paragraphs.CountAsync(p => p.Kind == ParagraphKind.Preambular))).Should().Be(2);
    }

    [Fact]
    public async Task Text_in_another_language_is_kept_as_blocks_with_a_warning_and_can_be_saved()
    {
        using var client = await App.CreateClientAsUserAsync(Roles.Staff);
        var french = await File.ReadAllTextAsync(Fixture("UnText", "french_A_99_L_40.txt"));
        var page = await (await PasteAsync(client, french)).ParseAsync();

        page.QuerySelector(".import-warnings")!.TextContent.Should().Contain("does not look like English");
        Texts(page).Should().NotBeEmpty();

        using var saved = await SaveAsync(client, page, Fields(("Save.Mode", "NewResolution"), ("Draft.Checked", "true"),
            ("Draft.Title", "Bibliothèques"), ("Draft.Session", "99"), ("Draft.Body", "HumanRightsCouncil")));
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_binary_file_renamed_txt_is_refused_with_a_message()
    {
        using var client = await App.CreateClientAsUserAsync(Roles.Staff);

        using var response = await UploadAsync(client, "draft.txt", [0x25, 0x50, 0x44, 0x46, 0x00, 0xFF, 0x10, 0x00, 0x9C]);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        Text((await response.ParseAsync()).QuerySelector(".import-errors")).Should().Contain("\"draft.txt\" is not a text file");
    }

    [Fact]
    public async Task A_docx_that_is_not_a_zip_is_refused_with_a_message()
    {
        using var client = await App.CreateClientAsUserAsync(Roles.Staff);

        using var response = await UploadAsync(client, "draft.docx", Encoding.UTF8.GetBytes(Draft));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        Text((await response.ParseAsync()).QuerySelector(".import-errors")).Should().Contain("This file is not a Word document");
    }

    [Fact]
    public async Task A_word_document_is_read_paragraph_by_paragraph_with_its_automatic_numbers()
    {
        using var client = await App.CreateClientAsUserAsync(Roles.Staff);

        using var response = await UploadAsync(client, "draft.docx", WordDocument());

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await response.ParseAsync();
        Value(page, "Draft.Symbol").Should().Be("A/HRC/99/L.42");
        Text(page.QuerySelector(".import-counts")).Should().Be("2 preambular and 2 operative paragraphs");
        Texts(page).Should().Equal(
            "Recalling its resolution 97/11 of 5 October 2097 on access to information,",
            "Noting with concern that many rural communities have no public library,",
            "Calls upon States to fund public libraries in rural areas;",
            "Decides to remain seized of the matter.");
    }

    [Fact]
    public async Task An_akoma_ntoso_file_brings_the_recorded_vote_of_the_states_it_can_match()
    {
        await AddStatesAsync("Albania", "Argentina", "China", "Cuba", "India", "Chile", "Costa Rica", "Mexico");
        using var client = await App.CreateClientAsUserAsync(Roles.Staff);

        using var response = await UploadAsync(client, "A_HRC_RES_99_3.xml", await File.ReadAllBytesAsync(Fixture("Akn", "A_HRC_RES_99_3_recorded_vote.xml")));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await response.ParseAsync();
        Value(page, "Draft.Symbol").Should().Be("A/HRC/RES/99/3");
        Text(page.QuerySelector("#vote-heading + p")).Should().Contain("24 in favour, 9 against, 14 abstaining");
        using var saved = await SaveAsync(client, page, Fields(("Save.Mode", "NewResolution")));
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);

        var vote = await App.QueryAsync(db => db.Votes.AsNoTracking().Include(v => v.Rows).ThenInclude(r => r.Organisation).SingleAsync());
        vote.Kind.Should().Be(VoteKind.Recorded);
        vote.Rows.Select(r => (r.Organisation.Name, r.Choice)).Should().BeEquivalentTo(new[]
        {
            ("Albania", VoteChoice.Yes), ("Argentina", VoteChoice.Yes), ("Chile", VoteChoice.Yes), ("Costa Rica", VoteChoice.Yes),
            ("Mexico", VoteChoice.Yes), ("China", VoteChoice.No), ("Cuba", VoteChoice.No), ("India", VoteChoice.Abstain),
        });
        var status = Text((await client.GetDocumentAsync(saved.Headers.Location!.OriginalString)).QuerySelector(".alert-success"));
        status.Should().Contain("recorded vote of 8 states (39 states not matched: ").And.Contain("Viet Nam");
        (await App.QueryAsync(db => db.Resolutions.SingleAsync())).Status.Should().Be(ResolutionStatus.Adopted);
    }

    [Fact]
    public async Task A_file_that_is_not_akoma_ntoso_is_refused_with_the_readers_message()
    {
        using var client = await App.CreateClientAsUserAsync(Roles.Staff);

        using var response = await UploadAsync(client, "wrong.xml", await File.ReadAllBytesAsync(Fixture("Akn", "wrong_namespace.xml")));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        Text((await response.ParseAsync()).QuerySelector(".import-errors")).Should().Contain("not an Akoma Ntoso 3.0 document");
    }

    [Fact]
    public async Task A_fixture_text_with_footnotes_lists_them()
    {
        using var client = await App.CreateClientAsUserAsync(Roles.Staff);

        var page = await (await PasteAsync(client, await File.ReadAllTextAsync(Fixture("UnText", "hrc_draft_A_HRC_99_L_7.txt")))).ParseAsync();

        Text(page.QuerySelector(".import-counts")).Should().Be("5 preambular and 3 operative paragraphs");
        Texts(page)[0].Should().StartWith("Guided by the purposes and principles");
        page.QuerySelectorAll(".import-footnotes li").Should().NotBeEmpty();
    }

    [Fact]
    public async Task A_long_resolution_round_trips_through_the_preview()
    {
        using var client = await App.CreateClientAsUserAsync(Roles.Staff);
        var page = await (await PasteAsync(client, await File.ReadAllTextAsync(Fixture("UnText", "long_A_99_L_77.txt")))).ParseAsync();
        var counts = Text(page.QuerySelector(".import-counts"));
        Texts(page).Should().HaveCountGreaterThan(150);

        page = await CorrectAsync(client, page, "Refresh", null);

        Text(page.QuerySelector(".import-counts")).Should().Be(counts);
        Text(page.QuerySelector(".lede")).Should().StartWith("Read from pasted text.");
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        using var client = await App.CreateClientAsUserAsync(Roles.Staff);

        using var response = await client.ForgeAsync(Url + "?handler=Read", [new("Read.Text", Draft)], withToken: false);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_sign_in()
    {
        using var client = App.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri(Url, UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.Should().Be("/account/sign-in");
    }

    [Fact]
    public async Task The_resolution_list_and_the_desk_link_to_the_import()
    {
        using var client = await App.CreateClientAsUserAsync(Roles.Staff);

        (await client.GetDocumentAsync("/desk/resolutions")).QuerySelectorAll($"a[href='{Url}']").Should().NotBeEmpty();
        (await client.GetDocumentAsync("/desk")).QuerySelectorAll($"a[href='{Url}']").Should().NotBeEmpty();
    }

    // --- helpers ---

    private async Task<HttpClient> SignInAsync(Web.Data.ApplicationUser user)
    {
        var client = App.CreateClient(new() { AllowAutoRedirect = false });
        (await AppFactory.SignInAsync(client, user.Email!, AppFactory.Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        return client;
    }

    private Task AddStatesAsync(params string[] names) => App.ExecuteAsync(db =>
    {
        foreach (var name in names)
            db.Organisations.Add(new Organisation(name, OrganisationKind.State));
        return Task.CompletedTask;
    });

    internal static async Task<HttpResponseMessage> PasteAsync(HttpClient client, string text)
    {
        var page = await client.GetDocumentAsync(Url);
        var form = (IHtmlFormElement)page.QuerySelector("form.import-read")!;
        return await client.SubmitAsync(Url, form, Fields(("Read.Text", text)));
    }

    internal static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string name, byte[] bytes)
    {
        var page = await client.GetDocumentAsync(Url);
        var form = (IHtmlFormElement)page.QuerySelector("form.import-read")!;
        using var content = new MultipartFormDataContent();
        foreach (var (key, value) in ConcernKit.FieldsOf(form))
            content.Add(new StringContent(value), key);
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "Read.File", name);
        return await client.PostAsync(new Uri(form.GetAttribute("action")!, UriKind.Relative), content);
    }

    private static IHtmlFormElement DraftForm(IHtmlDocument page) => (IHtmlFormElement)page.QuerySelector("form.import-draft")!;

    // The preview's fields as the browser sends them when one of its buttons is pressed: the button's
    // formaction names the handler, its name and value the paragraph.
    private static async Task<HttpResponseMessage> PressAsync(HttpClient client, IHtmlDocument page, string handler, int? index, Dictionary<string, string[]?>? set = null)
    {
        var all = set ?? [];
        if (index is not null)
            all["index"] = [index.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        using var content = new FormUrlEncodedContent(ConcernKit.FieldsOf(DraftForm(page), all));
        return await client.PostAsync(new Uri($"{Url}?handler={handler}", UriKind.Relative), content);
    }

    private static async Task<IHtmlDocument> CorrectAsync(HttpClient client, IHtmlDocument page, string handler, int? index, Dictionary<string, string[]?>? set = null)
    {
        using var response = await PressAsync(client, page, handler, index, set);
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, $"{handler} should succeed: {html}");
        return await new HtmlParser().ParseDocumentAsync(html);
    }

    // The Draft saved as a new resolution, so that a revision has something to be a version of.
    private static async Task SaveDraftAsNewAsync(HttpClient client, Dictionary<string, string[]?>? set = null)
    {
        var fields = new Dictionary<string, string[]?>(set ?? []) { ["Save.Mode"] = ["NewResolution"] };
        using var saved = await SaveAsync(client, await (await PasteAsync(client, Draft)).ParseAsync(), fields);
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    private static Task<HttpResponseMessage> SaveAsync(HttpClient client, IHtmlDocument page, Dictionary<string, string[]?>? set = null) =>
        PressAsync(client, page, "Save", null, set);

    private static Dictionary<string, string[]?> Fields(params (string Name, string? Value)[] values) => ConcernKit.Set(values);

    private static List<string> Texts(IHtmlDocument page) =>
        page.QuerySelectorAll("textarea.import-text").Select(t => ((IHtmlTextAreaElement)t).Value).ToList();

    private static string? Value(IHtmlDocument page, string name) => (page.QuerySelector($"[name='{name}']") as IHtmlInputElement)?.Value;

    private static string? Area(IHtmlDocument page, string name) => (page.QuerySelector($"textarea[name='{name}']") as IHtmlTextAreaElement)?.Value;

    private static string? Selected(IHtmlDocument page, string name) =>
        (page.QuerySelector($"select[name='{name}']") as IHtmlSelectElement)?.Options.FirstOrDefault(o => o.IsSelected)?.Value;

    private static string Text(IElement? element) => element?.TextContent.Trim() is { } t ? System.Text.RegularExpressions.Regex.Replace(t, @"\s+", " ") : "";

    public static string Fixture(string kind, string file)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "ResolutionTracker.sln")))
            root = root.Parent;
        return Path.Combine(root!.FullName, "tests", "ResolutionTracker.UnitTests", "Fixtures", kind, file);
    }

    // A small .docx as Word writes one: a paragraph each, the operative ones numbered by Word, not in the text.
    private static byte[] WordDocument()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new W.Body();
            void Add(string text, bool numbered = false)
            {
                var paragraph = new W.Paragraph();
                if (numbered)
                {
                    paragraph.Append(new W.ParagraphProperties(new W.NumberingProperties(
                        new W.NumberingLevelReference { Val = 0 }, new W.NumberingId { Val = 1 })));
                }
                paragraph.Append(new W.Run(new W.Text(text) { Space = SpaceProcessingModeValues.Preserve }));
                body.Append(paragraph);
            }
            Add("United Nations");
            Add("A/HRC/99/L.42");
            Add("Human Rights Council");
            Add("Ninety-ninth session");
            Add("Agenda item 3");
            Add("Albania and Chile: draft resolution");
            Add("99/...  Access to public libraries in rural areas");
            Add("The Human Rights Council,");
            Add("Recalling its resolution 97/11 of 5 October 2097 on access to information,");
            Add("Noting with concern that many rural communities have no public library,");
            Add("Calls upon States to fund public libraries in rural areas;", numbered: true);
            Add("Decides to remain seized of the matter.", numbered: true);
            main.Document = new W.Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }
}

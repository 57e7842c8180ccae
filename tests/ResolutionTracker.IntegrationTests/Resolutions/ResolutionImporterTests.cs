using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Annotations;
using ResolutionTracker.Domain.Concerns;
using ResolutionTracker.Domain.Organisations;
using ResolutionTracker.Domain.Resolutions;
using ResolutionTracker.IntegrationTests.Fixture;
using ResolutionTracker.Text.Parsing;
using ResolutionTracker.Web.Data;
using ResolutionTracker.Web.Resolutions;

namespace ResolutionTracker.IntegrationTests.Resolutions;

// A small fictional resolution (A/HRC/99/L.1) and its revision, as the import page saves them.
internal static class Revisions
{
    public const string Symbol = "A/HRC/99/L.1";
    public const string Pp1 = "Recalling its resolution 97/3 on the keepers of lighthouses and coastal archives,";
    public const string Pp2 = "Noting with concern the closure of coastal archives in several regions,";
    public const string Op1 = "Welcomes the report of the Special Rapporteur on coastal heritage;";
    public const string Op2 = "Calls upon all States to ensure that lighthouse keepers can carry out their work free from threats and intimidation;";
    public const string Op2Rev = "Urges all States to ensure that lighthouse keepers can carry out their work free from threats, intimidation and reprisals;";
    public const string Op3 = "Requests the High Commissioner to prepare a compilation of good practices and to present it to the Council at its one hundred and second session;";
    public const string Op4 = "Decides to remain seized of the matter.";
    public const string NewOp = "Invites the General Assembly to proclaim an international day of lighthouse keepers;";

    public sealed record Ids(int ResolutionId, int L1, Dictionary<string, int> Paragraphs, Dictionary<string, Guid> StableIds);

    public static async Task<Ids> AddL1Async(AppFactory app)
    {
        Resolution? resolution = null;
        ResolutionVersion? version = null;
        await app.ExecuteAsync(db =>
        {
            resolution = new Resolution(Symbol, "Keepers of lighthouses and coastal archives", UnBody.HumanRightsCouncil,
                new Session(UnBody.HumanRightsCouncil, 99));
            version = resolution.AddVersion("L.1", VersionKind.Draft, new DateOnly(2099, 3, 20), TextCompleteness.Complete, Symbol);
            version.AddParagraph(ParagraphKind.Preambular, 1, Pp1, TextSource.Imported);
            version.AddParagraph(ParagraphKind.Preambular, 2, Pp2, TextSource.Imported);
            version.AddParagraph(ParagraphKind.Operative, 1, Op1, TextSource.Imported);
            version.AddParagraph(ParagraphKind.Operative, 2, Op2, TextSource.Imported);
            var op3 = version.AddParagraph(ParagraphKind.Operative, 3, Op3, TextSource.Imported);
            op3.AddSubItem("(a)", "On legislation;");
            version.AddParagraph(ParagraphKind.Operative, 4, Op4, TextSource.Imported);
            db.Resolutions.Add(resolution);
            db.Organisations.Add(new Organisation("Albania", OrganisationKind.State, RegionalGroup.EasternEuropean));
            db.Organisations.Add(new Organisation("Côte d'Ivoire", OrganisationKind.State, RegionalGroup.African));
            return Task.CompletedTask;
        });
        var paragraphs = version!.Paragraphs.ToDictionary(p => p.Reference(), p => p.Id);
        var stable = version.Paragraphs.ToDictionary(p => p.Reference(), p => p.StableId);
        return new Ids(resolution!.Id, version.Id, paragraphs, stable);
    }

    // Rev.1: OP 2 reworded, OP 3 deleted, a new OP 3, OP 1 moved to the end, pp. unchanged.
    public static NewVersion Rev1(params string[] sponsors) => new("L.1/Rev.1", VersionKind.Revision, new DateOnly(2099, 3, 28), Symbol + "/Rev.1",
        TextCompleteness.Complete,
        [
            new(ParagraphKind.Preambular, 1, Pp1, []),
            new(ParagraphKind.Preambular, 2, Pp2, []),
            new(ParagraphKind.Operative, 1, Op2Rev, []),
            new(ParagraphKind.Operative, 2, NewOp, []),
            new(ParagraphKind.Operative, 3, Op4, []),
            new(ParagraphKind.Operative, 4, Op1, []),
        ],
        sponsors);

    public static async Task<ImportResult> AddRev1Async(AppFactory app, int resolutionId, NewVersion? input = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var importer = scope.ServiceProvider.GetRequiredService<ResolutionImporter>();
        var resolution = await db.Resolutions
            .Include(r => r.Versions).ThenInclude(v => v.Paragraphs).ThenInclude(p => p.SubItems)
            .SingleAsync(r => r.Id == resolutionId);
        return await importer.AddVersionAsync(resolution, input ?? Rev1(), CancellationToken.None);
    }
}

public sealed class ResolutionImporterTests(AppFactory app) : AppTest(app)
{
    [Fact]
    public async Task Carried_paragraphs_keep_their_stable_identity_and_new_ones_get_their_own()
    {
        var l1 = await Revisions.AddL1Async(App);

        var result = await Revisions.AddRev1Async(App, l1.ResolutionId);

        result.Summary.Should().Be(new ResolutionTracker.Text.Alignment.AlignmentSummary(Kept: 4, Changed: 1, Added: 1, Deleted: 1, Moved: 1));
        var rev1 = await App.QueryAsync(db => db.Paragraphs.AsNoTracking().Where(p => p.VersionId == result.Version.Id).ToListAsync());
        var byRef = rev1.ToDictionary(p => p.Reference());
        byRef["pp.1"].StableId.Should().Be(l1.StableIds["pp.1"]);
        byRef["pp.2"].StableId.Should().Be(l1.StableIds["pp.2"]);
        byRef["OP 1"].StableId.Should().Be(l1.StableIds["OP 2"], "the reworded OP 2 is the same paragraph");
        byRef["OP 3"].StableId.Should().Be(l1.StableIds["OP 4"], "renumbered but kept");
        byRef["OP 4"].StableId.Should().Be(l1.StableIds["OP 1"], "moved to the end");
        l1.StableIds.Values.Should().NotContain(byRef["OP 2"].StableId, "a new paragraph has a new identity");
        var resolution = await App.QueryAsync(db => db.Resolutions.AsNoTracking().SingleAsync());
        resolution.Status.Should().Be(ResolutionStatus.Revised);
    }

    [Fact]
    public async Task A_concern_on_a_changed_paragraph_follows_it_and_is_flagged_and_one_on_a_kept_paragraph_is_not()
    {
        var l1 = await Revisions.AddL1Async(App);
        var author = await App.CreateUserAsync(ResolutionTracker.Web.Authorization.Roles.Staff);
        var concernId = await AddConcernAsync(l1, author.Id, "OP 2", "OP 4");

        var result = await Revisions.AddRev1Async(App, l1.ResolutionId);

        var links = await App.QueryAsync(db => db.ConcernParagraphs.AsNoTracking().Include(cp => cp.Paragraph)
            .Where(cp => cp.ConcernId == concernId).OrderBy(cp => cp.Position).ToListAsync());
        links.Should().HaveCount(2).And.OnlyContain(cp => cp.Paragraph.VersionId == result.Version.Id);
        var changed = links.Single(cp => cp.Paragraph.StableId == l1.StableIds["OP 2"]);
        changed.TextChanged.Should().BeTrue();
        changed.TextWhenLinked.Should().Be(Revisions.Op2);
        changed.Paragraph.Text.Should().Be(Revisions.Op2Rev);
        links.Single(cp => cp.Paragraph.StableId == l1.StableIds["OP 4"]).TextChanged.Should().BeFalse();
    }

    [Fact]
    public async Task A_note_follows_its_paragraph_and_keeps_the_text_it_was_written_on()
    {
        var l1 = await Revisions.AddL1Async(App);
        var author = await App.CreateUserAsync(ResolutionTracker.Web.Authorization.Roles.Staff);
        var noteId = await AddNoteAsync(l1.Paragraphs["OP 2"], author.Id);

        var result = await Revisions.AddRev1Async(App, l1.ResolutionId);

        var note = await App.QueryAsync(db => db.Annotations.AsNoTracking().Include(a => a.Paragraph).SingleAsync(a => a.Id == noteId));
        note.Paragraph.VersionId.Should().Be(result.Version.Id);
        note.Paragraph.Number.Should().Be(1);
        note.TextWhenWritten.Should().Be(Revisions.Op2);
        note.TextChangedIn(note.Paragraph.Text).Should().BeTrue();
    }

    [Fact]
    public async Task A_concern_and_a_note_on_a_deleted_paragraph_stay_on_the_old_paragraph()
    {
        var l1 = await Revisions.AddL1Async(App);
        var author = await App.CreateUserAsync(ResolutionTracker.Web.Authorization.Roles.Staff);
        var concernId = await AddConcernAsync(l1, author.Id, "OP 3");
        var noteId = await AddNoteAsync(l1.Paragraphs["OP 3"], author.Id);

        await Revisions.AddRev1Async(App, l1.ResolutionId);

        var link = await App.QueryAsync(db => db.ConcernParagraphs.AsNoTracking().SingleAsync(cp => cp.ConcernId == concernId));
        link.ParagraphId.Should().Be(l1.Paragraphs["OP 3"]);
        link.TextChanged.Should().BeFalse();
        var note = await App.QueryAsync(db => db.Annotations.AsNoTracking().SingleAsync(a => a.Id == noteId));
        note.ParagraphId.Should().Be(l1.Paragraphs["OP 3"]);
    }

    [Fact]
    public async Task Sponsors_are_matched_by_name_ignoring_case_and_accents_and_the_rest_are_returned()
    {
        var l1 = await Revisions.AddL1Async(App);

        var result = await Revisions.AddRev1Async(App, l1.ResolutionId, Revisions.Rev1("ALBANIA", "Cote d’Ivoire", "Atlantis", "Albania"));

        result.UnmatchedSponsors.Should().Equal("Atlantis");
        var sponsors = await App.QueryAsync(db => db.Sponsorships.AsNoTracking().Where(s => s.VersionId == result.Version.Id)
            .OrderBy(s => s.Position).Select(s => new { s.Organisation.Name, s.Role }).ToListAsync());
        sponsors.Select(s => s.Name).Should().Equal("Albania", "Côte d'Ivoire");
        sponsors.Should().OnlyContain(s => s.Role == SponsorRole.MainSponsor);
    }

    [Fact]
    public async Task Sub_items_are_saved_with_the_new_paragraphs()
    {
        var l1 = await Revisions.AddL1Async(App);
        var input = Revisions.Rev1() with
        {
            Paragraphs = [new(ParagraphKind.Operative, 1, "Calls upon States:", [new ParsedSubItem("(a)", "To protect keepers;"), new ParsedSubItem("(i)", "In law;", 2)])],
        };

        var result = await Revisions.AddRev1Async(App, l1.ResolutionId, input);

        var items = await App.QueryAsync(db => db.ParagraphSubItems.AsNoTracking().Where(s => s.Paragraph.VersionId == result.Version.Id)
            .OrderBy(s => s.Position).Select(s => new { s.Label, s.Text, s.Level }).ToListAsync());
        items.Should().BeEquivalentTo([new { Label = "(a)", Text = "To protect keepers;", Level = 1 }, new { Label = "(i)", Text = "In law;", Level = 2 }]);
        result.Summary.Deleted.Should().Be(6);
    }

    [Fact]
    public async Task A_label_the_resolution_already_has_is_refused_and_nothing_is_saved()
    {
        var l1 = await Revisions.AddL1Async(App);

        var act = () => Revisions.AddRev1Async(App, l1.ResolutionId, Revisions.Rev1() with { Label = "l.1" });

        await act.Should().ThrowAsync<DomainException>().WithMessage("*already has a version labelled*");
        (await App.QueryAsync(db => db.Versions.CountAsync())).Should().Be(1);
    }

    [Fact]
    public async Task Adding_a_version_is_in_the_audit_trail()
    {
        var l1 = await Revisions.AddL1Async(App);
        var author = await App.CreateUserAsync(ResolutionTracker.Web.Authorization.Roles.Staff);
        await AddConcernAsync(l1, author.Id, "OP 2");
        var before = await App.QueryAsync(db => db.AuditEntries.CountAsync());

        await Revisions.AddRev1Async(App, l1.ResolutionId);

        (await App.QueryAsync(db => db.AuditEntries.CountAsync())).Should().BeGreaterThan(before);
    }

    [Fact]
    public async Task A_new_resolution_is_saved_with_its_first_version_and_sponsors_by_the_same_rules()
    {
        await Revisions.AddL1Async(App);
        var input = Revisions.Rev1("ALBANIA", "Cote d’Ivoire", "Atlantis") with { Label = "L.2", Kind = VersionKind.Draft, Symbol = "A/HRC/98/L.2" };

        var result = await SaveNewAsync(new NewResolution("A/HRC/98/L.2", "Keepers of archives", UnBody.HumanRightsCouncil, 98, "3"), input);

        result.UnmatchedSponsors.Should().Equal("Atlantis");
        result.Summary.Added.Should().Be(6);
        var saved = await App.QueryAsync(db => db.Resolutions.AsNoTracking().Include(r => r.Session)
            .Include(r => r.Versions).ThenInclude(v => v.Sponsorships).ThenInclude(s => s.Organisation)
            .Include(r => r.Versions).ThenInclude(v => v.Paragraphs)
            .SingleAsync(r => r.Symbol == "A/HRC/98/L.2"));
        saved.Session.Number.Should().Be(98);
        saved.AgendaItem.Should().Be("3");
        var version = saved.Versions.Should().ContainSingle().Subject;
        version.Symbol.Should().Be("A/HRC/98/L.2");
        version.Paragraphs.Should().HaveCount(6).And.OnlyContain(p => p.Source == TextSource.Imported);
        version.Sponsorships.OrderBy(s => s.Position).Select(s => (s.Organisation.Name, s.Role))
            .Should().Equal(("Albania", SponsorRole.MainSponsor), ("Côte d'Ivoire", SponsorRole.MainSponsor));
    }

    [Fact]
    public async Task A_new_resolution_whose_version_is_refused_is_not_saved()
    {
        var act = () => SaveNewAsync(new NewResolution("A/HRC/98/L.2", "Keepers of archives", UnBody.HumanRightsCouncil, 98, null),
            Revisions.Rev1() with { Label = " " });

        await act.Should().ThrowAsync<DomainException>().WithMessage("Version label is required.");
        (await App.QueryAsync(db => db.Resolutions.CountAsync())).Should().Be(0);
        (await App.QueryAsync(db => db.Sessions.CountAsync())).Should().Be(0);
    }

    [Fact]
    public async Task An_adopted_version_with_a_vote_marks_the_resolution_adopted_and_records_the_states_it_knows()
    {
        var l1 = await Revisions.AddL1Async(App);
        var adopted = new DateOnly(2099, 4, 4);
        var vote = new ImportedVote(adopted, " 40th meeting ", WithoutVote: false, [("Albania", VoteChoice.Yes), ("Atlantis", VoteChoice.No)]);

        var result = await Revisions.AddRev1Async(App, l1.ResolutionId,
            Revisions.Rev1() with { Label = "Adopted text", Kind = VersionKind.Adopted, Date = adopted, Vote = vote });

        result.Vote.Should().BeEquivalentTo(new ImportedVoteResult(Saved: true, WithoutVote: false, 1, ["Atlantis"]));
        var saved = await App.QueryAsync(db => db.Votes.AsNoTracking().Include(v => v.Rows).ThenInclude(r => r.Organisation).SingleAsync());
        saved.Meeting.Should().Be("40th meeting");
        saved.Rows.Select(r => (r.Organisation.Name, r.Choice)).Should().Equal(("Albania", VoteChoice.Yes));
        var resolution = await App.QueryAsync(db => db.Resolutions.AsNoTracking().SingleAsync());
        resolution.Status.Should().Be(ResolutionStatus.Adopted);
        resolution.AdoptedOn.Should().Be(adopted);
    }

    [Fact]
    public async Task A_vote_without_a_date_is_not_saved_and_the_result_says_so()
    {
        var l1 = await Revisions.AddL1Async(App);

        var result = await Revisions.AddRev1Async(App, l1.ResolutionId,
            Revisions.Rev1() with { Vote = new ImportedVote(null, null, WithoutVote: true, []) });

        result.Vote!.Saved.Should().BeFalse();
        (await App.QueryAsync(db => db.Votes.CountAsync())).Should().Be(0);
        (await App.QueryAsync(db => db.Versions.CountAsync())).Should().Be(2, "the text is saved without its vote");
    }

    private async Task<ImportResult> SaveNewAsync(NewResolution resolution, NewVersion input)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<ResolutionImporter>();
        return await importer.SaveNewAsync(resolution, input, CancellationToken.None);
    }

    private async Task<int> AddConcernAsync(Revisions.Ids l1, string authorId, params string[] references)
    {
        Concern? concern = null;
        await App.ExecuteAsync(async db =>
        {
            var resolution = await db.Resolutions.SingleAsync(r => r.Id == l1.ResolutionId);
            concern = new Concern(resolution, authorId, "Reprisals are missing", null, "The text should name reprisals.", Severity.High, App.Clock.GetUtcNow());
            foreach (var reference in references)
                concern.LinkParagraph(await db.Paragraphs.Include(p => p.Version).SingleAsync(p => p.Id == l1.Paragraphs[reference]));
            db.Concerns.Add(concern);
        });
        return concern!.Id;
    }

    private async Task<int> AddNoteAsync(int paragraphId, string authorId)
    {
        Annotation? note = null;
        await App.ExecuteAsync(async db =>
        {
            var paragraph = await db.Paragraphs.FindAsync(paragraphId);
            note = new Annotation(paragraph!, authorId, "Ask the core group about this one.", null, App.Clock.GetUtcNow());
            db.Annotations.Add(note);
        });
        return note!.Id;
    }
}

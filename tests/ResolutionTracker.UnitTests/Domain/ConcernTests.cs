using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Concerns;
using ResolutionTracker.Domain.Resolutions;

namespace ResolutionTracker.UnitTests.Domain;

public class ConcernTests
{
    private static readonly DateTimeOffset Later = Examples.Now.AddHours(2);

    private readonly Resolution _resolution = Examples.L31();

    private Concern NewConcern() =>
        new(_resolution, Examples.Staff.UserId, "Weakening accountability", "The draft replaces accountability with dialogue.",
            "pp.4 recalls resolution 37/23 ...", Severity.High, Examples.Now);

    private Concern InReview()
    {
        var concern = NewConcern();
        concern.Submit(Examples.Staff, Examples.Now);
        return concern;
    }

    private Concern ChangesRequested()
    {
        var concern = InReview();
        concern.RequestChanges(Examples.Lead, "Cite the vote on 37/23.", Examples.Now);
        return concern;
    }

    private Concern Approved()
    {
        var concern = InReview();
        concern.Approve(Examples.Lead, Examples.Now);
        return concern;
    }

    private Concern Withdrawn()
    {
        var concern = NewConcern();
        concern.Withdraw(Examples.Staff, Examples.Now);
        return concern;
    }

    private Concern InState(ConcernState state) => state switch
    {
        ConcernState.Draft => NewConcern(),
        ConcernState.InReview => InReview(),
        ConcernState.ChangesRequested => ChangesRequested(),
        ConcernState.Approved => Approved(),
        ConcernState.Withdrawn => Withdrawn(),
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    [Fact]
    public void A_new_concern_is_a_draft_of_its_first_revision()
    {
        var concern = NewConcern();

        concern.State.Should().Be(ConcernState.Draft);
        concern.RevisionNumber.Should().Be(1);
        concern.ApprovedRevisionNumber.Should().BeNull();
        concern.Revisions.Should().BeEmpty();
    }

    [Fact]
    public void A_concern_needs_a_heading()
    {
        var act = () => new Concern(_resolution, "staff-1", " ", null, null, Severity.Low, Examples.Now);

        act.Should().Throw<DomainException>();
    }

    [Fact]
    public void Times_are_kept_in_utc()
    {
        var concern = new Concern(_resolution, "staff-1", "Heading", null, null, Severity.Low, new DateTimeOffset(2020, 3, 10, 11, 30, 0, TimeSpan.FromHours(2)));

        concern.CreatedAt.Offset.Should().Be(TimeSpan.Zero);
        concern.CreatedAt.Should().Be(Examples.Now);
    }

    [Fact]
    public void Submitting_a_draft_puts_it_in_review_and_records_the_revision()
    {
        var concern = NewConcern();

        concern.Submit(Examples.Staff, Later);

        concern.State.Should().Be(ConcernState.InReview);
        var revision = concern.Revisions.Should().ContainSingle().Subject;
        revision.Number.Should().Be(1);
        revision.Heading.Should().Be("Weakening accountability");
        revision.SubmittedBy.Should().Be("staff-1");
        revision.SubmittedAt.Should().Be(Later);
        concern.UpdatedAt.Should().Be(Later);
    }

    [Fact]
    public void A_reviewer_approves_a_concern_in_review()
    {
        var concern = InReview();

        concern.Approve(Examples.Lead, Later);

        concern.State.Should().Be(ConcernState.Approved);
        concern.ApprovedRevisionNumber.Should().Be(1);
        concern.Revisions.Single().ApprovedBy.Should().Be("lead-1");
        concern.Revisions.Single().ApprovedAt.Should().Be(Later);
    }

    [Fact]
    public void Staff_who_cannot_review_are_refused_approval()
    {
        var concern = InReview();

        var act = () => concern.Approve(Examples.Staff, Later);

        act.Should().Throw<DomainException>().WithMessage("*coalition lead*");
        concern.State.Should().Be(ConcernState.InReview);
        concern.ApprovedRevisionNumber.Should().BeNull();
    }

    [Theory]
    [InlineData(ConcernState.Draft)]
    [InlineData(ConcernState.ChangesRequested)]
    [InlineData(ConcernState.Approved)]
    [InlineData(ConcernState.Withdrawn)]
    public void Approving_a_concern_not_in_review_is_refused(ConcernState state)
    {
        var concern = InState(state);

        var act = () => concern.Approve(Examples.Lead, Later);

        act.Should().Throw<DomainException>();
        concern.State.Should().Be(state);
    }

    [Fact]
    public void A_reviewer_sends_a_concern_back_with_a_comment()
    {
        var concern = InReview();

        concern.RequestChanges(Examples.Lead, "Quote pp.11 exactly.", Later);

        concern.State.Should().Be(ConcernState.ChangesRequested);
        var comment = concern.Comments.Should().ContainSingle().Subject;
        comment.Body.Should().Be("Quote pp.11 exactly.");
        comment.AuthorId.Should().Be("lead-1");
        comment.RevisionNumber.Should().Be(1);
    }

    [Fact]
    public void Sending_back_without_a_comment_is_refused()
    {
        var concern = InReview();

        var act = () => concern.RequestChanges(Examples.Lead, "  ", Later);

        act.Should().Throw<DomainException>();
        concern.State.Should().Be(ConcernState.InReview);
    }

    [Fact]
    public void Staff_who_cannot_review_are_refused_sending_back()
    {
        var concern = InReview();

        var act = () => concern.RequestChanges(Examples.Staff, "Please change", Later);

        act.Should().Throw<DomainException>();
        concern.State.Should().Be(ConcernState.InReview);
    }

    [Theory]
    [InlineData(ConcernState.Draft)]
    [InlineData(ConcernState.ChangesRequested)]
    [InlineData(ConcernState.Approved)]
    [InlineData(ConcernState.Withdrawn)]
    public void Sending_back_a_concern_not_in_review_is_refused(ConcernState state)
    {
        var concern = InState(state);

        var act = () => concern.RequestChanges(Examples.Lead, "Please change", Later);

        act.Should().Throw<DomainException>();
        concern.State.Should().Be(state);
    }

    [Fact]
    public void A_concern_sent_back_is_submitted_again()
    {
        var concern = ChangesRequested();

        concern.Submit(Examples.Staff, Later);

        concern.State.Should().Be(ConcernState.InReview);
        concern.Revisions.Should().HaveCount(2);
    }

    [Theory]
    [InlineData(ConcernState.InReview)]
    [InlineData(ConcernState.Approved)]
    [InlineData(ConcernState.Withdrawn)]
    public void Submitting_a_concern_neither_draft_nor_sent_back_is_refused(ConcernState state)
    {
        var concern = InState(state);

        var act = () => concern.Submit(Examples.Staff, Later);

        act.Should().Throw<DomainException>();
        concern.State.Should().Be(state);
    }

    [Fact]
    public void Editing_a_draft_keeps_it_a_draft_of_the_same_revision()
    {
        var concern = NewConcern();

        concern.Edit(Examples.Staff, "New heading", null, "Body", Severity.Critical, Later);

        concern.State.Should().Be(ConcernState.Draft);
        concern.RevisionNumber.Should().Be(1);
        concern.Heading.Should().Be("New heading");
        concern.Severity.Should().Be(Severity.Critical);
        concern.UpdatedAt.Should().Be(Later);
    }

    [Fact]
    public void Editing_a_concern_sent_back_keeps_it_sent_back()
    {
        var concern = ChangesRequested();

        concern.Edit(Examples.Staff, "Heading with the vote", null, "Body", Severity.High, Later);

        concern.State.Should().Be(ConcernState.ChangesRequested);
        concern.RevisionNumber.Should().Be(2);
    }

    [Fact]
    public void Resubmitting_after_changes_were_requested_records_a_new_revision()
    {
        var concern = ChangesRequested();

        concern.Submit(Examples.Staff, Later);

        concern.Revisions.Select(r => r.Number).Should().Equal(1, 2);
        concern.Comments.Single().RevisionNumber.Should().Be(1);
    }

    [Theory]
    [InlineData(ConcernState.InReview)]
    [InlineData(ConcernState.Withdrawn)]
    public void Editing_a_concern_in_review_or_withdrawn_is_refused(ConcernState state)
    {
        var concern = InState(state);

        var act = () => concern.Edit(Examples.Staff, "Other heading", null, null, Severity.Low, Later);

        act.Should().Throw<DomainException>();
        concern.Heading.Should().Be("Weakening accountability");
        concern.IsEditable.Should().BeFalse();
    }

    [Fact]
    public void Editing_an_approved_concern_starts_a_new_revision_and_keeps_the_approved_one()
    {
        var concern = Approved();

        concern.Edit(Examples.Staff, "Weakening accountability further", null, "New body", Severity.Critical, Later);

        concern.State.Should().Be(ConcernState.Draft);
        concern.RevisionNumber.Should().Be(2);
        concern.ApprovedRevisionNumber.Should().Be(1);
        concern.Revisions.Single().Heading.Should().Be("Weakening accountability");
    }

    [Fact]
    public void Approving_the_new_revision_moves_the_approved_revision_on()
    {
        var concern = Approved();
        concern.Edit(Examples.Staff, "Weakening accountability further", null, null, Severity.Critical, Later);
        concern.Submit(Examples.Staff, Later);

        concern.Approve(Examples.Lead, Later);

        concern.ApprovedRevisionNumber.Should().Be(2);
        concern.Revisions.Select(r => r.Number).Should().Equal(1, 2);
        concern.Revisions.Should().OnlyContain(r => r.ApprovedBy == "lead-1");
    }

    [Fact]
    public void The_author_withdraws_their_concern()
    {
        var concern = NewConcern();

        concern.Withdraw(Examples.Staff, Later);

        concern.State.Should().Be(ConcernState.Withdrawn);
    }

    [Theory]
    [InlineData(ConcernState.Draft)]
    [InlineData(ConcernState.InReview)]
    [InlineData(ConcernState.ChangesRequested)]
    [InlineData(ConcernState.Approved)]
    public void A_coalition_lead_withdraws_a_concern_in_any_live_state(ConcernState state)
    {
        var concern = InState(state);

        concern.Withdraw(Examples.Lead, Later);

        concern.State.Should().Be(ConcernState.Withdrawn);
    }

    [Fact]
    public void Another_staff_member_cannot_withdraw_someone_elses_concern()
    {
        var concern = NewConcern();

        var act = () => concern.Withdraw(Examples.OtherStaff, Later);

        act.Should().Throw<DomainException>();
        concern.State.Should().Be(ConcernState.Draft);
    }

    [Fact]
    public void Withdrawing_twice_is_refused()
    {
        var concern = Withdrawn();

        var act = () => concern.Withdraw(Examples.Lead, Later);

        act.Should().Throw<DomainException>();
    }

    [Fact]
    public void A_concern_points_at_paragraphs_of_its_resolution_in_order()
    {
        var concern = NewConcern();
        var version = Examples.DraftOf(_resolution);
        var pp4 = version.AddParagraph(ParagraphKind.Preambular, 4, "Recalling its resolution 37/23,", TextSource.Quoted);
        var pp11 = version.AddParagraph(ParagraphKind.Preambular, 11, "Stressing mutually beneficial cooperation,", TextSource.Quoted);

        concern.LinkParagraph(pp11, "mutually beneficial cooperation");
        concern.LinkParagraph(pp4);

        concern.Paragraphs.Select(p => p.Paragraph).Should().Equal(pp11, pp4);
        concern.Paragraphs.Select(p => p.Position).Should().Equal(1, 2);
        concern.Paragraphs[0].Quote.Should().Be("mutually beneficial cooperation");
        concern.Paragraphs[1].Quote.Should().BeNull();
    }

    [Fact]
    public void Linking_a_paragraph_of_another_resolution_is_refused()
    {
        var concern = NewConcern();
        var otherParagraph = Examples.DraftOf(Examples.Res3723()).AddParagraph(ParagraphKind.Preambular, 1, "Recalling", TextSource.Quoted);

        var act = () => concern.LinkParagraph(otherParagraph);

        act.Should().Throw<DomainException>().WithMessage("*own resolution*");
        concern.Paragraphs.Should().BeEmpty();
    }

    [Fact]
    public void Linking_the_same_paragraph_twice_is_refused()
    {
        var concern = NewConcern();
        var pp4 = Examples.DraftOf(_resolution).AddParagraph(ParagraphKind.Preambular, 4, "Recalling", TextSource.Quoted);
        concern.LinkParagraph(pp4);

        var act = () => concern.LinkParagraph(pp4);

        act.Should().Throw<DomainException>().WithMessage("*pp.4*");
    }

    [Fact]
    public void Footnotes_are_numbered_in_the_order_they_are_added()
    {
        var concern = NewConcern();

        var first = concern.AddFootnote(Examples.Staff, "A/HRC/RES/37/23.", [], Later);
        var second = concern.AddFootnote(Examples.Staff, "GA resolution 60/251.", [], Later);

        first.Position.Should().Be(1);
        second.Position.Should().Be(2);
        first.Concern.Should().BeSameAs(concern);
    }

    [Theory]
    [InlineData("A/HRC/RES/37/23", null)]
    [InlineData(null, "https://undocs.org/en/A/RES/60/251")]
    [InlineData("A/RES/72/247", "http://undocs.org/A/RES/72/247")]
    public void A_citation_names_a_symbol_or_an_http_address(string? symbol, string? url)
    {
        var footnote = NewConcern().AddFootnote(Examples.Staff, "See", [], Later);

        var citation = footnote.Cite(symbol, url);

        citation.Symbol.Should().Be(symbol);
        citation.Url.Should().Be(url);
        citation.Position.Should().Be(1);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(" ", "")]
    public void A_citation_without_symbol_or_address_is_refused(string? symbol, string? url)
    {
        var footnote = NewConcern().AddFootnote(Examples.Staff, "See", [], Later);

        var act = () => footnote.Cite(symbol, url);

        act.Should().Throw<DomainException>();
        footnote.Citations.Should().BeEmpty();
    }

    [Theory]
    [InlineData("javascript:alert(document.cookie)")]
    [InlineData("JavaScript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("ftp://example.org/file")]
    [InlineData("undocs.org/A/RES/60/251")]
    public void A_citation_address_that_is_not_http_is_refused(string url)
    {
        var footnote = NewConcern().AddFootnote(Examples.Staff, "See", [], Later);

        var act = () => footnote.Cite("A/RES/60/251", url);

        act.Should().Throw<DomainException>();
    }

    [Fact]
    public void Another_staff_member_cannot_edit_someone_elses_concern()
    {
        var concern = NewConcern();

        var act = () => concern.Edit(Examples.OtherStaff, "Hijacked", null, null, Severity.Low, Later);

        act.Should().Throw<DomainException>().WithMessage("*author or a coalition lead*");
        concern.Heading.Should().Be("Weakening accountability");
    }

    [Fact]
    public void A_lead_can_edit_someone_elses_concern()
    {
        var concern = NewConcern();

        concern.Edit(Examples.Lead, "Sharper heading", null, null, Severity.High, Later);

        concern.Heading.Should().Be("Sharper heading");
    }

    [Fact]
    public void Another_staff_member_cannot_submit_someone_elses_concern()
    {
        var concern = NewConcern();

        var act = () => concern.Submit(Examples.OtherStaff, Later);

        act.Should().Throw<DomainException>();
        concern.State.Should().Be(ConcernState.Draft);
    }

    [Fact]
    public void Setting_paragraphs_replaces_the_links_in_the_given_order()
    {
        var concern = NewConcern();
        var version = Examples.DraftOf(_resolution);
        var pp4 = version.AddParagraph(ParagraphKind.Preambular, 4, null, TextSource.NotImported);
        var pp8 = version.AddParagraph(ParagraphKind.Preambular, 8, null, TextSource.NotImported);
        concern.LinkParagraph(pp4);

        concern.SetParagraphs(Examples.Staff, [(pp8, null), (pp4, "quoted words")], Later);

        concern.Paragraphs.Select(p => p.Paragraph).Should().Equal(pp8, pp4);
        concern.Paragraphs.Select(p => p.Position).Should().Equal(1, 2);
    }

    [Fact]
    public void Setting_a_paragraph_of_another_resolution_is_refused_and_keeps_the_links()
    {
        var concern = NewConcern();
        var own = Examples.DraftOf(_resolution).AddParagraph(ParagraphKind.Preambular, 4, null, TextSource.NotImported);
        var foreign = Examples.DraftOf(Examples.Res3723()).AddParagraph(ParagraphKind.Operative, 1, "Text;", TextSource.Imported);
        concern.LinkParagraph(own);

        var act = () => concern.SetParagraphs(Examples.Staff, [(foreign, null)], Later);

        act.Should().Throw<DomainException>().WithMessage("*own resolution*");
        concern.Paragraphs.Select(p => p.Paragraph).Should().Equal(own);
    }

    [Fact]
    public void Footnotes_can_be_moved_and_removed_and_stay_numbered_without_gaps()
    {
        var concern = NewConcern();
        var first = concern.AddFootnote(Examples.Staff, "First.", [], Later);
        var second = concern.AddFootnote(Examples.Staff, "Second.", [new CitationInput("A/RES/60/251", null)], Later);
        var third = concern.AddFootnote(Examples.Staff, "Third.", [], Later);

        concern.MoveFootnote(Examples.Staff, third, 1, Later);
        concern.RemoveFootnote(Examples.Staff, first, Later);

        concern.Footnotes.OrderBy(f => f.Position).Should().Equal(third, second);
        concern.Footnotes.OrderBy(f => f.Position).Select(f => f.Position).Should().Equal(1, 2);
        second.Citations.Single().Symbol.Should().Be("A/RES/60/251");
    }

    [Fact]
    public void Moving_a_footnote_out_of_range_is_refused()
    {
        var concern = NewConcern();
        var only = concern.AddFootnote(Examples.Staff, "Only.", [], Later);

        var act = () => concern.MoveFootnote(Examples.Staff, only, 2, Later);

        act.Should().Throw<DomainException>();
        only.Position.Should().Be(1);
    }

    [Fact]
    public void Editing_a_footnote_of_an_approved_concern_starts_a_new_revision()
    {
        var concern = Approved();
        var note = concern.Footnotes.Count == 0 ? null : concern.Footnotes[0];
        note.Should().BeNull();

        concern.AddFootnote(Examples.Lead, "Added after approval.", [new CitationInput(null, "https://undocs.org/en/A/RES/60/251")], Later);

        concern.State.Should().Be(ConcernState.Draft);
        concern.RevisionNumber.Should().Be(2);
        concern.ApprovedRevisionNumber.Should().Be(1);
    }

    [Fact]
    public void A_footnote_citing_a_javascript_address_is_refused()
    {
        var concern = NewConcern();

        var act = () => concern.AddFootnote(Examples.Staff, "See.", [new CitationInput(null, "javascript:alert(1)")], Later);

        act.Should().Throw<DomainException>();
    }

    private (Paragraph Old, Paragraph New) SameParagraphInTwoVersions(string oldText, string newText)
    {
        var l31 = _resolution.AddVersion("L.31 (follow)", VersionKind.Draft, null, TextCompleteness.Complete);
        var rev1 = _resolution.AddVersion("L.31/Rev.1 (follow)", VersionKind.Revision, null, TextCompleteness.Complete);
        var old = l31.AddParagraph(ParagraphKind.Operative, 2, oldText, TextSource.Imported);
        var @new = rev1.AddParagraph(ParagraphKind.Operative, 3, newText, TextSource.Imported, old.StableId);
        return (old, @new);
    }

    [Fact]
    public void A_concern_follows_its_paragraph_into_a_new_version_and_is_flagged_when_the_text_changed()
    {
        var concern = NewConcern();
        var (old, @new) = SameParagraphInTwoVersions("Calls upon all States to cooperate;", "Urges all States to cooperate;");
        concern.LinkParagraph(old, "cooperate");

        concern.FollowParagraph(old, @new);

        concern.Paragraphs.Single().Paragraph.Should().BeSameAs(@new);
        concern.Paragraphs.Single().Quote.Should().Be("cooperate");
        concern.Paragraphs.Single().TextWhenLinked.Should().Be("Calls upon all States to cooperate;");
        concern.TextChanged.Should().BeTrue();
    }

    [Fact]
    public void A_concern_following_an_unchanged_paragraph_is_not_flagged()
    {
        var concern = NewConcern();
        var (old, @new) = SameParagraphInTwoVersions("Decides to remain seized of the matter.", "Decides to remain seized of the matter.");
        concern.LinkParagraph(old);

        concern.FollowParagraph(old, @new);

        concern.TextChanged.Should().BeFalse();
    }

    [Fact]
    public void Confirming_the_new_text_clears_the_flag_without_a_new_revision()
    {
        var concern = NewConcern();
        var (old, @new) = SameParagraphInTwoVersions("Calls upon all States;", "Urges all States;");
        concern.LinkParagraph(old);
        concern.FollowParagraph(old, @new);

        concern.ConfirmParagraphText(Examples.Staff, @new, Later);

        concern.TextChanged.Should().BeFalse();
        concern.RevisionNumber.Should().Be(1);
    }

    [Fact]
    public void Confirming_when_nothing_changed_is_refused()
    {
        var concern = NewConcern();
        var (old, _) = SameParagraphInTwoVersions("Same;", "Same;");
        concern.LinkParagraph(old);

        var act = () => concern.ConfirmParagraphText(Examples.Staff, old, Later);

        act.Should().Throw<DomainException>().WithMessage("*not changed*");
    }

    [Fact]
    public void A_concern_does_not_follow_a_different_paragraph()
    {
        var concern = NewConcern();
        var (old, _) = SameParagraphInTwoVersions("One;", "One;");
        var other = _resolution.LatestVersion!.AddParagraph(ParagraphKind.Operative, 9, "Other;", TextSource.Imported);
        concern.LinkParagraph(old);

        var act = () => concern.FollowParagraph(old, other);

        act.Should().Throw<DomainException>();
        concern.Paragraphs.Single().Paragraph.Should().BeSameAs(old);
    }
}

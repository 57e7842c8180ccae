using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Resolutions;

namespace ResolutionTracker.UnitTests.Domain;

public class ResolutionTests
{
    [Fact]
    public void A_new_resolution_is_a_draft_with_a_slug_from_its_symbol()
    {
        var resolution = Examples.L31();

        resolution.Status.Should().Be(ResolutionStatus.Draft);
        resolution.Slug.Should().Be("a-hrc-43-l-31");
        resolution.Versions.Should().BeEmpty();
        resolution.LatestVersion.Should().BeNull();
    }

    [Fact]
    public void A_session_of_another_body_is_refused()
    {
        var act = () => new Resolution("A/C.3/80/L.14", "Title", UnBody.ThirdCommittee, Examples.Hrc43());

        act.Should().Throw<DomainException>();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_resolution_needs_a_symbol(string symbol)
    {
        var act = () => new Resolution(symbol, "Title", UnBody.HumanRightsCouncil, Examples.Hrc43());

        act.Should().Throw<DomainException>();
    }

    [Fact]
    public void A_symbol_longer_than_the_limit_is_refused()
    {
        var act = () => new Resolution(new string('A', Limits.Symbol + 1), "Title", UnBody.HumanRightsCouncil, Examples.Hrc43());

        act.Should().Throw<DomainException>();
    }

    [Fact]
    public void A_resolution_needs_a_title()
    {
        var resolution = Examples.L31();

        var act = () => resolution.Retitle(" ");

        act.Should().Throw<DomainException>();
    }

    [Fact]
    public void Versions_are_numbered_in_the_order_they_are_added()
    {
        var resolution = Examples.L31();

        var draft = resolution.AddVersion("L.31", VersionKind.Draft, new DateOnly(2020, 3, 10), TextCompleteness.Partial);
        var oral = resolution.AddVersion("as orally revised", VersionKind.OralRevision, new DateOnly(2020, 6, 22), TextCompleteness.NotImported);

        draft.Sequence.Should().Be(1);
        oral.Sequence.Should().Be(2);
        resolution.LatestVersion.Should().BeSameAs(oral);
    }

    [Fact]
    public void Two_versions_with_the_same_label_are_refused()
    {
        var resolution = Examples.L31();
        resolution.AddVersion("L.31/Rev.1", VersionKind.Revision, null, TextCompleteness.Complete);

        var act = () => resolution.AddVersion(" l.31/rev.1 ", VersionKind.Revision, null, TextCompleteness.Complete);

        act.Should().Throw<DomainException>();
        resolution.Versions.Should().ContainSingle();
    }

    [Fact]
    public void A_version_needs_a_label()
    {
        var act = () => Examples.L31().AddVersion(" ", VersionKind.Draft, null, TextCompleteness.Complete);

        act.Should().Throw<DomainException>();
    }

    [Fact]
    public void Adding_a_revision_to_a_draft_resolution_marks_it_revised()
    {
        var resolution = Examples.L31();

        resolution.AddVersion("L.31/Rev.1", VersionKind.Revision, null, TextCompleteness.Complete, "A/HRC/43/L.31/Rev.1");

        resolution.Status.Should().Be(ResolutionStatus.Revised);
    }

    [Fact]
    public void Adding_a_revision_to_an_adopted_resolution_keeps_it_adopted()
    {
        var resolution = Examples.L31();
        resolution.MarkAdopted(new DateOnly(2020, 6, 22));

        resolution.AddVersion("L.31/Rev.1", VersionKind.Revision, null, TextCompleteness.Complete);

        resolution.Status.Should().Be(ResolutionStatus.Adopted);
    }

    [Fact]
    public void Marking_a_resolution_adopted_records_the_date()
    {
        var resolution = Examples.L31();

        resolution.MarkAdopted(new DateOnly(2018, 3, 23));

        resolution.Status.Should().Be(ResolutionStatus.Adopted);
        resolution.AdoptedOn.Should().Be(new DateOnly(2018, 3, 23));
    }

    [Theory]
    [InlineData(ResolutionStatus.Withdrawn)]
    [InlineData(ResolutionStatus.Rejected)]
    public void A_withdrawn_or_rejected_resolution_cannot_be_adopted(ResolutionStatus status)
    {
        var resolution = Examples.L31();
        resolution.ChangeStatus(status);

        var act = () => resolution.MarkAdopted(new DateOnly(2020, 6, 22));

        act.Should().Throw<DomainException>();
        resolution.Status.Should().Be(status);
    }

    [Fact]
    public void Changing_the_status_to_adopted_without_a_date_is_refused()
    {
        var act = () => Examples.L31().ChangeStatus(ResolutionStatus.Adopted);

        act.Should().Throw<DomainException>();
    }

    [Fact]
    public void Changing_the_status_of_an_adopted_resolution_clears_its_adoption_date()
    {
        var resolution = Examples.L31();
        resolution.MarkAdopted(new DateOnly(2020, 6, 22));

        resolution.ChangeStatus(ResolutionStatus.Deferred);

        resolution.Status.Should().Be(ResolutionStatus.Deferred);
        resolution.AdoptedOn.Should().BeNull();
    }

    [Fact]
    public void A_resolution_records_its_predecessor()
    {
        var l31 = Examples.L31();
        var res3723 = Examples.Res3723();

        l31.AddPredecessor(res3723);

        l31.Predecessors.Should().ContainSingle().Which.Predecessor.Should().BeSameAs(res3723);
    }

    [Fact]
    public void Adding_the_same_predecessor_twice_keeps_one_link()
    {
        var l31 = Examples.L31();
        var res3723 = Examples.Res3723();

        l31.AddPredecessor(res3723);
        l31.AddPredecessor(res3723);

        l31.Predecessors.Should().ContainSingle();
    }

    [Fact]
    public void A_resolution_cannot_be_its_own_predecessor()
    {
        var l31 = Examples.L31();

        var act = () => l31.AddPredecessor(l31);

        act.Should().Throw<DomainException>();
    }

    [Fact]
    public void A_session_number_must_be_positive()
    {
        var act = () => new Session(UnBody.HumanRightsCouncil, 0);

        act.Should().Throw<DomainException>();
    }

    [Fact]
    public void A_session_cannot_close_before_it_opens()
    {
        var act = () => new Session(UnBody.HumanRightsCouncil, 43, new DateOnly(2020, 2, 24), new DateOnly(2020, 2, 23));

        act.Should().Throw<DomainException>();
    }
}

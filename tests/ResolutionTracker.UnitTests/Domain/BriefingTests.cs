using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Briefings;
using ResolutionTracker.Domain.Concerns;
using ResolutionTracker.Domain.Organisations;
using ResolutionTracker.Domain.Resolutions;

namespace ResolutionTracker.UnitTests.Domain;

public class BriefingTests
{
    private readonly Resolution _resolution = Examples.L31();

    private Briefing NewBriefing() =>
        new(_resolution, "Annex: key concerns with draft resolution A/HRC/43/L.31", "We urge States to vote No.",
            BriefingStance.Oppose, "Vote No", Examples.Now);

    private Concern ApprovedConcern(string heading)
    {
        var concern = new Concern(_resolution, "staff-1", heading, null, "Body", Severity.High, Examples.Now);
        concern.Submit(Examples.Staff, Examples.Now);
        concern.Approve(Examples.Lead, Examples.Now);
        return concern;
    }

    private Briefing WithConcern()
    {
        var briefing = NewBriefing();
        briefing.AddConcern(ApprovedConcern("Weakening accountability"));
        return briefing;
    }

    [Fact]
    public void A_new_briefing_is_a_draft_with_a_slug_from_symbol_and_title()
    {
        var briefing = NewBriefing();

        briefing.Status.Should().Be(BriefingStatus.Draft);
        briefing.Slug.Should().Be("a-hrc-43-l-31-annex-key-concerns-with-draft-resolution");
        briefing.PublishedAt.Should().BeNull();
    }

    [Fact]
    public void A_briefing_can_be_given_a_short_address()
    {
        var briefing = new Briefing(_resolution, "Key concerns", null, BriefingStance.Oppose, null, Examples.Now, slug: "A/HRC/43/L.31 key concerns");

        briefing.Slug.Should().Be("a-hrc-43-l-31-key-concerns");
    }

    [Fact]
    public void A_briefing_needs_a_title()
    {
        var act = () => new Briefing(_resolution, " ", null, BriefingStance.Oppose, null, Examples.Now);

        act.Should().Throw<DomainException>();
    }

    [Fact]
    public void Publishing_a_briefing_without_concerns_is_refused()
    {
        var briefing = NewBriefing();

        var act = () => briefing.Publish("lead-1", "<article>…</article>", Examples.Now);

        act.Should().Throw<DomainException>();
        briefing.Status.Should().Be(BriefingStatus.Draft);
        briefing.Snapshots.Should().BeEmpty();
    }

    [Fact]
    public void Adding_a_concern_that_is_not_approved_is_refused()
    {
        var briefing = NewBriefing();
        var draft = new Concern(_resolution, "staff-1", "Still a draft", null, "Body", Severity.High, Examples.Now);

        var act = () => briefing.AddConcern(draft);

        act.Should().Throw<DomainException>().WithMessage("*approved*");
        briefing.Concerns.Should().BeEmpty();
    }

    [Fact]
    public void Publishing_a_briefing_whose_only_concern_was_withdrawn_is_refused()
    {
        var briefing = NewBriefing();
        var concern = ApprovedConcern("Withdrawn later");
        briefing.AddConcern(concern);
        concern.Withdraw(Examples.Lead, Examples.Now);

        var act = () => briefing.Publish("lead-1", "{}", Examples.Now);

        act.Should().Throw<DomainException>().WithMessage("*approved concern*");
        briefing.Snapshots.Should().BeEmpty();
    }

    [Fact]
    public void Concerns_recommendations_and_signatories_can_be_reordered_and_removed_without_gaps()
    {
        var briefing = NewBriefing();
        var a = ApprovedConcern("A");
        var b = ApprovedConcern("B");
        var c = ApprovedConcern("C");
        briefing.AddConcern(a);
        briefing.AddConcern(b);
        briefing.AddConcern(c);
        var first = briefing.AddRecommendation("Call a vote.", "Pledge signatories");
        var second = briefing.AddRecommendation("Vote no.", "Pledge signatories");
        var amnesty = Examples.Ngo("Amnesty International");
        var hrw = Examples.Ngo("Human Rights Watch");
        briefing.AddSignatory(amnesty);
        briefing.AddSignatory(hrw);

        briefing.MoveConcern(c, 1, Examples.Now);
        briefing.RemoveConcern(a, Examples.Now);
        briefing.MoveRecommendation(second, 1, Examples.Now);
        briefing.RemoveSignatory(amnesty, Examples.Now);

        briefing.Concerns.OrderBy(x => x.Position).Select(x => x.Concern).Should().Equal(c, b);
        briefing.Concerns.Select(x => x.Position).Should().BeEquivalentTo([1, 2]);
        briefing.Recommendations.OrderBy(r => r.Position).Should().Equal(second, first);
        briefing.Signatories.Single().Organisation.Should().BeSameAs(hrw);
        briefing.Signatories.Single().Position.Should().Be(1);
    }

    [Fact]
    public void Moving_outside_the_list_is_refused()
    {
        var briefing = NewBriefing();
        var only = briefing.AddRecommendation("Call a vote.", null);

        var act = () => briefing.MoveRecommendation(only, 2, Examples.Now);

        act.Should().Throw<DomainException>();
    }

    [Fact]
    public void An_edit_after_publishing_is_an_unpublished_change()
    {
        var briefing = WithConcern();
        briefing.Publish("lead-1", "{}", Examples.Now);
        briefing.HasUnpublishedChanges.Should().BeFalse();

        briefing.Edit("New title", null, BriefingStance.Oppose, null, Examples.Now.AddMinutes(5));

        briefing.HasUnpublishedChanges.Should().BeTrue();
    }

    [Fact]
    public void A_concern_about_another_unsaved_resolution_cannot_join_the_briefing()
    {
        var briefing = NewBriefing();
        var other = new Concern(Examples.Res3723(), "staff-1", "Elsewhere", null, "Body", Severity.Low, Examples.Now);

        var act = () => briefing.AddConcern(other);

        act.Should().Throw<DomainException>();
        briefing.Concerns.Should().BeEmpty();
    }

    [Fact]
    public void Publishing_freezes_a_snapshot()
    {
        var briefing = WithConcern();

        var snapshot = briefing.Publish("lead-1", "<article>v1</article>", Examples.Now);

        snapshot.Number.Should().Be(1);
        snapshot.Content.Should().Be("<article>v1</article>");
        snapshot.PublishedBy.Should().Be("lead-1");
        briefing.Status.Should().Be(BriefingStatus.Published);
        briefing.PublishedAt.Should().Be(Examples.Now);
    }

    [Fact]
    public void Each_publication_gets_the_next_snapshot_number()
    {
        var briefing = WithConcern();

        briefing.Publish("lead-1", "<article>v1</article>", Examples.Now);
        briefing.Publish("lead-1", "<article>v2</article>", Examples.Now.AddDays(1));
        briefing.Publish("lead-1", "<article>v3</article>", Examples.Now.AddDays(2));

        briefing.Snapshots.Select(s => s.Number).Should().Equal(1, 2, 3);
        briefing.PublishedAt.Should().Be(Examples.Now.AddDays(2));
    }

    [Fact]
    public void A_snapshot_needs_content()
    {
        var briefing = WithConcern();

        var act = () => briefing.Publish("lead-1", "   ", Examples.Now);

        act.Should().Throw<DomainException>();
        briefing.Snapshots.Should().BeEmpty();
    }

    [Fact]
    public void Concerns_keep_the_order_they_were_added_in()
    {
        var briefing = NewBriefing();
        var first = ApprovedConcern("Weakening accountability");
        var second = ApprovedConcern("Development over rights");

        briefing.AddConcern(first);
        briefing.AddConcern(second);

        briefing.Concerns.Select(c => c.Concern).Should().Equal(first, second);
        briefing.Concerns.Select(c => c.Position).Should().Equal(1, 2);
    }

    [Fact]
    public void Adding_the_same_concern_twice_is_refused()
    {
        var briefing = NewBriefing();
        var concern = ApprovedConcern("Weakening accountability");
        briefing.AddConcern(concern);

        var act = () => briefing.AddConcern(concern);

        act.Should().Throw<DomainException>();
        briefing.Concerns.Should().ContainSingle();
    }

    [Fact]
    public void Ngos_sign_a_briefing_in_order()
    {
        var briefing = NewBriefing();
        var ishr = Examples.Ngo("International Service for Human Rights");
        var hrw = Examples.Ngo("Human Rights Watch");

        briefing.AddSignatory(ishr);
        briefing.AddSignatory(hrw);

        briefing.Signatories.Select(s => s.Organisation).Should().Equal(ishr, hrw);
        briefing.Signatories.Select(s => s.Position).Should().Equal(1, 2);
    }

    [Fact]
    public void A_state_does_not_sign_a_coalition_briefing()
    {
        var briefing = NewBriefing();

        var act = () => briefing.AddSignatory(Examples.State("Denmark"));

        act.Should().Throw<DomainException>();
        briefing.Signatories.Should().BeEmpty();
    }

    [Fact]
    public void A_signatory_signs_only_once()
    {
        var briefing = NewBriefing();
        var hrw = Examples.Ngo("Human Rights Watch");
        briefing.AddSignatory(hrw);

        var act = () => briefing.AddSignatory(hrw);

        act.Should().Throw<DomainException>().WithMessage("Human Rights Watch*");
        briefing.Signatories.Should().ContainSingle();
    }

    [Theory]
    [InlineData(OrganisationKind.UnBody)]
    [InlineData(OrganisationKind.Nhri)]
    public void Other_non_state_organisations_may_sign(OrganisationKind kind)
    {
        var briefing = NewBriefing();

        briefing.AddSignatory(new Organisation("A signatory", kind));

        briefing.Signatories.Should().ContainSingle();
    }

    [Fact]
    public void Recommendations_are_numbered_and_addressed_to_a_group()
    {
        var briefing = NewBriefing();

        briefing.AddRecommendation("Call a vote on the draft resolution.", "Members of the Council");
        var second = briefing.AddRecommendation("Vote No.", null);

        briefing.Recommendations.Select(r => r.Position).Should().Equal(1, 2);
        briefing.Recommendations[0].TargetGroup.Should().Be("Members of the Council");
        second.TargetGroup.Should().BeNull();
    }

    [Fact]
    public void Briefing_footnotes_are_numbered_in_order()
    {
        var briefing = NewBriefing();

        var signatories = briefing.AddFootnote("Signed by 16 organisations.");
        var second = briefing.AddFootnote("A/HRC/RES/37/23.");

        signatories.Position.Should().Be(1);
        second.Position.Should().Be(2);
        signatories.Briefing.Should().BeSameAs(briefing);
        signatories.Concern.Should().BeNull();
    }

    [Fact]
    public void Editing_a_briefing_changes_its_content()
    {
        var briefing = NewBriefing();

        briefing.Edit("New title", null, BriefingStance.SupportWithAmendments, null, Examples.Now.AddHours(1));

        briefing.Title.Should().Be("New title");
        briefing.Stance.Should().Be(BriefingStance.SupportWithAmendments);
        briefing.Introduction.Should().BeNull();
        briefing.UpdatedAt.Should().Be(Examples.Now.AddHours(1));
    }
}

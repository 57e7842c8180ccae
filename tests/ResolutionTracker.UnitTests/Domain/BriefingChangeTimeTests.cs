using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Briefings;
using ResolutionTracker.Domain.Concerns;
using ResolutionTracker.Domain.Organisations;
using ResolutionTracker.Domain.Resolutions;

namespace ResolutionTracker.UnitTests.Domain;

// Every change to what a briefing would publish dates the briefing (UpdatedAt), so HasUnpublishedChanges tells
// the composer the public page is behind. Each mutator is run on a published briefing, on a clock that has moved on.
public class BriefingChangeTimeTests
{
    private readonly Resolution _resolution = Examples.L31();
    private DateTimeOffset _now = Examples.Now;

    // A clock that only moves forward: each call is one minute later than the last.
    private DateTimeOffset Tick() => _now = _now.AddMinutes(1);

    private sealed record Composed(Briefing Briefing, Concern First, Concern Second, Concern Spare, Recommendation Recommendation,
        Recommendation OtherRecommendation, Organisation Signatory, Organisation OtherSignatory, Organisation Spare2, Footnote Note, Footnote OtherNote);

    private Concern ApprovedConcern(string heading)
    {
        var concern = new Concern(_resolution, "staff-1", heading, null, "Body", Severity.High, _now);
        concern.Submit(Examples.Staff, _now);
        concern.Approve(Examples.Lead, _now);
        return concern;
    }

    private Composed PublishedBriefing() => ComposedBriefing(publish: true);

    // Two of everything, each added at its own time, and published (or not).
    private Composed ComposedBriefing(bool publish)
    {
        var briefing = new Briefing(_resolution, "Key concerns", "Our organisations oppose it.", BriefingStance.Oppose, "Vote No.", Tick());
        var first = ApprovedConcern("First");
        var second = ApprovedConcern("Second");
        briefing.AddConcern(first, Tick());
        briefing.AddConcern(second, Tick());
        var recommendation = briefing.AddRecommendation("Call a vote.", "Members of the Council", Tick());
        var other = briefing.AddRecommendation("Vote no.", null, Tick());
        var ishr = Examples.Ngo("International Service for Human Rights");
        var hrw = Examples.Ngo("Human Rights Watch");
        briefing.AddSignatory(ishr, Tick());
        briefing.AddSignatory(hrw, Tick());
        var note = briefing.AddFootnote("Signed by 2 organisations.", null, Tick());
        var otherNote = briefing.AddFootnote("A/HRC/RES/37/23.", [new CitationInput("A/HRC/RES/37/23", null)], Tick());
        if (publish)
            briefing.Publish("lead-1", "{}", Tick());
        return new Composed(briefing, first, second, ApprovedConcern("Spare"), recommendation, other, ishr, hrw, Examples.Ngo("Amnesty International"),
            note, otherNote);
    }

    public static TheoryData<string> Mutators() =>
    [
        "Edit", "AddConcern", "RemoveConcern", "MoveConcern",
        "AddRecommendation", "EditRecommendation", "RemoveRecommendation", "MoveRecommendation",
        "AddSignatory", "RemoveSignatory", "MoveSignatory",
        "AddFootnote", "EditFootnote", "RemoveFootnote", "MoveFootnote",
    ];

    private static void Change(string mutator, Composed c, DateTimeOffset now)
    {
        var b = c.Briefing;
        switch (mutator)
        {
            case "Edit": b.Edit("Key concerns, revised", b.Introduction, b.Stance, b.PositionStatement, now); break;
            case "AddConcern": b.AddConcern(c.Spare, now); break;
            case "RemoveConcern": b.RemoveConcern(c.First, now); break;
            case "MoveConcern": b.MoveConcern(c.Second, 1, now); break;
            case "AddRecommendation": b.AddRecommendation("Explain the vote.", null, now); break;
            case "EditRecommendation": b.EditRecommendation(c.Recommendation, "Call a recorded vote.", "All members", now); break;
            case "RemoveRecommendation": b.RemoveRecommendation(c.Recommendation, now); break;
            case "MoveRecommendation": b.MoveRecommendation(c.OtherRecommendation, 1, now); break;
            case "AddSignatory": b.AddSignatory(c.Spare2, now); break;
            case "RemoveSignatory": b.RemoveSignatory(c.Signatory, now); break;
            case "MoveSignatory": b.MoveSignatory(c.OtherSignatory, 1, now); break;
            case "AddFootnote": b.AddFootnote("Another note.", null, now); break;
            case "EditFootnote": b.EditFootnote(c.Note, "Signed by 3 organisations.", [], now); break;
            case "RemoveFootnote": b.RemoveFootnote(c.Note, now); break;
            case "MoveFootnote": b.MoveFootnote(c.OtherNote, 1, now); break;
            default: throw new ArgumentOutOfRangeException(nameof(mutator), mutator, null);
        }
    }

    [Theory]
    [MemberData(nameof(Mutators))]
    public void Every_change_after_publishing_dates_the_briefing_and_counts_as_unpublished(string mutator)
    {
        var composed = PublishedBriefing();
        var briefing = composed.Briefing;
        briefing.HasUnpublishedChanges.Should().BeFalse();
        var later = Tick();

        Change(mutator, composed, later);

        briefing.UpdatedAt.Should().Be(later);
        briefing.HasUnpublishedChanges.Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(Mutators))]
    public void Every_change_to_a_briefing_never_published_dates_it_too(string mutator)
    {
        var composed = ComposedBriefing(publish: false);
        var later = Tick();

        Change(mutator, composed, later);

        composed.Briefing.UpdatedAt.Should().Be(later);
        composed.Briefing.HasUnpublishedChanges.Should().BeTrue();
    }

    [Fact]
    public void A_recommendation_is_edited_through_its_briefing()
    {
        var composed = PublishedBriefing();
        var later = Tick();

        composed.Briefing.EditRecommendation(composed.Recommendation, "  Call a recorded vote. ", "All members", later);

        composed.Recommendation.Text.Should().Be("Call a recorded vote.");
        composed.Recommendation.TargetGroup.Should().Be("All members");
        composed.Briefing.UpdatedAt.Should().Be(later);
    }

    [Fact]
    public void Editing_another_briefings_recommendation_is_refused_and_dates_nothing()
    {
        var composed = PublishedBriefing();
        var other = new Briefing(_resolution, "Another briefing", null, BriefingStance.Oppose, null, _now);
        var foreign = other.AddRecommendation("Abstain.", null);
        var before = composed.Briefing.UpdatedAt;

        var act = () => composed.Briefing.EditRecommendation(foreign, "Changed", null, Tick());

        act.Should().Throw<DomainException>();
        foreign.Text.Should().Be("Abstain.");
        composed.Briefing.UpdatedAt.Should().Be(before);
    }

    [Fact]
    public void A_refused_recommendation_edit_changes_neither_its_text_nor_the_date()
    {
        var composed = PublishedBriefing();
        var before = composed.Briefing.UpdatedAt;

        var act = () => composed.Briefing.EditRecommendation(composed.Recommendation, "A new text", new string('x', Limits.Title + 1), Tick());

        act.Should().Throw<DomainException>();
        composed.Recommendation.Text.Should().Be("Call a vote.");
        composed.Recommendation.TargetGroup.Should().Be("Members of the Council");
        composed.Briefing.UpdatedAt.Should().Be(before);
        composed.Briefing.HasUnpublishedChanges.Should().BeFalse();
    }

    [Fact]
    public void A_refused_addition_does_not_date_the_briefing()
    {
        var composed = PublishedBriefing();
        var before = composed.Briefing.UpdatedAt;

        var act = () => composed.Briefing.AddSignatory(Examples.State("Denmark"), Tick());

        act.Should().Throw<DomainException>();
        composed.Briefing.UpdatedAt.Should().Be(before);
        composed.Briefing.HasUnpublishedChanges.Should().BeFalse();
    }

    [Fact]
    public void Adding_without_a_time_after_publishing_is_a_programming_error()
    {
        var composed = PublishedBriefing();
        var b = composed.Briefing;

        b.Invoking(x => x.AddConcern(composed.Spare)).Should().Throw<InvalidOperationException>();
        b.Invoking(x => x.AddRecommendation("Explain the vote.", null)).Should().Throw<InvalidOperationException>();
        b.Invoking(x => x.AddSignatory(composed.Spare2)).Should().Throw<InvalidOperationException>();
        b.Invoking(x => x.AddFootnote("Another note.")).Should().Throw<InvalidOperationException>();

        b.Concerns.Should().HaveCount(2);
        b.Recommendations.Should().HaveCount(2);
        b.Signatories.Should().HaveCount(2);
        b.Footnotes.Should().HaveCount(2);
        b.HasUnpublishedChanges.Should().BeFalse();
    }

    [Fact]
    public void Adding_without_a_time_still_assembles_a_briefing_never_published()
    {
        var briefing = new Briefing(_resolution, "Key concerns", null, BriefingStance.Oppose, null, _now);

        briefing.AddConcern(ApprovedConcern("First"));
        briefing.AddRecommendation("Vote no.", null);
        briefing.AddSignatory(Examples.Ngo("Human Rights Watch"));
        briefing.AddFootnote("Signed by 1 organisation.");

        briefing.Concerns.Should().ContainSingle();
        briefing.HasUnpublishedChanges.Should().BeTrue();
    }
}

using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Organisations;
using ResolutionTracker.Domain.Resolutions;
using ResolutionTracker.Domain.Votes;

namespace ResolutionTracker.UnitTests.Domain;

public class VoteTests
{
    private static readonly DateOnly VoteDay = new(2018, 3, 23);

    private readonly ResolutionVersion _version = Examples.Res3723()
        .AddVersion("as orally revised", VersionKind.OralRevision, VoteDay, TextCompleteness.NotImported);

    private Vote Recorded() => new(_version, VoteKind.Recorded, VoteDay, "53rd meeting");

    private static void RecordMany(Vote vote, string prefix, int count, VoteChoice choice)
    {
        for (var i = 1; i <= count; i++)
            vote.Record(Examples.State($"{prefix} {i}"), choice);
    }

    // Resolution 37/23: adopted by a recorded vote of 28 to 1, with 17 abstentions (one member not voting).
    private Vote Vote3723()
    {
        var vote = Recorded();
        RecordMany(vote, "Yes state", 28, VoteChoice.Yes);
        vote.Record(Examples.State("United States of America", RegionalGroup.WesternEuropeanAndOthers), VoteChoice.No);
        RecordMany(vote, "Abstaining state", 17, VoteChoice.Abstain);
        vote.Record(Examples.State("Non-voting state"), VoteChoice.NonVoting);
        return vote;
    }

    [Fact]
    public void Totals_are_counted_from_the_rows()
    {
        var vote = Vote3723();

        vote.Rows.Should().HaveCount(47);
        vote.Yes.Should().Be(28);
        vote.No.Should().Be(1);
        vote.Abstentions.Should().Be(17);
        vote.NonVoting.Should().Be(1);
    }

    [Fact]
    public void The_tally_reads_as_the_UN_reports_it()
    {
        Vote3723().Tally.Should().Be("28 to 1, with 17 abstentions");
    }

    [Fact]
    public void A_single_abstention_is_singular_in_the_tally()
    {
        var vote = Recorded();
        vote.Record(Examples.State("China"), VoteChoice.Yes);
        vote.Record(Examples.State("Denmark"), VoteChoice.Abstain);

        vote.Tally.Should().Be("1 to 0, with 1 abstention");
    }

    [Fact]
    public void More_yes_than_no_votes_adopts_the_text()
    {
        Vote3723().Adopted.Should().BeTrue();
    }

    [Fact]
    public void As_many_no_as_yes_votes_does_not_adopt_the_text()
    {
        var vote = Recorded();
        vote.Record(Examples.State("China"), VoteChoice.Yes);
        vote.Record(Examples.State("Denmark"), VoteChoice.No);

        vote.Adopted.Should().BeFalse();
    }

    [Fact]
    public void Recording_a_state_twice_replaces_its_choice()
    {
        var vote = Recorded();
        var china = Examples.State("China");
        vote.Record(china, VoteChoice.Abstain);

        vote.Record(china, VoteChoice.Yes);

        vote.Rows.Should().ContainSingle().Which.Choice.Should().Be(VoteChoice.Yes);
        vote.Yes.Should().Be(1);
        vote.Abstentions.Should().Be(0);
    }

    [Theory]
    [InlineData(OrganisationKind.Ngo)]
    [InlineData(OrganisationKind.UnBody)]
    [InlineData(OrganisationKind.Nhri)]
    public void Only_states_vote(OrganisationKind kind)
    {
        var vote = Recorded();

        var act = () => vote.Record(new Organisation("Not a state", kind), VoteChoice.No);

        act.Should().Throw<DomainException>();
        vote.Rows.Should().BeEmpty();
    }

    [Fact]
    public void A_text_adopted_without_a_vote_has_no_rows()
    {
        var vote = new Vote(_version, VoteKind.WithoutVote, VoteDay);

        vote.Rows.Should().BeEmpty();
        vote.Adopted.Should().BeTrue();
        vote.Tally.Should().Be("adopted without a vote");
    }

    [Fact]
    public void Recording_a_state_on_a_text_adopted_without_a_vote_is_refused()
    {
        var vote = new Vote(_version, VoteKind.WithoutVote, VoteDay);

        var act = () => vote.Record(Examples.State("China"), VoteChoice.Yes);

        act.Should().Throw<DomainException>();
        vote.Rows.Should().BeEmpty();
    }

    [Fact]
    public void A_position_is_held_by_a_state()
    {
        var act = () => new StatePosition(Examples.L31(), Examples.Ngo("Human Rights Watch"), ExpectedVote.No, Priority.High);

        act.Should().Throw<DomainException>();
    }

    [Fact]
    public void A_position_logs_contacts_in_order()
    {
        var position = new StatePosition(Examples.L31(), Examples.State("Denmark"), ExpectedVote.Unknown, Priority.High, "Vote No");

        position.LogContact("staff-1", new DateOnly(2020, 3, 10), "Met the delegation.");
        position.LogContact("staff-1", new DateOnly(2020, 3, 12), "Confirmed a No vote.");

        position.Contacts.Select(c => c.Note).Should().Equal("Met the delegation.", "Confirmed a No vote.");
        position.Ask.Should().Be("Vote No");
    }

    [Fact]
    public void A_contact_needs_a_note()
    {
        var position = new StatePosition(Examples.L31(), Examples.State("Denmark"), ExpectedVote.Unknown, Priority.Low);

        var act = () => position.LogContact("staff-1", new DateOnly(2020, 3, 10), " ");

        act.Should().Throw<DomainException>();
    }
}

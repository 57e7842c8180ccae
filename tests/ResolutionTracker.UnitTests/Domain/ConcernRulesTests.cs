using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Concerns;

namespace ResolutionTracker.UnitTests.Domain;

// Who may do what to a concern in which state, written out by hand: the rule has to agree with this table, and the
// concern has to enforce exactly what the rule says, with the rule's reasons.
public class ConcernRulesTests
{
    private static readonly Actor Author = Examples.Staff;

    public enum Who { Author, Lead, OtherStaff }

    // A = the author (staff), L = a coalition lead who did not write it; "-" = nobody. Every other staff member may do nothing.
    private static readonly Dictionary<ConcernAction, string[]> Allowed = new()
    {
        //                                Draft  InReview ChangesRequested Approved Withdrawn
        [ConcernAction.Edit] = ["AL", "-", "AL", "AL", "-"],
        [ConcernAction.Submit] = ["AL", "-", "AL", "-", "-"],
        [ConcernAction.Withdraw] = ["AL", "AL", "AL", "AL", "-"],
        [ConcernAction.Approve] = ["-", "L", "-", "-", "-"],
        [ConcernAction.SendBack] = ["-", "L", "-", "-", "-"],
    };

    // Who may ever do it, whatever the state.
    private static readonly Dictionary<ConcernAction, string> People = new()
    {
        [ConcernAction.Edit] = "AL",
        [ConcernAction.Submit] = "AL",
        [ConcernAction.Withdraw] = "AL",
        [ConcernAction.Approve] = "L",
        [ConcernAction.SendBack] = "L",
    };

    private static readonly ConcernState[] States =
        [ConcernState.Draft, ConcernState.InReview, ConcernState.ChangesRequested, ConcernState.Approved, ConcernState.Withdrawn];

    public static TheoryData<ConcernAction, ConcernState, Who> EveryCase()
    {
        var data = new TheoryData<ConcernAction, ConcernState, Who>();
        foreach (var action in Enum.GetValues<ConcernAction>())
        {
            foreach (var state in States)
            {
                foreach (var who in Enum.GetValues<Who>())
                    data.Add(action, state, who);
            }
        }
        return data;
    }

    private static Actor ActorFor(Who who) => who switch
    {
        Who.Author => Author,
        Who.Lead => Examples.Lead,
        _ => Examples.OtherStaff,
    };

    private static string Letter(Who who) => who switch
    {
        Who.Author => "A",
        Who.Lead => "L",
        _ => "O",
    };

    private static bool Expected(ConcernAction action, ConcernState state, Who who) =>
        Allowed[action][Array.IndexOf(States, state)].Contains(Letter(who), StringComparison.Ordinal);

    [Fact]
    public void The_table_covers_every_action_and_state()
    {
        Allowed.Keys.Should().BeEquivalentTo(Enum.GetValues<ConcernAction>());
        States.Should().BeEquivalentTo(Enum.GetValues<ConcernState>());
    }

    [Theory]
    [MemberData(nameof(EveryCase))]
    public void The_rule_allows_exactly_what_the_table_says(ConcernAction action, ConcernState state, Who who)
    {
        var refusal = ConcernRules.Check(action, Author.UserId, state, ActorFor(who));

        (refusal is null).Should().Be(Expected(action, state, who), $"{who} {action} in {state}");
    }

    [Theory]
    [MemberData(nameof(EveryCase))]
    public void A_refusal_says_whether_the_person_or_the_state_is_the_reason(ConcernAction action, ConcernState state, Who who)
    {
        var refusal = ConcernRules.Check(action, Author.UserId, state, ActorFor(who));

        if (refusal is not null)
        {
            refusal.Reason.Should().Be(People[action].Contains(Letter(who), StringComparison.Ordinal)
                ? ConcernRefusalReason.NotInThisState
                : ConcernRefusalReason.NotThisPerson);
            refusal.Message.Should().NotBeNullOrWhiteSpace();
        }
    }

    [Theory]
    [MemberData(nameof(EveryCase))]
    public void The_concern_enforces_the_rule_with_its_reason(ConcernAction action, ConcernState state, Who who)
    {
        var concern = ConcernIn(state);
        var refusal = ConcernRules.Check(action, Author.UserId, state, ActorFor(who));

        var act = () => Do(concern, action, ActorFor(who));

        if (refusal is null)
            act.Should().NotThrow();
        else
            act.Should().Throw<DomainException>().Which.Message.Should().Be(refusal.Message);
    }

    [Fact]
    public void Submitting_an_approved_concern_is_refused_because_of_its_state()
    {
        var refusal = ConcernRules.Check(ConcernAction.Submit, Author.UserId, ConcernState.Approved, Author);

        refusal.Should().Be(new ConcernRefusal(ConcernRefusalReason.NotInThisState,
            "Only a draft or a concern sent back can be submitted for review; this one is approved."));
    }

    [Fact]
    public void Another_staff_member_withdrawing_a_withdrawn_concern_is_refused_as_not_theirs_first()
    {
        var refusal = ConcernRules.Check(ConcernAction.Withdraw, Author.UserId, ConcernState.Withdrawn, Examples.OtherStaff);

        refusal.Should().Be(new ConcernRefusal(ConcernRefusalReason.NotThisPerson, "Only the author or a coalition lead can withdraw a concern."));
    }

    [Fact]
    public void Editing_names_the_state_that_forbids_it()
    {
        ConcernRules.Check(ConcernAction.Edit, Author.UserId, ConcernState.InReview, Examples.Lead)!.Message
            .Should().Be("A concern that is in review cannot be changed.");
    }

    // A lead who wrote the concern, with the coalition's self-approval setting off (the default) or on.
    private static readonly Actor LeadAuthor = new("lead-author", CanReview: true);
    private static readonly Actor LeadAuthorAllowedToSelfApprove = LeadAuthor with { SelfApprovalAllowed = true };

    public static TheoryData<ConcernAction, ConcernState> EveryActionAndState()
    {
        var data = new TheoryData<ConcernAction, ConcernState>();
        foreach (var action in Enum.GetValues<ConcernAction>())
        {
            foreach (var state in States)
                data.Add(action, state);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryActionAndState))]
    public void A_lead_who_wrote_the_concern_may_do_what_another_lead_may_except_approve_it(ConcernAction action, ConcernState state)
    {
        var own = ConcernRules.Check(action, LeadAuthor.UserId, state, LeadAuthor);
        var others = ConcernRules.Check(action, Author.UserId, state, Examples.Lead);

        if (action == ConcernAction.Approve)
            own.Should().Be(new ConcernRefusal(ConcernRefusalReason.NeedsAnotherReviewer, ConcernRules.NeedsAnotherReviewerMessage), $"approving in {state}");
        else
            own.Should().Be(others, $"{action} in {state}");
    }

    [Theory]
    [MemberData(nameof(EveryActionAndState))]
    public void With_self_approval_allowed_a_lead_who_wrote_the_concern_may_do_what_another_lead_may(ConcernAction action, ConcernState state)
    {
        var own = ConcernRules.Check(action, LeadAuthor.UserId, state, LeadAuthorAllowedToSelfApprove);
        var others = ConcernRules.Check(action, Author.UserId, state, Examples.Lead);

        own.Should().Be(others, $"{action} in {state}");
    }

    [Fact]
    public void A_lead_approving_their_own_concern_is_told_it_needs_another_reviewer()
    {
        var refusal = ConcernRules.Check(ConcernAction.Approve, LeadAuthor.UserId, ConcernState.InReview, LeadAuthor);

        refusal!.Reason.Should().Be(ConcernRefusalReason.NeedsAnotherReviewer);
        refusal.Message.Should().StartWith("A concern needs a reviewer other than its author");
    }

    [Fact]
    public void Another_lead_approves_a_concern_a_lead_wrote()
    {
        ConcernRules.Check(ConcernAction.Approve, LeadAuthor.UserId, ConcernState.InReview, Examples.Lead).Should().BeNull();
    }

    [Fact]
    public void Allowing_self_approval_does_not_let_a_staff_author_approve()
    {
        var refusal = ConcernRules.Check(ConcernAction.Approve, Author.UserId, ConcernState.InReview, Author with { SelfApprovalAllowed = true });

        refusal.Should().Be(new ConcernRefusal(ConcernRefusalReason.NotThisPerson, "Only a coalition lead can approve a concern."));
    }

    [Fact]
    public void The_concern_refuses_its_author_lead_approving_it()
    {
        var concern = new Concern(Examples.L31(), LeadAuthor.UserId, "Weakening accountability", null, null, Severity.Medium, Examples.Now);
        concern.Submit(LeadAuthor, Examples.Now);

        var act = () => concern.Approve(LeadAuthor, Examples.Now);

        act.Should().Throw<DomainException>().WithMessage(ConcernRules.NeedsAnotherReviewerMessage);
        concern.State.Should().Be(ConcernState.InReview);
        concern.ApprovedRevisionNumber.Should().BeNull();
    }

    [Fact]
    public void The_concern_lets_its_author_lead_approve_it_when_self_approval_is_allowed()
    {
        var concern = new Concern(Examples.L31(), LeadAuthor.UserId, "Weakening accountability", null, null, Severity.Medium, Examples.Now);
        concern.Submit(LeadAuthor, Examples.Now);

        concern.Approve(LeadAuthorAllowedToSelfApprove, Examples.Now);

        concern.State.Should().Be(ConcernState.Approved);
        concern.Revisions.Single().ApprovedBy.Should().Be(LeadAuthor.UserId);
    }

    [Fact]
    public void The_concern_lets_its_author_lead_send_it_back_to_change_it()
    {
        var concern = new Concern(Examples.L31(), LeadAuthor.UserId, "Weakening accountability", null, null, Severity.Medium, Examples.Now);
        concern.Submit(LeadAuthor, Examples.Now);

        concern.RequestChanges(LeadAuthor, "On second thoughts, cite the vote.", Examples.Now);

        concern.State.Should().Be(ConcernState.ChangesRequested);
    }

    private static Concern ConcernIn(ConcernState state)
    {
        var concern = new Concern(Examples.L31(), Author.UserId, "Weakening accountability", null, null, Severity.Medium, Examples.Now);
        if (state == ConcernState.Withdrawn)
            concern.Withdraw(Author, Examples.Now);
        if (state is ConcernState.InReview or ConcernState.ChangesRequested or ConcernState.Approved)
            concern.Submit(Author, Examples.Now);
        if (state == ConcernState.ChangesRequested)
            concern.RequestChanges(Examples.Lead, "Cite the vote.", Examples.Now);
        if (state == ConcernState.Approved)
            concern.Approve(Examples.Lead, Examples.Now);
        concern.State.Should().Be(state);
        return concern;
    }

    private static void Do(Concern concern, ConcernAction action, Actor actor)
    {
        switch (action)
        {
            case ConcernAction.Edit:
                concern.Edit(actor, "A new heading", null, null, Severity.High, Examples.Now);
                break;
            case ConcernAction.Submit:
                concern.Submit(actor, Examples.Now);
                break;
            case ConcernAction.Withdraw:
                concern.Withdraw(actor, Examples.Now);
                break;
            case ConcernAction.Approve:
                concern.Approve(actor, Examples.Now);
                break;
            case ConcernAction.SendBack:
                concern.RequestChanges(actor, "Say who is meant.", Examples.Now);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(action));
        }
    }
}

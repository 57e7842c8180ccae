namespace ResolutionTracker.Domain.Concerns;

// What someone may ask of a concern. Edit covers every change of content: fields, paragraphs, footnotes, and
// confirming that the concern still holds for a paragraph's new text.
public enum ConcernAction
{
    Edit,
    Submit,
    Withdraw,
    Approve,
    SendBack,
}

// Why the rule said no: this person may never do it to this concern; the concern needs a reviewer other than its
// author (a lead asked to approve their own concern); or nobody may while it is in this state.
public enum ConcernRefusalReason
{
    NotThisPerson,
    NeedsAnotherReviewer,
    NotInThisState,
}

public sealed record ConcernRefusal(ConcernRefusalReason Reason, string Message);

// Who may do what to a concern in which state. The concern enforces it (Concern.Require), the authorization handler
// answers the pages from it, and the pages show a button only where it allows. Who is asked first.
public static class ConcernRules
{
    public const string NeedsAnotherReviewerMessage =
        "A concern needs a reviewer other than its author: another coalition lead has to approve it, unless an administrator allows self-approval.";

    public static ConcernRefusal? Check(ConcernAction action, string authorId, ConcernState state, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!MayAct(action, authorId, actor))
            return new(ConcernRefusalReason.NotThisPerson, WhoMayAct(action));
        if (ApprovesOwn(action, authorId, actor))
            return new(ConcernRefusalReason.NeedsAnotherReviewer, NeedsAnotherReviewerMessage);
        if (!AllowedIn(action, state))
            return new(ConcernRefusalReason.NotInThisState, WhenAllowed(action, state));
        return null;
    }

    // Approval is what lets a concern into briefings and onto the public pages, so a second person reads it first.
    // Sending back stays open to the author: it publishes nothing, and it is how a lead takes back a concern they
    // submitted to change it (a concern in review cannot be edited, and withdrawing is final).
    private static bool ApprovesOwn(ConcernAction action, string authorId, Actor actor) =>
        action == ConcernAction.Approve && actor.UserId == authorId && !actor.SelfApprovalAllowed;

    // The author and the coalition's leads work on a concern; only leads decide on it.
    private static bool MayAct(ConcernAction action, string authorId, Actor actor) => action switch
    {
        ConcernAction.Approve or ConcernAction.SendBack => actor.CanReview,
        _ => actor.UserId == authorId || actor.CanReview,
    };

    public static bool AllowedIn(ConcernAction action, ConcernState state) => action switch
    {
        ConcernAction.Edit => state is ConcernState.Draft or ConcernState.ChangesRequested or ConcernState.Approved,
        ConcernAction.Submit => state is ConcernState.Draft or ConcernState.ChangesRequested,
        ConcernAction.Withdraw => state != ConcernState.Withdrawn,
        ConcernAction.Approve or ConcernAction.SendBack => state == ConcernState.InReview,
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    private static string WhoMayAct(ConcernAction action) => action switch
    {
        ConcernAction.Edit => "Only the author or a coalition lead can change this concern.",
        ConcernAction.Submit => "Only the author or a coalition lead can submit this concern.",
        ConcernAction.Withdraw => "Only the author or a coalition lead can withdraw a concern.",
        ConcernAction.Approve => "Only a coalition lead can approve a concern.",
        ConcernAction.SendBack => "Only a coalition lead can send back a concern.",
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    private static string WhenAllowed(ConcernAction action, ConcernState state) => action switch
    {
        ConcernAction.Edit => $"A concern that is {Describe(state)} cannot be changed.",
        ConcernAction.Submit => $"Only a draft or a concern sent back can be submitted for review; this one is {Describe(state)}.",
        ConcernAction.Withdraw => "The concern is already withdrawn.",
        ConcernAction.Approve => $"Only a concern in review can be approved; this one is {Describe(state)}.",
        ConcernAction.SendBack => $"Only a concern in review can be sent back; this one is {Describe(state)}.",
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    private static string Describe(ConcernState state) => state switch
    {
        ConcernState.InReview => "in review",
        ConcernState.ChangesRequested => "sent back for changes",
        _ => state.ToString().ToLowerInvariant(),
    };
}

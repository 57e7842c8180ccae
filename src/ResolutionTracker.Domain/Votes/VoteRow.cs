using ResolutionTracker.Domain.Organisations;

namespace ResolutionTracker.Domain.Votes;

public sealed class VoteRow
{
    private VoteRow() { }

    internal VoteRow(Vote vote, Organisation state, VoteChoice choice)
    {
        Vote = vote;
        VoteId = vote.Id;
        Organisation = state;
        OrganisationId = state.Id;
        Choice = choice;
    }

    public int VoteId { get; private set; }
    public Vote Vote { get; private set; } = null!;
    public int OrganisationId { get; private set; }
    public Organisation Organisation { get; private set; } = null!;
    public VoteChoice Choice { get; private set; }

    internal void Change(VoteChoice choice) => Choice = choice;
}

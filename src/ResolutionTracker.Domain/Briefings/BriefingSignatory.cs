using ResolutionTracker.Domain.Organisations;

namespace ResolutionTracker.Domain.Briefings;

public sealed class BriefingSignatory
{
    private BriefingSignatory() { }

    internal BriefingSignatory(Briefing briefing, Organisation organisation, int position)
    {
        Briefing = briefing;
        BriefingId = briefing.Id;
        Organisation = organisation;
        OrganisationId = organisation.Id;
        Position = position;
    }

    public int BriefingId { get; private set; }
    public Briefing Briefing { get; private set; } = null!;
    public int OrganisationId { get; private set; }
    public Organisation Organisation { get; private set; } = null!;
    public int Position { get; internal set; }
}

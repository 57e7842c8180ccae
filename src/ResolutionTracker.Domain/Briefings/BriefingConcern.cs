using ResolutionTracker.Domain.Concerns;

namespace ResolutionTracker.Domain.Briefings;

public sealed class BriefingConcern
{
    private BriefingConcern() { }

    internal BriefingConcern(Briefing briefing, Concern concern, int position)
    {
        Briefing = briefing;
        BriefingId = briefing.Id;
        Concern = concern;
        ConcernId = concern.Id;
        Position = position;
    }

    public int BriefingId { get; private set; }
    public Briefing Briefing { get; private set; } = null!;
    public int ConcernId { get; private set; }
    public Concern Concern { get; private set; } = null!;
    public int Position { get; internal set; }
}

namespace ResolutionTracker.Domain.Briefings;

// An ask addressed to a group of states ("the signatories of the HRC membership pledge").
public sealed class Recommendation : EditableEntity
{
    private Recommendation() { }

    internal Recommendation(Briefing briefing, int position, string text, string? targetGroup)
    {
        Briefing = briefing;
        BriefingId = briefing.Id;
        Position = position;
        Edit(text, targetGroup);
    }

    public int BriefingId { get; private set; }
    public Briefing Briefing { get; private set; } = null!;
    public int Position { get; internal set; }
    public string Text { get; private set; } = "";
    public string? TargetGroup { get; private set; }

    // Internal: edits go through Briefing.EditRecommendation, which dates the change on the briefing.
    internal void Edit(string text, string? targetGroup)
    {
        // Both checked before either is set, so a refused edit leaves the recommendation as it was.
        var checkedText = Guard.Required(text, Limits.Summary, "Recommendation");
        TargetGroup = Guard.Optional(targetGroup, Limits.Title, "Addressed to");
        Text = checkedText;
    }
}

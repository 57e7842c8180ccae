namespace ResolutionTracker.Domain.Resolutions;

// The same initiative at an earlier session: 37/23 is a predecessor of 43/L.31.
public sealed class ResolutionLink
{
    private ResolutionLink() { }

    internal ResolutionLink(Resolution resolution, Resolution predecessor)
    {
        Resolution = resolution;
        ResolutionId = resolution.Id;
        Predecessor = predecessor;
        PredecessorId = predecessor.Id;
    }

    public int ResolutionId { get; private set; }
    public Resolution Resolution { get; private set; } = null!;
    public int PredecessorId { get; private set; }
    public Resolution Predecessor { get; private set; } = null!;
}

using ResolutionTracker.Domain.Organisations;

namespace ResolutionTracker.Domain.Resolutions;

public sealed class Sponsorship : Entity
{
    private Sponsorship() { }

    internal Sponsorship(ResolutionVersion version, Organisation state, SponsorRole role, int position)
    {
        Version = version;
        VersionId = version.Id;
        Organisation = state;
        OrganisationId = state.Id;
        Role = role;
        Position = position;
    }

    public int VersionId { get; private set; }
    public ResolutionVersion Version { get; private set; } = null!;
    public int OrganisationId { get; private set; }
    public Organisation Organisation { get; private set; } = null!;
    public SponsorRole Role { get; private set; }
    public int Position { get; private set; }
}

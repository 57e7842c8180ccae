using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Organisations;
using ResolutionTracker.Domain.Resolutions;

namespace ResolutionTracker.UnitTests.Domain;

// The real L.31 case in memory: entities are never saved here, so the domain's reference paths are what is tested.
internal static class Examples
{
    public static readonly DateTimeOffset Now = new(2020, 3, 10, 9, 30, 0, TimeSpan.Zero);

    public static readonly Actor Staff = new("staff-1", CanReview: false);

    public static readonly Actor OtherStaff = new("staff-2", CanReview: false);

    public static readonly Actor Lead = new("lead-1", CanReview: true);

    public static Session Hrc43() => new(UnBody.HumanRightsCouncil, 43);

    public static Resolution L31() =>
        new("A/HRC/43/L.31", "Promoting mutually beneficial cooperation in the field of human rights", UnBody.HumanRightsCouncil, Hrc43());

    public static Resolution Res3723() =>
        new("A/HRC/RES/37/23", "Promoting mutually beneficial cooperation in the field of human rights", UnBody.HumanRightsCouncil,
            new Session(UnBody.HumanRightsCouncil, 37), ResolutionStatus.Adopted);

    public static ResolutionVersion DraftOf(Resolution resolution) =>
        resolution.AddVersion("L.31", VersionKind.Draft, new DateOnly(2020, 3, 10), TextCompleteness.Partial, resolution.Symbol);

    public static Organisation State(string name, RegionalGroup group = RegionalGroup.AsiaPacific) =>
        new(name, OrganisationKind.State, group);

    public static Organisation Ngo(string name) => new(name, OrganisationKind.Ngo);
}

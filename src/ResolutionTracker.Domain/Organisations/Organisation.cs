namespace ResolutionTracker.Domain.Organisations;

public sealed class Organisation : EditableEntity
{
    private Organisation() { }

    public Organisation(string name, OrganisationKind kind, RegionalGroup? regionalGroup = null, string? shortName = null, string? website = null)
    {
        Kind = kind;
        Rename(name, shortName);
        SetRegionalGroup(regionalGroup);
        Website = Guard.HttpUrl(website, "Website");
    }

    public string Name { get; private set; } = "";
    public string Slug { get; private set; } = "";
    public string? ShortName { get; private set; }
    public OrganisationKind Kind { get; private set; }
    public RegionalGroup? RegionalGroup { get; private set; }
    public string? Website { get; private set; }

    public string DisplayName => ShortName is null ? Name : $"{Name} ({ShortName})";

    public void Rename(string name, string? shortName)
    {
        Name = Guard.Required(name, Limits.Name, "Name");
        ShortName = Guard.Optional(shortName, Limits.ShortName, "Short name");
        Slug = Domain.Slug.From(Name);
        if (Slug.Length == 0)
            throw new DomainException("Name must contain at least one letter or digit.");
    }

    public void SetWebsite(string? website) => Website = Guard.HttpUrl(website, "Website");

    // Only states belong to a UN regional group.
    public void SetRegionalGroup(RegionalGroup? group)
    {
        if (group is not null && Kind != OrganisationKind.State)
            throw new DomainException("Only a state belongs to a UN regional group.");
        RegionalGroup = group;
    }
}

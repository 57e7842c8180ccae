namespace ResolutionTracker.Domain.Organisations;

// A state's seat on a UN body in a given year (e.g. the Human Rights Council's 47 members of 2018).
public sealed class Membership : Entity
{
    private Membership() { }

    public Membership(Organisation state, UnBody body, int year)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Kind != OrganisationKind.State)
            throw new DomainException("Only a state can be a member of a UN body.");
        if (year is < 1945 or > 2200)
            throw new DomainException("Year of membership is out of range.");
        Organisation = state;
        OrganisationId = state.Id;
        Body = body;
        Year = year;
    }

    public int OrganisationId { get; private set; }
    public Organisation Organisation { get; private set; } = null!;
    public UnBody Body { get; private set; }
    public int Year { get; private set; }
}

using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Organisations;
using ResolutionTracker.Domain.Resolutions;

namespace ResolutionTracker.Web.Data.Seeding;

// What the case builders share: the organisations and sessions (existing or new) and who authors and approves.
internal sealed class SeedContext(AppDbContext db, string secretariatId, string approverId, string? staffId)
{
    private readonly Dictionary<string, Organisation> _organisations = new(StringComparer.Ordinal);
    private readonly Dictionary<int, Session> _councilSessions = [];

    public AppDbContext Db { get; } = db;

    // Author of the coalition's concerns on the real case; a passwordless account nobody can sign in with.
    public string SecretariatId { get; } = secretariatId;

    // lead@demo.local when it exists, else the secretariat account.
    public string ApproverId { get; } = approverId;

    // staff@demo.local, only when the demo accounts exist.
    public string? StaffId { get; } = staffId;

    public void Remember(Organisation organisation) => _organisations[organisation.Slug] = organisation;

    public void Remember(Session session) => _councilSessions[session.Number] = session;

    public Organisation Organisation(string name) =>
        _organisations.TryGetValue(Slug.From(name), out var organisation)
            ? organisation
            : throw new InvalidOperationException($"Demo data refers to an organisation it did not create: {name}.");

    public Session CouncilSession(int number) =>
        _councilSessions.TryGetValue(number, out var session)
            ? session
            : throw new InvalidOperationException($"Demo data refers to a session it did not create: HRC {number}.");
}

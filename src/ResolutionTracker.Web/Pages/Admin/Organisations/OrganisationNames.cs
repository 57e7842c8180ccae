using Microsoft.EntityFrameworkCore;
using Npgsql;
using ResolutionTracker.Domain;
using ResolutionTracker.Web.Data;

namespace ResolutionTracker.Web.Pages.Admin.Organisations;

// An organisation's address comes from its name (/organisations/amnesty-international), so two names that make
// the same slug cannot both exist: the new and edit pages check first, and the unique index catches a race.
internal static class OrganisationNames
{
    public static async Task<string?> TakenByAsync(AppDbContext db, string name, int exceptId, CancellationToken cancellationToken)
    {
        var slug = Slug.From(name ?? "");
        if (slug.Length == 0)
            return null;
        return await db.Organisations.AsNoTracking()
            .Where(o => o.Slug == slug && o.Id != exceptId)
            .Select(o => o.Name)
            .FirstOrDefaultAsync(cancellationToken);
    }

    public static string TakenMessage(string existing) =>
        $"An organisation named “{existing}” already exists, and this name would give it the same address. Choose a name that differs by more than capitals, accents or punctuation.";

    public static bool IsUniqueViolation(DbUpdateException ex) =>
        ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}

using Microsoft.EntityFrameworkCore;

namespace ResolutionTracker.Web.Data;

// How a page names a person: the display name they were given, else their e-mail address. Notes, concerns
// and history outlive the accounts that wrote them, so an account that is gone reads "a former member".
public static class UserNames
{
    public const string FormerMember = "a former member";

    public static string Of(string? displayName, string? email) =>
        !string.IsNullOrWhiteSpace(displayName) ? displayName
        : !string.IsNullOrWhiteSpace(email) ? email
        : FormerMember;

    public static string Of(ApplicationUser? user) => user is null ? FormerMember : Of(user.DisplayName, user.Email);

    // The names of several accounts in one query, for a page that shows who wrote what.
    public static async Task<IReadOnlyDictionary<string, string>> ByIdAsync(this IQueryable<ApplicationUser> users,
        IEnumerable<string?> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var wanted = ids.OfType<string>().Distinct().ToList();
        if (wanted.Count == 0)
            return new Dictionary<string, string>();
        var rows = await users.AsNoTracking()
            .Where(u => wanted.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.Email })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(u => u.Id, u => Of(u.DisplayName, u.Email), StringComparer.Ordinal);
    }

    public static string NameOf(this IReadOnlyDictionary<string, string> names, string? id)
    {
        ArgumentNullException.ThrowIfNull(names);
        return id is not null && names.TryGetValue(id, out var name) ? name : FormerMember;
    }
}

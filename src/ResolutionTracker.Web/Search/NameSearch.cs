using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain.Organisations;
using ResolutionTracker.Web.Data;

namespace ResolutionTracker.Web.Search;

// The search boxes on the lists of organisations and users: "names containing these letters", any case,
// through ILIKE. What someone typed is matched as written: %, _ and the escape character are escaped, so
// "50%" finds "50%" and "a_b" does not find "axb".
public static class NameSearch
{
    public const string Escape = "\\";

    public static string ContainsPattern(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = text
            .Replace(Escape, Escape + Escape, StringComparison.Ordinal)
            .Replace("%", Escape + "%", StringComparison.Ordinal)
            .Replace("_", Escape + "_", StringComparison.Ordinal);
        return "%" + escaped + "%";
    }

    // The full name or the short one ("Amnesty International" or "AI").
    public static IQueryable<Organisation> NameContains(this IQueryable<Organisation> organisations, string text)
    {
        var pattern = ContainsPattern(text);
        return organisations.Where(o => EF.Functions.ILike(o.Name, pattern, Escape)
            || (o.ShortName != null && EF.Functions.ILike(o.ShortName, pattern, Escape)));
    }

    // The display name or the e-mail address.
    public static IQueryable<ApplicationUser> NameContains(this IQueryable<ApplicationUser> users, string text)
    {
        var pattern = ContainsPattern(text);
        return users.Where(u => EF.Functions.ILike(u.DisplayName, pattern, Escape) || EF.Functions.ILike(u.Email!, pattern, Escape));
    }
}

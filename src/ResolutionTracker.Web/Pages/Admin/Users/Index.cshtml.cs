using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Web.Authorization;
using ResolutionTracker.Web.Data;
using ResolutionTracker.Web.Pages.Shared;
using ResolutionTracker.Web.Search;

namespace ResolutionTracker.Web.Pages.Admin.Users;

public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public const int MaxSearchLength = 100;

    [BindProperty(SupportsGet = true, Name = "role")]
    public string? Role { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    public string? SearchError { get; private set; }
    public bool IsFiltered { get; private set; }
    public IReadOnlyList<Row> Users { get; private set; } = [];
    public Paging Paging { get; private set; } = Paging.For(1, 0);
    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var role = string.IsNullOrWhiteSpace(Role) ? null : Roles.All.FirstOrDefault(r => string.Equals(r, Role.Trim(), StringComparison.OrdinalIgnoreCase));
        if (!string.IsNullOrWhiteSpace(Role) && role is null)
            return BadRequest();
        var search = Search?.Trim();
        if (search?.Length > MaxSearchLength)
        {
            SearchError = $"Search for at most {MaxSearchLength} characters of a name or e-mail address.";
            return this.Invalid();
        }

        var query = db.Users.AsNoTracking();
        if (role is not null)
        {
            query = query.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));
        }
        if (!string.IsNullOrEmpty(search))
            query = query.NameContains(search);
        IsFiltered = role is not null || !string.IsNullOrEmpty(search);
        Now = clock.GetUtcNow();

        var total = await query.CountAsync(cancellationToken);
        Paging = Paging.For(Request, total);
        Users = await query
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Email)
            .Skip(Paging.Skip)
            .Take(Paging.PageSize)
            .Select(u => new Row(
                u.Id,
                u.Email ?? "",
                u.DisplayName,
                db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).FirstOrDefault(),
                db.Organisations.Where(o => o.Id == u.OrganisationId).Select(o => o.Name).FirstOrDefault(),
                u.PasswordHash != null,
                u.LockoutEnd))
            .ToListAsync(cancellationToken);
        return Page();
    }

    public sealed record Row(string Id, string Email, string DisplayName, string? Role, string? Organisation, bool HasPassword, DateTimeOffset? LockoutEnd);
}

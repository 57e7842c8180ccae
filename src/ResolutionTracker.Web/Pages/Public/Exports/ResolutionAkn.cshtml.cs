using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Web.Data;
using ResolutionTracker.Web.Exports;

namespace ResolutionTracker.Web.Pages.Public.Exports;

// /akn/A/HRC/43/L.31: the resolution as Akoma Ntoso XML (the latest version's text). The address mirrors
// /resolutions/{symbol}, whose catch-all route cannot take a suffix.
public sealed class ResolutionAknModel(AppDbContext db, TimeProvider clock) : PageModel
{
    private const int MaxSymbolInput = 200;

    public async Task<IActionResult> OnGetAsync(string? symbol, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(symbol) || symbol.Length > MaxSymbolInput)
            return NotFound();
        // Routing leaves an escaped slash (%2F) escaped in a catch-all value.
        var wanted = Uri.UnescapeDataString(symbol).Trim().TrimEnd('/');
        if (wanted.Length == 0 || wanted.Any(char.IsControl))
            return NotFound();

        var resolution = await db.Resolutions.AsNoTracking()
            .Include(r => r.Session)
            .Include(r => r.Versions)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Symbol == wanted, cancellationToken);
        if (resolution is null)
            return NotFound();
        var latest = resolution.LatestVersion;
        if (latest is not null)
        {
            // Only the latest version's paragraphs are exported: load those, with their sub-items.
            latest = await db.Versions.AsNoTracking()
                .Include(v => v.Paragraphs).ThenInclude(p => p.SubItems)
                .AsSplitQuery()
                .SingleAsync(v => v.Id == latest.Id, cancellationToken);
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var xml = ResolutionAkn.Build(new ResolutionAkn.Source(resolution, latest, today));
        Response.Headers.CacheControl = "public, no-cache";
        return File(ResolutionAkn.ToBytes(xml), ResolutionAkn.ContentType + "; charset=utf-8", resolution.Slug + ".xml");
    }
}

using Microsoft.AspNetCore.OutputCaching;
using ResolutionTracker.Web.Infrastructure;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.Web.Data;
using ResolutionTracker.Web.Pages.Shared;

namespace ResolutionTracker.Web.Pages.Public.Resolutions;

// Filters come from the query string as text. A value the page does not know (a misspelt status, a
// session that is not a number) is ignored and said so on the page, never an error; see Paging for pages.
// Anonymous readers get it from the output cache, refreshed whenever a public record is saved.
[OutputCache(PolicyName = PublicCache.PolicyName)]
public sealed class IndexModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "body")]
    public string? BodyText { get; set; }

    [BindProperty(SupportsGet = true, Name = "session")]
    public string? SessionText { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? StatusText { get; set; }

    public UnBody? Body { get; private set; }
    public int? Session { get; private set; }
    public ResolutionStatus? Status { get; private set; }
    public IReadOnlyList<string> Ignored { get; private set; } = [];
    public IReadOnlyList<SessionOption> Sessions { get; private set; } = [];
    public IReadOnlyList<UnBody> Bodies { get; private set; } = [];
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public Paging Paging { get; private set; } = Paging.For(1, 0);
    public bool Filtered => Body is not null || Session is not null || Status is not null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var ignored = new List<string>();
        Body = ParseEnum<UnBody>(BodyText, "body", ignored);
        Status = ParseEnum<ResolutionStatus>(StatusText, "status", ignored);
        if (!string.IsNullOrWhiteSpace(SessionText))
        {
            if (int.TryParse(SessionText.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0)
                Session = number;
            else
                ignored.Add($"session \u201c{Shorten(SessionText)}\u201d");
        }
        Ignored = ignored;

        var sessions = await db.Resolutions.AsNoTracking()
            .Select(r => new { r.Session.Body, r.Session.Number, r.Session.OpenedOn })
            .Distinct()
            .ToListAsync(cancellationToken);
        Bodies = sessions.Select(s => s.Body).Distinct().Order().ToList();
        Sessions = sessions
            .OrderBy(s => s.Body).ThenByDescending(s => s.Number)
            .Select(s => new SessionOption(s.Body, s.Number))
            .ToList();

        var query = db.Resolutions.AsNoTracking();
        if (Body is { } body)
            query = query.Where(r => r.Body == body);
        if (Session is { } session)
            query = query.Where(r => r.Session.Number == session);
        if (Status is { } status)
            query = query.Where(r => r.Status == status);

        var total = await query.CountAsync(cancellationToken);
        Paging = Paging.For(Request, total);
        Rows = await query
            .OrderByDescending(r => r.Session.OpenedOn)
            .ThenByDescending(r => r.Session.Number)
            .ThenBy(r => r.Symbol)
            .Skip(Paging.Skip)
            .Take(Paging.PageSize)
            .Select(r => new Row(r.Symbol, r.Title, r.Body, r.Session.Number, r.Status, r.AdoptedOn))
            .ToListAsync(cancellationToken);
    }

    // Names only ("HumanRightsCouncil", any case): Enum.TryParse would also take "3" or "-1".
    private static TEnum? ParseEnum<TEnum>(string? text, string name, List<string> ignored) where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var trimmed = text.Trim();
        foreach (var value in Enum.GetValues<TEnum>())
        {
            if (string.Equals(value.ToString(), trimmed, StringComparison.OrdinalIgnoreCase))
                return value;
        }
        ignored.Add($"{name} \u201c{Shorten(trimmed)}\u201d");
        return null;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    public sealed record SessionOption(UnBody Body, int Number);

    public sealed record Row(string Symbol, string Title, UnBody Body, int Session, ResolutionStatus Status, DateOnly? AdoptedOn);
}

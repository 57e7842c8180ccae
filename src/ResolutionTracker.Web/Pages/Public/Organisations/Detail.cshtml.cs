using Microsoft.AspNetCore.OutputCaching;
using ResolutionTracker.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.Web.Data;

namespace ResolutionTracker.Web.Pages.Public.Organisations;

// Anonymous readers get it from the output cache, refreshed whenever a public record is saved.
[OutputCache(PolicyName = PublicCache.PolicyName)]
public sealed class DetailModel(AppDbContext db) : PageModel
{
    public OrganisationView Organisation { get; private set; } = null!;
    public IReadOnlyList<MembershipView> Memberships { get; private set; } = [];
    public IReadOnlyList<SponsorshipView> Sponsorships { get; private set; } = [];
    public IReadOnlyList<VoteView> Votes { get; private set; } = [];
    public IReadOnlyList<BriefingView> Briefings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.AsNoTracking()
            .Where(o => o.Slug == slug)
            .Select(o => new OrganisationView(o.Id, o.Name, o.ShortName, o.Kind, o.RegionalGroup, o.Website))
            .SingleOrDefaultAsync(cancellationToken);
        if (organisation is null)
            return NotFound();
        Organisation = organisation;
        var id = organisation.Id;

        // Only states hold seats, sponsor and vote; only NGOs and other non-state bodies sign briefings.
        if (organisation.Kind == OrganisationKind.State)
        {
            Memberships = await db.Memberships.AsNoTracking()
                .Where(m => m.OrganisationId == id)
                .OrderByDescending(m => m.Year).ThenBy(m => m.Body)
                .Select(m => new MembershipView(m.Body, m.Year))
                .ToListAsync(cancellationToken);

            Sponsorships = await db.Sponsorships.AsNoTracking()
                .Where(s => s.OrganisationId == id)
                .OrderByDescending(s => s.Version.Date).ThenBy(s => s.Version.Resolution.Symbol).ThenBy(s => s.Version.Sequence)
                .Select(s => new SponsorshipView(s.Version.Resolution.Symbol, s.Version.Resolution.Title, s.Version.Label,
                    s.Version.Date, s.Role))
                .ToListAsync(cancellationToken);

            Votes = await db.VoteRows.AsNoTracking()
                .Where(r => r.OrganisationId == id)
                .OrderByDescending(r => r.Vote.Date).ThenBy(r => r.Vote.Version.Resolution.Symbol)
                .Select(r => new VoteView(r.Vote.Version.Resolution.Symbol, r.Vote.Version.Resolution.Title, r.Vote.Version.Label,
                    r.Vote.Date, r.Choice))
                .ToListAsync(cancellationToken);
        }
        else
        {
            Briefings = await db.BriefingSignatories.AsNoTracking()
                .Where(s => s.OrganisationId == id && s.Briefing.Status == BriefingStatus.Published)
                .OrderByDescending(s => s.Briefing.PublishedAt)
                .ThenBy(s => s.BriefingId)
                .Select(s => new BriefingView(s.Briefing.Slug, s.Briefing.Title, s.Briefing.Resolution.Symbol, s.Briefing.PublishedAt))
                .ToListAsync(cancellationToken);
        }

        return Page();
    }

    public sealed record OrganisationView(int Id, string Name, string? ShortName, OrganisationKind Kind,
        RegionalGroup? RegionalGroup, string? Website);

    public sealed record MembershipView(UnBody Body, int Year);

    public sealed record SponsorshipView(string Symbol, string Title, string VersionLabel, DateOnly? Date, SponsorRole Role);

    public sealed record VoteView(string Symbol, string Title, string VersionLabel, DateOnly Date, VoteChoice Choice);

    public sealed record BriefingView(string Slug, string Title, string ResolutionSymbol, DateTimeOffset? PublishedAt);
}

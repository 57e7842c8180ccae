using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.Web.Data;
using ResolutionTracker.Web.Pages.Shared;

namespace ResolutionTracker.Web.Pages.Public.Concerns;

public sealed class DetailModel(AppDbContext db) : PageModel
{
    public ConcernView Concern { get; private set; } = null!;
    public IReadOnlyList<ParagraphRef> Paragraphs { get; private set; } = [];
    public IReadOnlyList<FootnoteView> Footnotes { get; private set; } = [];
    public IReadOnlyList<BriefingLink> Briefings { get; private set; } = [];

    // Anonymous readers only ever see approved concerns, so the workflow state is shown to staff only.
    public bool ShowState => User.Identity?.IsAuthenticated == true;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var concern = await db.Concerns.AsNoTracking()
            .VisibleTo(User)
            .Where(c => c.Id == id)
            .Select(c => new ConcernView(c.Id, c.Heading, c.Summary, c.Body, c.Severity, c.State, c.RevisionNumber,
                c.Resolution.Symbol, c.Resolution.Title))
            .SingleOrDefaultAsync(cancellationToken);
        if (concern is null)
            return NotFound();
        Concern = concern;

        var paragraphs = await db.ConcernParagraphs.AsNoTracking()
            .Where(cp => cp.ConcernId == id)
            .OrderBy(cp => cp.Position)
            .Select(cp => new { cp.Paragraph.Kind, cp.Paragraph.Number, cp.Quote, cp.Paragraph.Text })
            .ToListAsync(cancellationToken);
        Paragraphs = paragraphs.Select(p => ParagraphRef.Create(p.Kind, p.Number, p.Quote, p.Text)).ToList();

        Footnotes = await db.Footnotes.AsNoTracking()
            .Where(f => f.ConcernId == id)
            .OrderBy(f => f.Position)
            .Select(f => new FootnoteView(f.Id, f.Position, f.Text,
                f.Citations.OrderBy(c => c.Position).Select(c => new CitationView(c.Symbol, c.Url, c.Label)).ToList()))
            .ToListAsync(cancellationToken);

        Briefings = await db.BriefingConcerns.AsNoTracking()
            .Where(bc => bc.ConcernId == id && bc.Briefing.Status == BriefingStatus.Published)
            .OrderByDescending(bc => bc.Briefing.PublishedAt)
            .Select(bc => new BriefingLink(bc.Briefing.Slug, bc.Briefing.Title, bc.Briefing.PublishedAt))
            .ToListAsync(cancellationToken);

        return Page();
    }

    public sealed record ConcernView(int Id, string Heading, string? Summary, string Body, Severity Severity,
        ConcernState State, int RevisionNumber, string ResolutionSymbol, string ResolutionTitle);

    public sealed record BriefingLink(string Slug, string Title, DateTimeOffset? PublishedAt);
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.Web.Briefings;
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
        // Visitors read a concern as it was published, whatever is being edited since; staff read the live record.
        if (User.Identity?.IsAuthenticated != true)
            return await FromPublishedAsync(id, cancellationToken) ? Page() : NotFound();

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
            .ThenBy(bc => bc.BriefingId)
            .Select(bc => new BriefingLink(bc.Briefing.Slug, bc.Briefing.Title, bc.Briefing.PublishedAt))
            .ToListAsync(cancellationToken);

        return Page();
    }

    // The concern as the newest publication that contains it shows it, or false when no publication does.
    private async Task<bool> FromPublishedAsync(int id, CancellationToken cancellationToken)
    {
        var resolutionId = await db.Concerns.Where(c => c.Id == id).Select(c => (int?)c.ResolutionId).SingleOrDefaultAsync(cancellationToken);
        if (resolutionId is null)
            return false;
        var latest = await db.BriefingSnapshots.AsNoTracking()
            .Where(s => s.Briefing.ResolutionId == resolutionId && s.Briefing.Status == BriefingStatus.Published
                && s.Number == db.BriefingSnapshots.Where(t => t.BriefingId == s.BriefingId).Max(t => t.Number))
            .OrderByDescending(s => s.PublishedAt)
            .Select(s => s.Content)
            .ToListAsync(cancellationToken);
        var documents = latest.Select(BriefingDocument.FromJson).ToList();
        var found = documents
            .Select(d => (Document: d, Section: d.Concerns.FirstOrDefault(c => c.ConcernId == id)))
            .FirstOrDefault(x => x.Section is not null);
        if (found.Section is not { } section)
            return false;
        var document = found.Document;
        Concern = new ConcernView(id, section.Heading, section.Summary, section.Body,
            Enum.TryParse<Severity>(section.Severity, out var severity) ? severity : Severity.Medium,
            ConcernState.Approved, section.Revision, document.Resolution.Symbol, document.Resolution.Title);
        Paragraphs = section.Paragraphs.Select(p => new ParagraphRef(p.Reference, p.Anchor,
            string.IsNullOrWhiteSpace(p.Quote) ? null : p.Quote, string.IsNullOrWhiteSpace(p.Text) ? null : p.Text)).ToList();
        var notes = document.Notes.ToDictionary(n => n.Number);
        Footnotes = section.NoteNumbers.Where(notes.ContainsKey).Select((n, i) => new FootnoteView(n, i + 1, notes[n].Text,
            notes[n].Citations.Select(c => new CitationView(c.Symbol, c.Url, c.Label)).ToList())).ToList();
        Briefings = documents.Where(d => d.Concerns.Any(c => c.ConcernId == id))
            .Select(d => new BriefingLink(d.Slug, d.Title, d.PublishedAt)).ToList();
        return true;
    }

    public sealed record ConcernView(int Id, string Heading, string? Summary, string Body, Severity Severity,
        ConcernState State, int RevisionNumber, string ResolutionSymbol, string ResolutionTitle);

    public sealed record BriefingLink(string Slug, string Title, DateTimeOffset? PublishedAt);
}

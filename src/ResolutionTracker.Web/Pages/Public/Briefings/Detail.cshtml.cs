using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.Web.Data;
using ResolutionTracker.Web.Pages.Public.Concerns;
using ResolutionTracker.Web.Pages.Shared;

namespace ResolutionTracker.Web.Pages.Public.Briefings;

// Renders the live briefing for now; publishing will switch the public view to the frozen snapshot.
public sealed class DetailModel(AppDbContext db) : PageModel
{
    public BriefingView Briefing { get; private set; } = null!;
    public IReadOnlyList<ConcernSection> Concerns { get; private set; } = [];
    public IReadOnlyList<RecommendationView> Recommendations { get; private set; } = [];
    public IReadOnlyList<SignatoryView> Signatories { get; private set; } = [];
    public IReadOnlyList<NumberedNote> Notes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var briefing = await db.Briefings.AsNoTracking()
            .Where(b => b.Slug == slug && b.Status == BriefingStatus.Published)
            .Select(b => new BriefingView(b.Id, b.Title, b.Slug, b.Introduction, b.Stance, b.PositionStatement,
                b.PublishedAt, b.Resolution.Symbol, b.Resolution.Title))
            .SingleOrDefaultAsync(cancellationToken);
        if (briefing is null)
            return NotFound();
        Briefing = briefing;

        var visibleIds = db.Concerns.VisibleTo(User).Select(c => c.Id);
        var concerns = await db.BriefingConcerns.AsNoTracking()
            .Where(bc => bc.BriefingId == briefing.Id && visibleIds.Contains(bc.ConcernId))
            .OrderBy(bc => bc.Position)
            .Select(bc => new { bc.ConcernId, bc.Position, bc.Concern.Heading, bc.Concern.Summary, bc.Concern.Body })
            .ToListAsync(cancellationToken);
        var concernIds = concerns.Select(c => c.ConcernId).ToList();

        var paragraphs = (await db.ConcernParagraphs.AsNoTracking()
                .Where(cp => concernIds.Contains(cp.ConcernId))
                .OrderBy(cp => cp.Position)
                .Select(cp => new { cp.ConcernId, cp.Paragraph.Kind, cp.Paragraph.Number, cp.Quote, cp.Paragraph.Text })
                .ToListAsync(cancellationToken))
            .ToLookup(p => p.ConcernId, p => ParagraphRef.Create(p.Kind, p.Number, p.Quote, p.Text));

        var footnotes = await db.Footnotes.AsNoTracking()
            .Where(f => f.BriefingId == briefing.Id || (f.ConcernId != null && concernIds.Contains(f.ConcernId.Value)))
            .Select(f => new
            {
                f.ConcernId,
                Note = new FootnoteView(f.Id, f.Position, f.Text,
                    f.Citations.OrderBy(c => c.Position).Select(c => new CitationView(c.Symbol, c.Url, c.Label)).ToList()),
            })
            .ToListAsync(cancellationToken);
        var notesByConcern = footnotes.Where(f => f.ConcernId is not null).ToLookup(f => f.ConcernId!.Value, f => f.Note);

        var numbers = FootnoteNumbering.Number(
            footnotes.Where(f => f.ConcernId is null).Select(f => new FootnoteNumbering.Note(f.Note.Id, f.Note.Position)),
            concerns.Select(c => new FootnoteNumbering.ConcernNotes(c.ConcernId, c.Position,
                notesByConcern[c.ConcernId].Select(n => new FootnoteNumbering.Note(n.Id, n.Position)).ToList())));

        // Concerns are numbered 1..n in the briefing as they are shown.
        var concernNumbers = concerns.Select((c, index) => (c.ConcernId, Number: index + 1)).ToDictionary(x => x.ConcernId, x => x.Number);
        Notes = footnotes
            .Select(f => new NumberedNote(numbers[f.Note.Id], f.Note.Text, f.Note.Citations,
                f.ConcernId is { } cid ? concernNumbers[cid] : null))
            .OrderBy(n => n.Number)
            .ToList();

        Concerns = concerns
            .Select((c, index) => new ConcernSection(c.ConcernId, index + 1, c.Heading, c.Summary,
                c.Body,
                paragraphs[c.ConcernId].ToList(),
                notesByConcern[c.ConcernId].Select(n => numbers[n.Id]).Order().ToList()))
            .ToList();

        Recommendations = await db.Recommendations.AsNoTracking()
            .Where(r => r.BriefingId == briefing.Id)
            .OrderBy(r => r.Position)
            .Select(r => new RecommendationView(r.Text, r.TargetGroup))
            .ToListAsync(cancellationToken);

        Signatories = await db.BriefingSignatories.AsNoTracking()
            .Where(s => s.BriefingId == briefing.Id)
            .OrderBy(s => s.Position)
            .Select(s => new SignatoryView(s.Organisation.Slug, s.Organisation.Name, s.Organisation.ShortName))
            .ToListAsync(cancellationToken);

        return Page();
    }

    public sealed record BriefingView(int Id, string Title, string Slug, string? Introduction, BriefingStance Stance,
        string? PositionStatement, DateTimeOffset? PublishedAt, string ResolutionSymbol, string ResolutionTitle);

    public sealed record ConcernSection(int Id, int Number, string Heading, string? Summary, string Body,
        IReadOnlyList<ParagraphRef> Paragraphs, IReadOnlyList<int> NoteNumbers);

    public sealed record RecommendationView(string Text, string? TargetGroup);

    public sealed record SignatoryView(string Slug, string Name, string? ShortName);

    public sealed record NumberedNote(int Number, string Text, IReadOnlyList<CitationView> Citations, int? ConcernNumber);
}

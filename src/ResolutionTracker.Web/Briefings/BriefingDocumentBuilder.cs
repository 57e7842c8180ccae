using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Briefings;
using ResolutionTracker.Domain.Concerns;
using ResolutionTracker.Web.Data;
using ResolutionTracker.Web.Formatting;

namespace ResolutionTracker.Web.Briefings;

// Builds the document a briefing would publish now. Concerns are taken at their approved revision, so
// an approved concern being edited again still appears as approved; a concern with no approved revision,
// or withdrawn, is left out with a warning.
public static class BriefingDocumentBuilder
{
    // Loads everything Build needs, tracked (publishing saves the snapshot on the same aggregate).
    public static Task<Briefing?> LoadAsync(AppDbContext db, int briefingId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Briefings
            .Include(b => b.Resolution).ThenInclude(r => r.Session)
            .Include(b => b.Concerns).ThenInclude(c => c.Concern).ThenInclude(c => c.Revisions)
            .Include(b => b.Concerns).ThenInclude(c => c.Concern).ThenInclude(c => c.Paragraphs).ThenInclude(p => p.Paragraph)
            .Include(b => b.Concerns).ThenInclude(c => c.Concern).ThenInclude(c => c.Footnotes).ThenInclude(f => f.Citations)
            .Include(b => b.Recommendations)
            .Include(b => b.Signatories).ThenInclude(s => s.Organisation)
            .Include(b => b.Footnotes).ThenInclude(f => f.Citations)
            .Include(b => b.Snapshots)
            .AsSplitQuery()
            .SingleOrDefaultAsync(b => b.Id == briefingId, cancellationToken);
    }

    // Whether publishing `draft` (built from `briefing` now) would show the public anything its latest version
    // does not: compared by content, not by dates, since a concern in the briefing revised and approved again
    // changes the briefing without touching its row. True when nothing was published yet.
    public static bool DiffersFromPublished(Briefing briefing, BriefingDocument draft)
    {
        ArgumentNullException.ThrowIfNull(briefing);
        ArgumentNullException.ThrowIfNull(draft);
        var latest = briefing.Snapshots.OrderByDescending(s => s.Number).FirstOrDefault();
        if (latest is null)
            return true;
        static string Comparable(BriefingDocument d) => (d with { Number = 0, PublishedAt = default, IsPreview = false }).ToJson();
        return Comparable(draft) != Comparable(BriefingDocument.FromJson(latest.Content));
    }

    public static (BriefingDocument Document, IReadOnlyList<string> Warnings) Build(Briefing briefing, int number, DateTimeOffset publishedAt)
    {
        ArgumentNullException.ThrowIfNull(briefing);
        var warnings = new List<string>();
        var next = 0;
        NoteItem Note(Footnote f) => new(++next, f.Text,
            f.Citations.OrderBy(c => c.Position).Select(c => new CitationItem(c.Symbol, c.Url, c.Label)).ToList());

        var briefingNotes = briefing.Footnotes.OrderBy(f => f.Position).Select(Note).ToList();
        var notes = new List<NoteItem>(briefingNotes);
        var sections = new List<ConcernSection>();
        foreach (var concern in briefing.Concerns.OrderBy(c => c.Position).Select(c => c.Concern))
        {
            var approved = concern.ApprovedRevisionNumber is { } n ? concern.Revisions.FirstOrDefault(r => r.Number == n) : null;
            if (approved is null || concern.State == ConcernState.Withdrawn)
            {
                warnings.Add(concern.State == ConcernState.Withdrawn
                    ? $"“{concern.Heading}” was withdrawn and is left out."
                    : $"“{concern.Heading}” has no approved revision and is left out.");
                continue;
            }
            if (concern.RevisionNumber != approved.Number)
                warnings.Add($"“{approved.Heading}” is being revised; revision {approved.Number}, the approved one, is used.");
            var concernNotes = concern.Footnotes.OrderBy(f => f.Position).Select(Note).ToList();
            notes.AddRange(concernNotes);
            sections.Add(new ConcernSection(
                concern.Id,
                approved.Number,
                $"concern-{sections.Count + 1}",
                approved.Heading,
                approved.Severity.ToString(),
                approved.Summary,
                approved.Body,
                concern.Paragraphs.OrderBy(p => p.Position).Select(p => new ParagraphRef(
                    p.Paragraph.Reference(),
                    p.Paragraph.Anchor,
                    p.Paragraph.Source == TextSource.NotImported ? null : p.Paragraph.Text,
                    p.Quote)).ToList(),
                concernNotes.Select(x => x.Number).ToList()));
        }

        var resolution = briefing.Resolution;
        var document = new BriefingDocument
        {
            Title = briefing.Title,
            Slug = briefing.Slug,
            Number = number,
            PublishedAt = publishedAt.ToUniversalTime(),
            Resolution = new ResolutionRef(resolution.Id, resolution.Symbol, resolution.Title, Format.Label(resolution.Body),
                resolution.Session.Number, resolution.Status.ToString()),
            Stance = briefing.Stance.ToString(),
            Position = briefing.PositionStatement,
            Introduction = briefing.Introduction,
            NoteNumbers = briefingNotes.Select(x => x.Number).ToList(),
            Concerns = sections,
            Recommendations = briefing.Recommendations.OrderBy(r => r.Position).Select(r => new RecommendationItem(r.Text, r.TargetGroup)).ToList(),
            Signatories = briefing.Signatories.OrderBy(s => s.Position)
                .Select(s => new SignatoryItem(s.Organisation.Name, s.Organisation.ShortName, s.Organisation.Slug)).ToList(),
            Notes = notes,
        };
        if (sections.Count == 0)
            warnings.Add("The briefing has no approved concern: it cannot be published.");
        return (document, warnings);
    }

    // Publishes: freezes the document as the next snapshot. The caller saves.
    public static BriefingSnapshot Publish(Briefing briefing, string publishedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(briefing);
        var number = briefing.Snapshots.Count == 0 ? 1 : briefing.Snapshots.Max(s => s.Number) + 1;
        var (document, _) = Build(briefing, number, now);
        if (document.Concerns.Count == 0)
            throw new DomainException("A briefing needs at least one approved concern before it can be published.");
        return briefing.Publish(publishedBy, document.ToJson(), now);
    }
}

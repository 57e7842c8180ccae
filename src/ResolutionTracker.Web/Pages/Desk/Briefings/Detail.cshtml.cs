using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Briefings;
using ResolutionTracker.Domain.Concerns;
using ResolutionTracker.Domain.Resolutions;
using ResolutionTracker.Web.Briefings;
using ResolutionTracker.Web.Data;
using ResolutionTracker.Web.Formatting;
using ResolutionTracker.Web.Pages.Shared;
using ResolutionTracker.Web.Search;

namespace ResolutionTracker.Web.Pages.Desk.Briefings;

// The composer: the header, the approved concerns in order, recommendations, signatories and the briefing's
// own footnotes, each changed by a small form (no script needed). Every form carries the briefing's row
// version, and every change moves it on, so a form from a page that is out of date is answered with 409
// and the briefing as it is now, instead of reordering or overwriting what someone else just did.
public sealed class DetailModel(AppDbContext db, TimeProvider clock) : PageModel
{
    private const string Stale = "Someone changed this briefing after you opened the page, so nothing was done. Here it is as it is now; try again.";

    // Narrows the organisations offered as signatories (a GET form, so it works without script).
    [BindProperty(SupportsGet = true, Name = "find")]
    public string? Find { get; set; }

    public Briefing Briefing { get; private set; } = null!;
    public uint Version => Briefing.RowVersion;
    public IReadOnlyList<string> Warnings { get; private set; } = [];
    // Whether publishing now would show the public anything new (by content; see BriefingDocumentBuilder).
    public bool HasUnpublishedChanges { get; private set; }
    public IReadOnlyList<AvailableConcern> Available { get; private set; } = [];
    public int NotYetApproved { get; private set; }
    public IReadOnlyList<OrganisationOption> SignatoryOptions { get; private set; } = [];
    public IReadOnlyList<ConflictField>? Conflict { get; private set; }

    // The form that was posted and refused ("header", "recommendation-new", "recommendation-5", "footnote-new",
    // "footnote-7"), shown open with what the user typed.
    public string? Editing { get; private set; }
    public BriefingHeaderInput Header { get; private set; } = new();
    public RecommendationInput Recommendation { get; private set; } = new();
    public FootnoteInput Footnote { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadViewAsync(id, cancellationToken))
            return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostEditAsync(int id, [Bind(Prefix = "Header")] BriefingHeaderInput header, uint version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(header);
        Header = header;
        Editing = "header";
        var briefing = await BriefingDocumentBuilder.LoadAsync(db, id, cancellationToken);
        if (briefing is null)
            return NotFound();
        if (!ModelState.IsValid)
            return await InvalidAsync(id, cancellationToken);
        var position = BriefingForm.NullIfBlank(header.Position);
        var introduction = BriefingForm.NullIfBlank(header.Introduction);
        if (header.Title?.Trim() == briefing.Title && header.Stance == briefing.Stance && position == briefing.PositionStatement && introduction == briefing.Introduction)
        {
            TempData["Status"] = "Nothing had changed, so nothing was saved.";
            return RedirectToPage(new { id });
        }

        return await Saving(id, cancellationToken).SaveAsync(briefing, version,
            () => briefing.Edit(header.Title!, introduction, header.Stance, position, clock.GetUtcNow()),
            () => "Title, stance, position and introduction saved.", () => RedirectToPage(null, null, new { id }, "header"), cancellationToken,
            theirs =>
            {
                Conflict = theirs is null ? [] :
                [
                    new ConflictField("Title", theirs.Title, header.Title?.Trim()),
                    new ConflictField("Stance", Format.Label(theirs.Stance), Format.Label(header.Stance)),
                    new ConflictField("Position statement", theirs.PositionStatement, position),
                    new ConflictField("Introduction", theirs.Introduction, introduction),
                ];
                return Task.CompletedTask;
            });
    }

    public async Task<IActionResult> OnPostAddConcernAsync(int id, int concernId, uint version, CancellationToken cancellationToken)
    {
        var briefing = await BriefingDocumentBuilder.LoadAsync(db, id, cancellationToken);
        if (briefing is null)
            return NotFound();
        var concern = await db.Concerns.Include(c => c.Revisions).SingleOrDefaultAsync(c => c.Id == concernId, cancellationToken);
        if (concern is null)
            return await RefusedAsync(id, new DomainException("That concern does not exist. Choose one from the list of approved concerns."), cancellationToken);
        return await ChangeAsync(briefing, version, (b, now) => b.AddConcern(concern, now), $"Added “{concern.Heading}”.", "concerns", cancellationToken);
    }

    public async Task<IActionResult> OnPostMoveConcernAsync(int id, int concernId, int to, uint version, CancellationToken cancellationToken)
    {
        var briefing = await BriefingDocumentBuilder.LoadAsync(db, id, cancellationToken);
        if (briefing is null)
            return NotFound();
        var link = briefing.Concerns.SingleOrDefault(c => c.ConcernId == concernId);
        if (link is null)
            return NotFound();
        return await ChangeAsync(briefing, version, (b, now) => b.MoveConcern(link.Concern, to, now), $"Concern moved to place {to}.", "concerns", cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveConcernAsync(int id, int concernId, uint version, CancellationToken cancellationToken)
    {
        var briefing = await BriefingDocumentBuilder.LoadAsync(db, id, cancellationToken);
        if (briefing is null)
            return NotFound();
        var link = briefing.Concerns.SingleOrDefault(c => c.ConcernId == concernId);
        if (link is null)
            return NotFound();
        return await ChangeAsync(briefing, version, (b, now) => b.RemoveConcern(link.Concern, now),
            $"Removed “{link.Concern.Heading}” from the briefing. The concern itself is unchanged.", "concerns", cancellationToken);
    }

    public async Task<IActionResult> OnPostAddRecommendationAsync(int id, [Bind(Prefix = "Recommendation")] RecommendationInput recommendation, uint version,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recommendation);
        Recommendation = recommendation;
        Editing = "recommendation-new";
        var briefing = await BriefingDocumentBuilder.LoadAsync(db, id, cancellationToken);
        if (briefing is null)
            return NotFound();
        if (!ModelState.IsValid)
            return await InvalidAsync(id, cancellationToken);
        return await ChangeAsync(briefing, version, (b, now) => b.AddRecommendation(recommendation.Text!, BriefingForm.NullIfBlank(recommendation.AddressedTo), now),
            $"Recommendation {briefing.Recommendations.Count + 1} added.", "recommendations", cancellationToken);
    }

    public async Task<IActionResult> OnPostEditRecommendationAsync(int id, int recommendationId, [Bind(Prefix = "Recommendation")] RecommendationInput recommendation, uint version,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recommendation);
        Recommendation = recommendation;
        Editing = $"recommendation-{recommendationId}";
        var briefing = await BriefingDocumentBuilder.LoadAsync(db, id, cancellationToken);
        if (briefing is null)
            return NotFound();
        var item = briefing.Recommendations.SingleOrDefault(r => r.Id == recommendationId);
        if (item is null)
            return NotFound();
        if (!ModelState.IsValid)
            return await InvalidAsync(id, cancellationToken);
        var text = recommendation.Text!.Trim();
        var addressedTo = BriefingForm.NullIfBlank(recommendation.AddressedTo);
        return await ChangeAsync(briefing, version, (b, now) => b.EditRecommendation(item, text, addressedTo, now), $"Recommendation {item.Position} saved.", "recommendations", cancellationToken,
            theirs => theirs.Recommendations.SingleOrDefault(r => r.Id == recommendationId) is { } current
                ? [new ConflictField("Recommendation", current.Text, text), new ConflictField("Addressed to", current.TargetGroup, addressedTo)]
                : []);
    }

    public async Task<IActionResult> OnPostMoveRecommendationAsync(int id, int recommendationId, int to, uint version, CancellationToken cancellationToken)
    {
        var briefing = await BriefingDocumentBuilder.LoadAsync(db, id, cancellationToken);
        var item = briefing?.Recommendations.SingleOrDefault(r => r.Id == recommendationId);
        if (briefing is null || item is null)
            return NotFound();
        return await ChangeAsync(briefing, version, (b, now) => b.MoveRecommendation(item, to, now), $"Recommendation moved to place {to}.", "recommendations", cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveRecommendationAsync(int id, int recommendationId, uint version, CancellationToken cancellationToken)
    {
        var briefing = await BriefingDocumentBuilder.LoadAsync(db, id, cancellationToken);
        var item = briefing?.Recommendations.SingleOrDefault(r => r.Id == recommendationId);
        if (briefing is null || item is null)
            return NotFound();
        var position = item.Position;
        return await ChangeAsync(briefing, version, (b, now) => b.RemoveRecommendation(item, now),
            $"Recommendation {position} removed; the others are renumbered.", "recommendations", cancellationToken);
    }

    public async Task<IActionResult> OnPostAddSignatoryAsync(int id, int organisationId, uint version, CancellationToken cancellationToken)
    {
        var briefing = await BriefingDocumentBuilder.LoadAsync(db, id, cancellationToken);
        if (briefing is null)
            return NotFound();
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == organisationId, cancellationToken);
        if (organisation is null)
            return await RefusedAsync(id, new DomainException("Choose a signatory from the list of organisations."), cancellationToken);
        return await ChangeAsync(briefing, version, (b, now) => b.AddSignatory(organisation, now), $"{organisation.Name} added as signatory {briefing.Signatories.Count + 1}.",
            "signatories", cancellationToken);
    }

    public async Task<IActionResult> OnPostMoveSignatoryAsync(int id, int organisationId, int to, uint version, CancellationToken cancellationToken)
    {
        var briefing = await BriefingDocumentBuilder.LoadAsync(db, id, cancellationToken);
        var item = briefing?.Signatories.SingleOrDefault(s => s.OrganisationId == organisationId);
        if (briefing is null || item is null)
            return NotFound();
        return await ChangeAsync(briefing, version, (b, now) => b.MoveSignatory(item.Organisation, to, now), $"{item.Organisation.Name} moved to place {to}.",
            "signatories", cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveSignatoryAsync(int id, int organisationId, uint version, CancellationToken cancellationToken)
    {
        var briefing = await BriefingDocumentBuilder.LoadAsync(db, id, cancellationToken);
        var item = briefing?.Signatories.SingleOrDefault(s => s.OrganisationId == organisationId);
        if (briefing is null || item is null)
            return NotFound();
        return await ChangeAsync(briefing, version, (b, now) => b.RemoveSignatory(item.Organisation, now), $"{item.Organisation.Name} no longer signs the briefing.",
            "signatories", cancellationToken);
    }

    public async Task<IActionResult> OnPostAddFootnoteAsync(int id, [Bind(Prefix = "Input")] FootnoteInput footnote, uint version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(footnote);
        Footnote = footnote;
        Editing = "footnote-new";
        var briefing = await BriefingDocumentBuilder.LoadAsync(db, id, cancellationToken);
        if (briefing is null)
            return NotFound();
        var citations = CitationLines.Parse(footnote.Symbols, footnote.Urls, ModelState, "Input");
        if (!ModelState.IsValid)
            return await InvalidAsync(id, cancellationToken);
        return await ChangeAsync(briefing, version, (b, now) => b.AddFootnote(footnote.Text!.Trim(), citations, now),
            $"Briefing note {briefing.Footnotes.Count + 1} added.", "notes", cancellationToken);
    }

    public async Task<IActionResult> OnPostEditFootnoteAsync(int id, int footnoteId, [Bind(Prefix = "Input")] FootnoteInput footnote, uint version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(footnote);
        Footnote = footnote;
        Editing = $"footnote-{footnoteId}";
        var briefing = await BriefingDocumentBuilder.LoadAsync(db, id, cancellationToken);
        var note = briefing?.Footnotes.SingleOrDefault(f => f.Id == footnoteId);
        if (briefing is null || note is null)
            return NotFound();
        var citations = CitationLines.Parse(footnote.Symbols, footnote.Urls, ModelState, "Input");
        if (!ModelState.IsValid)
            return await InvalidAsync(id, cancellationToken);
        var text = footnote.Text!.Trim();
        return await ChangeAsync(briefing, version, (b, now) => b.EditFootnote(note, text, citations, now), $"Briefing note {note.Position} saved.", "notes", cancellationToken,
            theirs => theirs.Footnotes.SingleOrDefault(f => f.Id == footnoteId) is { } current
                ?
                [
                    new ConflictField("Text", current.Text, text),
                    new ConflictField("Cited symbols", CitationLines.SymbolsOf(current.Citations), CitationLines.Normalise(footnote.Symbols)),
                    new ConflictField("Web addresses", CitationLines.UrlsOf(current.Citations), CitationLines.Normalise(footnote.Urls)),
                ]
                : []);
    }

    public async Task<IActionResult> OnPostMoveFootnoteAsync(int id, int footnoteId, int to, uint version, CancellationToken cancellationToken)
    {
        var briefing = await BriefingDocumentBuilder.LoadAsync(db, id, cancellationToken);
        var note = briefing?.Footnotes.SingleOrDefault(f => f.Id == footnoteId);
        if (briefing is null || note is null)
            return NotFound();
        return await ChangeAsync(briefing, version, (b, now) => b.MoveFootnote(note, to, now), $"Briefing note moved to place {to}.", "notes", cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveFootnoteAsync(int id, int footnoteId, uint version, CancellationToken cancellationToken)
    {
        var briefing = await BriefingDocumentBuilder.LoadAsync(db, id, cancellationToken);
        var note = briefing?.Footnotes.SingleOrDefault(f => f.Id == footnoteId);
        if (briefing is null || note is null)
            return NotFound();
        var position = note.Position;
        return await ChangeAsync(briefing, version, (b, now) => b.RemoveFootnote(note, now), $"Briefing note {position} removed; the others are renumbered.",
            "notes", cancellationToken);
    }

    // One change through the domain, saved only if nobody changed the briefing since the form was loaded.
    private async Task<IActionResult> ChangeAsync(Briefing briefing, uint version, Action<Briefing, DateTimeOffset> change, string done, string section,
        CancellationToken cancellationToken, Func<Briefing, List<ConflictField>>? conflictFields = null)
    {
        // The domain dates every change; the briefing row is written even when only a child row changed (or the
        // clock has not moved), so its row version always guards the save.
        db.Entry(briefing).Property(b => b.UpdatedAt).IsModified = true;
        return await Saving(briefing.Id, cancellationToken).SaveAsync(briefing, version, () => change(briefing, clock.GetUtcNow()),
            () => done, () => RedirectToPage(null, null, new { id = briefing.Id }, section), cancellationToken,
            conflictFields is null ? null : _ =>
            {
                // The other person's version of the item, as the page now shows it.
                Conflict = conflictFields(Briefing);
                return Task.CompletedTask;
            });
    }

    private FormSave Saving(int id, CancellationToken cancellationToken) =>
        new(this, db, () => LoadViewAsync(id, cancellationToken)) { Stale = Stale };

    private async Task<IActionResult> InvalidAsync(int id, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        if (!await LoadViewAsync(id, cancellationToken))
            return NotFound();
        return this.Invalid();
    }

    private async Task<IActionResult> RefusedAsync(int id, DomainException refusal, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        if (!await LoadViewAsync(id, cancellationToken))
            return NotFound();
        return this.Refused(refusal);
    }

    private async Task<bool> LoadViewAsync(int id, CancellationToken cancellationToken)
    {
        var briefing = await BriefingDocumentBuilder.LoadAsync(db, id, cancellationToken);
        if (briefing is null)
            return false;
        Briefing = briefing;
        if (Editing != "header")
        {
            Header = new BriefingHeaderInput
            {
                Title = briefing.Title,
                Stance = briefing.Stance,
                Position = briefing.PositionStatement,
                Introduction = briefing.Introduction,
            };
        }
        var nextNumber = briefing.Snapshots.Count == 0 ? 1 : briefing.Snapshots.Max(s => s.Number) + 1;
        var (draft, warnings) = BriefingDocumentBuilder.Build(briefing, nextNumber, clock.GetUtcNow());
        Warnings = warnings;
        HasUnpublishedChanges = BriefingDocumentBuilder.DiffersFromPublished(briefing, draft);

        var included = briefing.Concerns.Select(c => c.ConcernId).ToList();
        var rows = await db.Concerns.AsNoTracking()
            .Where(c => c.ResolutionId == briefing.ResolutionId && c.ApprovedRevisionNumber != null && c.State != ConcernState.Withdrawn && !included.Contains(c.Id))
            .OrderBy(c => c.Id)
            .Select(c => new
            {
                c.Id, c.Heading, c.Severity, c.State, c.RevisionNumber, ApprovedRevisionNumber = c.ApprovedRevisionNumber!.Value,
                ApprovedHeading = c.Revisions.Where(r => r.Number == c.ApprovedRevisionNumber).Select(r => r.Heading).FirstOrDefault(),
                Paragraphs = c.Paragraphs.OrderBy(p => p.Position).Select(p => new { p.Paragraph.Kind, p.Paragraph.Number }).ToList(),
            })
            .ToListAsync(cancellationToken);
        Available = rows.Select(r => new AvailableConcern(r.Id, r.ApprovedHeading ?? r.Heading, r.Severity, r.State, r.RevisionNumber, r.ApprovedRevisionNumber,
            string.Join(", ", r.Paragraphs.Select(p => Paragraph.Reference(p.Kind, p.Number))))).ToList();
        NotYetApproved = await db.Concerns.CountAsync(c => c.ResolutionId == briefing.ResolutionId && c.ApprovedRevisionNumber == null && c.State != ConcernState.Withdrawn,
            cancellationToken);

        var signed = briefing.Signatories.Select(s => s.OrganisationId).ToList();
        var organisations = db.Organisations.AsNoTracking().Where(o => o.Kind != OrganisationKind.State && !signed.Contains(o.Id));
        if (BriefingForm.NullIfBlank(Find) is { } find)
            organisations = organisations.NameContains(find);
        SignatoryOptions = await organisations
            .OrderBy(o => o.Kind).ThenBy(o => o.Name)
            .Select(o => new OrganisationOption(o.Id, o.Name, o.ShortName, o.Kind))
            .ToListAsync(cancellationToken);
        return true;
    }

    // The approved revision's heading and the concern's state, as the composer shows an included concern.
    public static (string Heading, bool LeftOut) Describe(Concern concern)
    {
        ArgumentNullException.ThrowIfNull(concern);
        var approved = concern.ApprovedRevisionNumber is { } n ? concern.Revisions.FirstOrDefault(r => r.Number == n) : null;
        return (approved?.Heading ?? concern.Heading, approved is null || concern.State == ConcernState.Withdrawn);
    }

    public sealed class RecommendationInput
    {
        [Required(ErrorMessage = "Write the recommendation.")]
        [StringLength(Limits.Summary, ErrorMessage = "A recommendation must be at most {1} characters.")]
        public string? Text { get; set; }

        [StringLength(Limits.Title, ErrorMessage = "“Addressed to” must be at most {1} characters.")]
        public string? AddressedTo { get; set; }
    }

    public sealed class FootnoteInput
    {
        [Required(ErrorMessage = "Write the footnote's text.")]
        [StringLength(Limits.Note, ErrorMessage = "A footnote's text must be at most {1} characters.")]
        public string? Text { get; set; }

        [StringLength(CitationLines.MaxCitations * (Limits.Symbol + 2), ErrorMessage = "Too many symbols: a footnote cites at most 20 documents.")]
        public string? Symbols { get; set; }

        [StringLength(CitationLines.MaxCitations * (Limits.Url + Limits.Title + 2), ErrorMessage = "Too many web addresses: a footnote cites at most 20 documents.")]
        public string? Urls { get; set; }
    }

    public sealed record AvailableConcern(int Id, string Heading, Severity Severity, ConcernState State, int RevisionNumber, int ApprovedRevisionNumber, string Paragraphs);

    public sealed record OrganisationOption(int Id, string Name, string? ShortName, OrganisationKind Kind);
}

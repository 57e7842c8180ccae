using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Concerns;
using ResolutionTracker.Domain.Resolutions;
using ResolutionTracker.Web.Authorization;
using ResolutionTracker.Web.Data;
using ResolutionTracker.Web.Formatting;
using ResolutionTracker.Web.Pages.Shared;

namespace ResolutionTracker.Web.Pages.Desk.Concerns;

public sealed class EditModel(AppDbContext db, IAuthorizationService auth, TimeProvider clock) : PageModel, IConcernFormPage
{
    [BindProperty]
    public ConcernInput Input { get; set; } = new();

    // The concern's xmin when the form was loaded; saving over a newer version is a conflict.
    [BindProperty]
    public uint RowVersion { get; set; }

    public ConcernView Concern { get; private set; } = null!;
    public IReadOnlyList<ParagraphChoice> Choices { get; private set; } = [];
    public IReadOnlyList<ConflictField>? Conflict { get; private set; }

    // False when the concern's state allows no change now: the page then says why instead of showing the form.
    public bool MayEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var (concern, answer) = await this.ConcernForAsync(auth, db.Concerns.AsNoTracking().Include(c => c.Paragraphs), id,
            ConcernOperations.Edit, cancellationToken);
        if (concern is null)
            return answer!;
        Input = new ConcernInput
        {
            Heading = concern.Heading,
            Summary = concern.Summary,
            Body = concern.Body,
            Severity = concern.Severity,
            ParagraphIds = concern.Paragraphs.OrderBy(p => p.Position).Select(p => p.ParagraphId).ToList(),
            Quotes = concern.Paragraphs.ToDictionary(p => p.ParagraphId, p => p.Quote),
        };
        RowVersion = concern.RowVersion;
        await LoadAsync(concern, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        // The resolution is loaded too: the domain compares a paragraph's resolution with the concern's.
        var (concern, answer) = await this.ConcernForAsync(auth, db.Concerns.Include(c => c.Resolution).Include(c => c.Paragraphs).ThenInclude(cp => cp.Paragraph),
            id, ConcernOperations.Edit, cancellationToken);
        if (concern is null)
            return answer!;
        await LoadAsync(concern, cancellationToken);
        if (!ModelState.IsValid)
            return this.Invalid();
        var picked = await ConcernForm.PickedAsync(db, Input, ModelState, cancellationToken);
        if (picked is null)
            return this.Invalid();

        var contentChanged = Input.Heading?.Trim() != concern.Heading
            || NullIfBlank(Input.Summary) != concern.Summary
            || (NullIfBlank(Input.Body) ?? "") != concern.Body
            || Input.Severity != concern.Severity;
        var paragraphsChanged = !picked.Select(p => (p.Paragraph.Id, p.Quote))
            .SequenceEqual(concern.Paragraphs.OrderBy(p => p.Position).Select(p => (p.ParagraphId, p.Quote)));
        if (!contentChanged && !paragraphsChanged)
        {
            TempData["Status"] = "Nothing had changed, so nothing was saved.";
            return RedirectToPage("Detail", new { id });
        }

        var wasApproved = concern.State == ConcernState.Approved;
        var actor = User.ToActor();
        var now = clock.GetUtcNow();
        return await new FormSave(this, db, () => LoadAsync(concern, cancellationToken)).SaveAsync(concern, RowVersion,
            () =>
            {
                if (contentChanged)
                    concern.Edit(actor, Input.Heading!, Input.Summary, Input.Body, Input.Severity, now);
                if (paragraphsChanged)
                    concern.SetParagraphs(actor, picked, now);
            },
            () => wasApproved
                ? $"Saved as revision {concern.RevisionNumber}. It needs approval again; revision {concern.ApprovedRevisionNumber} stays what briefings use until then."
                : "Changes saved.",
            () => RedirectToPage("Detail", new { id }),
            cancellationToken, theirs => ShowConflictAsync(theirs, picked, cancellationToken));
    }

    // Both versions side by side; the form keeps what this user typed, and carries the other person's
    // row version so that saving again (after merging by hand) goes through.
    private async Task ShowConflictAsync(Concern? theirs, List<(Paragraph Paragraph, string? Quote)> picked, CancellationToken cancellationToken)
    {
        if (theirs is null)
        {
            Conflict = [];
            return;
        }
        var theirParagraphs = await db.ConcernParagraphs.AsNoTracking()
            .Where(cp => cp.ConcernId == theirs.Id)
            .OrderBy(cp => cp.Position)
            .Select(cp => new { cp.Paragraph.Kind, cp.Paragraph.Number })
            .ToListAsync(cancellationToken);
        Conflict =
        [
            new ConflictField("Heading", theirs.Heading, Input.Heading?.Trim()),
            new ConflictField("Summary", theirs.Summary, NullIfBlank(Input.Summary)),
            new ConflictField("Argument", theirs.Body, NullIfBlank(Input.Body) ?? ""),
            new ConflictField("Severity", Format.Label(theirs.Severity), Format.Label(Input.Severity)),
            new ConflictField("Paragraphs",
                string.Join(", ", theirParagraphs.Select(p => Paragraph.Reference(p.Kind, p.Number))),
                string.Join(", ", picked.Select(p => p.Paragraph.Reference()))),
        ];
        RowVersion = theirs.RowVersion;
        ModelState.Remove(nameof(RowVersion));
    }

    private async Task<bool> LoadAsync(Concern concern, CancellationToken cancellationToken)
    {
        var view = await db.Concerns.AsNoTracking()
            .Where(c => c.Id == concern.Id)
            .Select(c => new ConcernView(c.Id, c.Heading, c.AuthorId, c.State, c.RevisionNumber, c.ApprovedRevisionNumber, c.ResolutionId, c.Resolution.Symbol))
            .SingleOrDefaultAsync(cancellationToken);
        if (view is null)
            return false;
        Concern = view;
        MayEdit = await auth.MayAsync(User, new ConcernAccess(view.AuthorId, view.State), ConcernOperations.Edit);
        var linked = concern.Paragraphs.Select(p => p.ParagraphId).Concat(Input.ParagraphIds);
        Choices = await ConcernForm.ChoicesAsync(db, concern.ResolutionId, linked, cancellationToken);
        return true;
    }

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public sealed record ConcernView(int Id, string Heading, string AuthorId, ConcernState State, int RevisionNumber, int? ApprovedRevisionNumber,
        int ResolutionId, string ResolutionSymbol);
}

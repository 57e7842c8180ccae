using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Concerns;
using ResolutionTracker.Web.Authorization;
using ResolutionTracker.Web.Data;
using ResolutionTracker.Web.Pages.Public.Concerns;
using ResolutionTracker.Web.Pages.Shared;

namespace ResolutionTracker.Web.Pages.Desk.Concerns;

// A concern's footnotes: add, edit, reorder with up/down buttons (no script needed), remove after asking once.
// Every form carries its footnote's row version, so two people editing the same note never overwrite each other.
public sealed class FootnotesModel(AppDbContext db, IAuthorizationService auth, TimeProvider clock) : PageModel
{
    private const int MaxCitations = CitationLines.MaxCitations;

    [BindProperty]
    public FootnoteInput Input { get; set; } = new();

    // Move: the 1-based place the footnote goes to.
    [BindProperty]
    public int To { get; set; }

    public ConcernView Concern { get; private set; } = null!;
    public IReadOnlyList<FootnoteRow> Footnotes { get; private set; } = [];

    // The form that was posted and refused (0 = the add form), shown open with what the user typed.
    public int? EditingId { get; private set; }
    public IReadOnlyList<ConflictField>? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var concern = await db.Concerns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (concern is null)
            return NotFound();
        if (!(await auth.AuthorizeAsync(User, ConcernAccess.Of(concern), ConcernOperations.Edit)).Succeeded)
            return Forbid();
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(int id, CancellationToken cancellationToken)
    {
        var (concern, refusal) = await LoadForChangeAsync(id, cancellationToken);
        if (refusal is not null)
            return refusal;
        EditingId = 0;
        var citations = ParseCitations();
        if (!ModelState.IsValid)
            return await InvalidAsync(id, cancellationToken);
        try
        {
            concern!.AddFootnote(User.ToActor(), Input.Text!, citations, clock.GetUtcNow());
        }
        catch (DomainException e)
        {
            return await RefusedAsync(id, e, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, concern, $"Footnote {concern.Footnotes.Count} added.");
    }

    public async Task<IActionResult> OnPostEditAsync(int id, CancellationToken cancellationToken)
    {
        var (concern, refusal) = await LoadForChangeAsync(id, cancellationToken);
        if (refusal is not null)
            return refusal;
        var footnote = concern!.Footnotes.SingleOrDefault(f => f.Id == Input.FootnoteId);
        if (footnote is null)
            return NotFound();
        EditingId = footnote.Id;
        var citations = ParseCitations();
        if (!ModelState.IsValid)
            return await InvalidAsync(id, cancellationToken);

        db.ExpectVersion(footnote, Input.RowVersion);
        try
        {
            concern.EditFootnote(User.ToActor(), footnote, Input.Text!, citations, clock.GetUtcNow());
        }
        catch (DomainException e)
        {
            return await RefusedAsync(id, e, cancellationToken);
        }
        var saved = await db.TrySaveAsync(footnote, cancellationToken);
        if (saved.Conflicted)
        {
            var theirs = saved.Theirs;
            if (theirs is null)
                Conflict = [];
            else
            {
                var (symbols, urls) = await CitationLinesAsync(theirs.Id, cancellationToken);
                Conflict =
                [
                    new ConflictField("Text", theirs.Text, Input.Text?.Trim()),
                    new ConflictField("Cited symbols", symbols, CitationLines.Normalise(Input.Symbols)),
                    new ConflictField("Web addresses", urls, CitationLines.Normalise(Input.Urls)),
                ];
                Input.RowVersion = theirs.RowVersion;
                ModelState.Remove("Input.RowVersion");
            }
            await LoadAsync(id, cancellationToken);
            return this.Conflict();
        }
        return Done(id, concern, $"Footnote {footnote.Position} saved.");
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, CancellationToken cancellationToken)
    {
        // This form posts no text; the input model's rules for the edit form do not apply.
        ModelState.Clear();
        var (concern, refusal) = await LoadForChangeAsync(id, cancellationToken);
        if (refusal is not null)
            return refusal;
        var footnote = concern!.Footnotes.SingleOrDefault(f => f.Id == Input.FootnoteId);
        if (footnote is null)
            return NotFound();
        db.ExpectVersion(footnote, Input.RowVersion);
        try
        {
            concern.MoveFootnote(User.ToActor(), footnote, To, clock.GetUtcNow());
        }
        catch (DomainException e)
        {
            return await RefusedAsync(id, e, cancellationToken);
        }
        return await SaveOrConflictAsync(id, concern, footnote, $"Footnote moved to place {To}.", cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken cancellationToken)
    {
        // This form posts no text; the input model's rules for the edit form do not apply.
        ModelState.Clear();
        var (concern, refusal) = await LoadForChangeAsync(id, cancellationToken);
        if (refusal is not null)
            return refusal;
        var footnote = concern!.Footnotes.SingleOrDefault(f => f.Id == Input.FootnoteId);
        if (footnote is null)
            return NotFound();
        db.ExpectVersion(footnote, Input.RowVersion);
        var position = footnote.Position;
        try
        {
            concern.RemoveFootnote(User.ToActor(), footnote, clock.GetUtcNow());
        }
        catch (DomainException e)
        {
            return await RefusedAsync(id, e, cancellationToken);
        }
        return await SaveOrConflictAsync(id, concern, footnote, $"Footnote {position} removed; the others are renumbered.", cancellationToken);
    }

    private async Task<IActionResult> SaveOrConflictAsync(int id, Concern concern, Footnote footnote, string done, CancellationToken cancellationToken)
    {
        var saved = await db.TrySaveAsync(footnote, cancellationToken);
        if (saved.Conflicted)
        {
            ModelState.AddModelError(string.Empty, "Someone changed the footnotes after you opened this page, so nothing was done. Here they are as they are now; try again.");
            await LoadAsync(id, cancellationToken);
            return this.Conflict();
        }
        return Done(id, concern, done);
    }

    private RedirectToPageResult Done(int id, Concern concern, string done)
    {
        TempData["Status"] = concern.ApprovedRevisionNumber is { } approved && approved != concern.RevisionNumber && concern.State == ConcernState.Draft
            ? $"{done} The concern is now revision {concern.RevisionNumber}, which needs approval again."
            : done;
        return RedirectToPage(new { id });
    }

    private async Task<(Concern? Concern, IActionResult? Refusal)> LoadForChangeAsync(int id, CancellationToken cancellationToken)
    {
        var concern = await db.Concerns
            .Include(c => c.Footnotes).ThenInclude(f => f.Citations)
            .SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (concern is null)
            return (null, NotFound());
        if (!(await auth.AuthorizeAsync(User, ConcernAccess.Of(concern), ConcernOperations.Edit)).Succeeded)
            return (null, Forbid());
        return (concern, null);
    }

    private List<CitationInput> ParseCitations() => CitationLines.Parse(Input.Symbols, Input.Urls, ModelState, "Input");

    private async Task<IActionResult> InvalidAsync(int id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        return this.Invalid();
    }

    private async Task<IActionResult> RefusedAsync(int id, DomainException refusal, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await LoadAsync(id, cancellationToken);
        return this.Refused(refusal);
    }

    private async Task LoadAsync(int id, CancellationToken cancellationToken)
    {
        Concern = await db.Concerns.AsNoTracking()
            .Where(c => c.Id == id)
            .Select(c => new ConcernView(c.Id, c.Heading, c.State, c.RevisionNumber, c.ApprovedRevisionNumber))
            .SingleAsync(cancellationToken);
        var rows = await db.Footnotes.AsNoTracking()
            .Where(f => f.ConcernId == id)
            .OrderBy(f => f.Position)
            .Select(f => new
            {
                f.Id, f.Position, f.Text, f.RowVersion,
                Citations = f.Citations.OrderBy(c => c.Position).Select(c => new CitationView(c.Symbol, c.Url, c.Label)).ToList(),
            })
            .ToListAsync(cancellationToken);
        Footnotes = rows.Select(r => new FootnoteRow(r.Id, r.Position, r.Text, r.RowVersion, r.Citations,
            SymbolLines(r.Citations), UrlLines(r.Citations))).ToList();
    }

    private async Task<(string Symbols, string Urls)> CitationLinesAsync(int footnoteId, CancellationToken cancellationToken)
    {
        var citations = await db.Citations.AsNoTracking()
            .Where(c => c.FootnoteId == footnoteId)
            .OrderBy(c => c.Position)
            .Select(c => new CitationView(c.Symbol, c.Url, c.Label))
            .ToListAsync(cancellationToken);
        return (SymbolLines(citations), UrlLines(citations));
    }

    private static string SymbolLines(IEnumerable<CitationView> citations) =>
        string.Join("\n", citations.Where(c => c.Symbol is not null).Select(c => c.Symbol));

    private static string UrlLines(IEnumerable<CitationView> citations) =>
        string.Join("\n", citations.Where(c => c.Url is not null).Select(c => c.Label is null ? c.Url : $"{c.Url} {c.Label}"));

    public sealed class FootnoteInput
    {
        public int FootnoteId { get; set; }

        public uint RowVersion { get; set; }

        [Required(ErrorMessage = "Write the footnote's text.")]
        [StringLength(Limits.Note, ErrorMessage = "A footnote's text must be at most {1} characters.")]
        public string? Text { get; set; }

        [StringLength(MaxCitations * (Limits.Symbol + 2), ErrorMessage = "Too many symbols: a footnote cites at most 20 documents.")]
        public string? Symbols { get; set; }

        [StringLength(MaxCitations * (Limits.Url + Limits.Title + 2), ErrorMessage = "Too many web addresses: a footnote cites at most 20 documents.")]
        public string? Urls { get; set; }
    }

    public sealed record ConcernView(int Id, string Heading, ConcernState State, int RevisionNumber, int? ApprovedRevisionNumber)
    {
        public bool IsEditable => State is ConcernState.Draft or ConcernState.ChangesRequested or ConcernState.Approved;
    }

    public sealed record FootnoteRow(int Id, int Position, string Text, uint RowVersion, IReadOnlyList<CitationView> Citations, string Symbols, string Urls);
}

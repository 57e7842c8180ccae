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

    // Whether the forms are shown; while the concern is in review or withdrawn the page says why not instead.
    public bool MayEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var (concern, answer) = await this.ConcernForAsync(auth, db.Concerns.AsNoTracking(), id, ConcernOperations.Edit, cancellationToken);
        if (concern is null)
            return answer!;
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(int id, CancellationToken cancellationToken)
    {
        var (concern, answer) = await ForChangeAsync(id, cancellationToken);
        if (concern is null)
            return answer!;
        EditingId = 0;
        var citations = ParseCitations();
        if (!ModelState.IsValid)
            return await InvalidAsync(id, cancellationToken);
        return await SaveAsync(concern, concern, null, c => c.AddFootnote(User.ToActor(), Input.Text!, citations, clock.GetUtcNow()),
            () => $"Footnote {concern.Footnotes.Count} added.", cancellationToken);
    }

    public async Task<IActionResult> OnPostEditAsync(int id, CancellationToken cancellationToken)
    {
        var (concern, footnote, answer) = await FootnoteForChangeAsync(id, cancellationToken);
        if (concern is null || footnote is null)
            return answer!;
        EditingId = footnote.Id;
        var citations = ParseCitations();
        if (!ModelState.IsValid)
            return await InvalidAsync(id, cancellationToken);
        return await SaveAsync(concern, footnote, Input.RowVersion, c => c.EditFootnote(User.ToActor(), footnote, Input.Text!, citations, clock.GetUtcNow()),
            () => $"Footnote {footnote.Position} saved.", cancellationToken,
            theirs => ShowBothAsync(theirs, cancellationToken));
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, CancellationToken cancellationToken)
    {
        // This form posts no text; the input model's rules for the edit form do not apply.
        ModelState.Clear();
        var (concern, footnote, answer) = await FootnoteForChangeAsync(id, cancellationToken);
        if (concern is null || footnote is null)
            return answer!;
        return await SaveAsync(concern, footnote, Input.RowVersion, c => c.MoveFootnote(User.ToActor(), footnote, To, clock.GetUtcNow()),
            () => $"Footnote moved to place {To}.", cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken cancellationToken)
    {
        // This form posts no text; the input model's rules for the edit form do not apply.
        ModelState.Clear();
        var (concern, footnote, answer) = await FootnoteForChangeAsync(id, cancellationToken);
        if (concern is null || footnote is null)
            return answer!;
        var position = footnote.Position;
        return await SaveAsync(concern, footnote, Input.RowVersion, c => c.RemoveFootnote(User.ToActor(), footnote, clock.GetUtcNow()),
            () => $"Footnote {position} removed; the others are renumbered.", cancellationToken);
    }

    private Task<(Concern? Concern, IActionResult? Answer)> ForChangeAsync(int id, CancellationToken cancellationToken) =>
        this.ConcernForAsync(auth, db.Concerns.Include(c => c.Footnotes).ThenInclude(f => f.Citations), id, ConcernOperations.Edit, cancellationToken);

    // The posted footnote must be one of this concern's.
    private async Task<(Concern? Concern, Footnote? Footnote, IActionResult? Answer)> FootnoteForChangeAsync(int id, CancellationToken cancellationToken)
    {
        var (concern, answer) = await ForChangeAsync(id, cancellationToken);
        if (concern is null)
            return (null, null, answer);
        var footnote = concern.Footnotes.SingleOrDefault(f => f.Id == Input.FootnoteId);
        return footnote is null ? (null, null, NotFound()) : (concern, footnote, null);
    }

    // A footnote's form carries the footnote's row version; the form that adds one carries none.
    private Task<IActionResult> SaveAsync<T>(Concern concern, T saved, uint? rowVersion, Action<Concern> change, Func<string> done,
        CancellationToken cancellationToken, Func<T?, Task>? onConflict = null) where T : EditableEntity =>
        new FormSave(this, db, () => LoadAsync(concern.Id, cancellationToken))
        {
            Stale = "Someone changed the footnotes after you opened this page, so nothing was done. Here they are as they are now; try again.",
        }.SaveAsync(saved, rowVersion, () => change(concern), () => Status(concern, done()),
            () => RedirectToPage(new { id = concern.Id }), cancellationToken, onConflict);

    // Both texts side by side; the form keeps what this user typed and carries the other person's row version.
    private async Task ShowBothAsync(Footnote? theirs, CancellationToken cancellationToken)
    {
        if (theirs is null)
        {
            Conflict = [];
            return;
        }
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

    private static string Status(Concern concern, string done) =>
        concern.ApprovedRevisionNumber is { } approved && approved != concern.RevisionNumber && concern.State == ConcernState.Draft
            ? $"{done} The concern is now revision {concern.RevisionNumber}, which needs approval again."
            : done;

    private List<CitationInput> ParseCitations() => CitationLines.Parse(Input.Symbols, Input.Urls, ModelState, "Input");

    private async Task<IActionResult> InvalidAsync(int id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        return this.Invalid();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var concern = await db.Concerns.AsNoTracking()
            .Where(c => c.Id == id)
            .Select(c => new ConcernView(c.Id, c.Heading, c.AuthorId, c.State, c.RevisionNumber, c.ApprovedRevisionNumber))
            .SingleOrDefaultAsync(cancellationToken);
        if (concern is null)
            return false;
        Concern = concern;
        MayEdit = await auth.MayAsync(User, new ConcernAccess(concern.AuthorId, concern.State), ConcernOperations.Edit);
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
        return true;
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

    public sealed record ConcernView(int Id, string Heading, string AuthorId, ConcernState State, int RevisionNumber, int? ApprovedRevisionNumber);

    public sealed record FootnoteRow(int Id, int Position, string Text, uint RowVersion, IReadOnlyList<CitationView> Citations, string Symbols, string Urls);
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Concerns;
using ResolutionTracker.Web.Authorization;
using ResolutionTracker.Web.Data;
using ResolutionTracker.Web.Pages.Desk.Resolutions;
using ResolutionTracker.Web.Pages.Public.Concerns;
using ResolutionTracker.Web.Pages.Shared;

namespace ResolutionTracker.Web.Pages.Desk.Concerns;

// A concern as the coalition works on it: every state, the review comments, revisions, and the workflow buttons.
public sealed class DetailModel(AppDbContext db, IAuthorizationService auth, TimeProvider clock) : PageModel
{
    public ConcernView Concern { get; private set; } = null!;
    public IReadOnlyList<ParagraphRef> Paragraphs { get; private set; } = [];
    public IReadOnlyList<FootnoteView> Footnotes { get; private set; } = [];
    public IReadOnlyList<CommentView> Comments { get; private set; } = [];
    public IReadOnlyList<RevisionView> Revisions { get; private set; } = [];
    public bool MayEdit { get; private set; }

    // By position in Paragraphs: the paragraphs whose text changed since the concern was written about them.
    public IReadOnlyDictionary<int, TextChangeFlag> TextChanges { get; private set; } = new Dictionary<int, TextChangeFlag>();
    public bool MaySubmit { get; private set; }
    public bool MayWithdraw { get; private set; }

    // Where a confirmation posted from another page (the working view) goes back to; only a local address.
    public string? ReturnUrl { get; private set; }

    // The version of the concern the buttons were shown with: acting on a newer one needs a fresh look first.
    [BindProperty]
    public uint RowVersion { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, ConcernOperations.Submit, (c, actor, now) => c.Submit(actor, now),
            "Submitted for review. A coalition lead will approve it or send it back with a comment.", cancellationToken);

    public Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, ConcernOperations.Withdraw, (c, actor, now) => c.Withdraw(actor, now),
            "Concern withdrawn. It stays on record with its history but will not be reviewed or published.", cancellationToken);

    // Someone read the new text of a paragraph and says the concern still holds: the "text changed" flag goes.
    // The working view's flags post here too, with the address to go back to.
    public async Task<IActionResult> OnPostConfirmParagraphAsync(int id, int paragraphId, string? returnUrl, CancellationToken cancellationToken)
    {
        var (concern, answer) = await this.ConcernForAsync(auth, db.Concerns.Include(c => c.Paragraphs).ThenInclude(cp => cp.Paragraph), id,
            ConcernOperations.Edit, cancellationToken);
        if (concern is null)
            return answer!;
        var link = concern.Paragraphs.FirstOrDefault(cp => cp.ParagraphId == paragraphId);
        if (link is null)
            return NotFound();
        ReturnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : null;
        var reference = link.Paragraph.Reference();
        return await SaveAsync(concern, (c, actor, now) => c.ConfirmParagraphText(actor, link.Paragraph, now),
            $"Confirmed: the concern still holds for the new text of {reference}.", cancellationToken);
    }

    private async Task<IActionResult> ActAsync(int id, ConcernRequirement operation, Action<Concern, Actor, DateTimeOffset> step, string done,
        CancellationToken cancellationToken)
    {
        var (concern, answer) = await this.ConcernForAsync(auth, db.Concerns.Include(c => c.Revisions), id, operation, cancellationToken);
        return concern is null ? answer! : await SaveAsync(concern, step, done, cancellationToken);
    }

    private Task<IActionResult> SaveAsync(Concern concern, Action<Concern, Actor, DateTimeOffset> step, string done, CancellationToken cancellationToken) =>
        new FormSave(this, db, () => LoadAsync(concern.Id, cancellationToken))
        {
            Stale = "Someone changed this concern after you opened it, so nothing was done. Read the current version below, then try again.",
        }.SaveAsync(concern, RowVersion, () => step(concern, User.ToActor(), clock.GetUtcNow()), () => done, () => Next(concern.Id), cancellationToken);

    // Back where the user confirmed from: on the working view, the confirmation shows beside the paragraph (the
    // address's anchor), where the user is, instead of out of sight at the top.
    private IActionResult Next(int id)
    {
        if (ReturnUrl is null)
            return RedirectToPage(new { id });
        var hash = ReturnUrl.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
            TempData[Resolutions.DetailModel.SavedAtKey] = ReturnUrl[(hash + 1)..];
        return LocalRedirect(ReturnUrl);
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var concern = await db.Concerns.AsNoTracking()
            .Where(c => c.Id == id)
            .Select(c => new ConcernView(c.Id, c.Heading, c.Summary, c.Body, c.Severity, c.State, c.RevisionNumber, c.ApprovedRevisionNumber,
                c.AuthorId, c.ResolutionId, c.Resolution.Symbol, c.Resolution.Title, c.CreatedAt, c.UpdatedAt, c.RowVersion))
            .SingleOrDefaultAsync(cancellationToken);
        if (concern is null)
            return false;
        Concern = concern;
        RowVersion = concern.RowVersion;

        var paragraphs = await db.ConcernParagraphs.AsNoTracking()
            .Where(cp => cp.ConcernId == id)
            .OrderBy(cp => cp.Position)
            .Select(cp => new { cp.ParagraphId, cp.Paragraph.Kind, cp.Paragraph.Number, cp.Quote, cp.Paragraph.Text, cp.TextWhenLinked })
            .ToListAsync(cancellationToken);
        Paragraphs = paragraphs.Select(p => ParagraphRef.Create(p.Kind, p.Number, p.Quote, p.Text)).ToList();

        var access = new ConcernAccess(concern.AuthorId, concern.State);
        MayEdit = await auth.MayAsync(User, access, ConcernOperations.Edit);
        MaySubmit = await auth.MayAsync(User, access, ConcernOperations.Submit);
        MayWithdraw = await auth.MayAsync(User, access, ConcernOperations.Withdraw);
        // Confirming a paragraph's new text is a change of the concern, so it takes what editing takes.
        TextChanges = paragraphs
            .Select((p, i) => (p, i))
            .Where(x => x.p.TextWhenLinked is not null && x.p.TextWhenLinked != x.p.Text)
            .ToDictionary(x => x.i, x => TextChangeFlag.ForConcern(id, concern.RowVersion, x.p.ParagraphId,
                Domain.Resolutions.Paragraph.Reference(x.p.Kind, x.p.Number), x.p.TextWhenLinked!, x.p.Text, MayEdit, ReturnUrl));

        Footnotes = await db.Footnotes.AsNoTracking()
            .Where(f => f.ConcernId == id)
            .OrderBy(f => f.Position)
            .Select(f => new FootnoteView(f.Id, f.Position, f.Text,
                f.Citations.OrderBy(c => c.Position).Select(c => new CitationView(c.Symbol, c.Url, c.Label)).ToList()))
            .ToListAsync(cancellationToken);

        var comments = await db.ReviewComments.AsNoTracking()
            .Where(r => r.ConcernId == id)
            .OrderByDescending(r => r.CreatedAt)
            .ThenByDescending(r => r.Id)
            .Select(r => new { r.RevisionNumber, r.AuthorId, r.Body, r.CreatedAt })
            .ToListAsync(cancellationToken);
        var revisions = await db.ConcernRevisions.AsNoTracking()
            .Where(r => r.ConcernId == id)
            .OrderByDescending(r => r.Number)
            .Select(r => new { r.Number, r.Heading, r.SubmittedBy, r.SubmittedAt, r.ApprovedBy, r.ApprovedAt })
            .ToListAsync(cancellationToken);

        var names = await db.Users.ByIdAsync(comments.Select(c => c.AuthorId)
            .Concat(revisions.Select(r => r.SubmittedBy))
            .Concat(revisions.Select(r => r.ApprovedBy))
            .Append(concern.AuthorId), cancellationToken);

        AuthorName = names.NameOf(concern.AuthorId);
        Comments = comments.Select(c => new CommentView(c.RevisionNumber, names.NameOf(c.AuthorId), c.Body, c.CreatedAt)).ToList();
        Revisions = revisions.Select(r => new RevisionView(r.Number, r.Heading, names.NameOf(r.SubmittedBy), r.SubmittedAt,
            r.ApprovedBy is null ? null : names.NameOf(r.ApprovedBy), r.ApprovedAt)).ToList();
        return true;
    }

    public string AuthorName { get; private set; } = "";

    public sealed record ConcernView(int Id, string Heading, string? Summary, string Body, Severity Severity, ConcernState State,
        int RevisionNumber, int? ApprovedRevisionNumber, string AuthorId, int ResolutionId, string ResolutionSymbol, string ResolutionTitle,
        DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, uint RowVersion);

    public sealed record CommentView(int RevisionNumber, string Reviewer, string Body, DateTimeOffset CreatedAt);

    public sealed record RevisionView(int Number, string Heading, string SubmittedBy, DateTimeOffset SubmittedAt, string? ApprovedBy, DateTimeOffset? ApprovedAt);
}

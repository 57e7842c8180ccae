using System.Globalization;
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
    public async Task<IActionResult> OnPostConfirmParagraphAsync(int id, int paragraphId, CancellationToken cancellationToken)
    {
        var concern = await db.Concerns
            .Include(c => c.Paragraphs).ThenInclude(cp => cp.Paragraph)
            .SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (concern is null)
            return NotFound();
        // Who may act is settled before what they asked for, so a forged post learns nothing about the concern.
        if (!(await auth.AuthorizeAsync(User, ConcernAccess.Of(concern), ConcernOperations.Edit)).Succeeded)
            return Forbid();
        var link = concern.Paragraphs.FirstOrDefault(cp => cp.ParagraphId == paragraphId);
        if (link is null)
            return NotFound();
        var reference = link.Paragraph.Reference();
        return await ActAsync(concern, (c, actor, now) => c.ConfirmParagraphText(actor, link.Paragraph, now),
            $"Confirmed: the concern still holds for the new text of {reference}.", cancellationToken);
    }

    private async Task<IActionResult> ActAsync(int id, Microsoft.AspNetCore.Authorization.Infrastructure.OperationAuthorizationRequirement operation,
        Action<Concern, Actor, DateTimeOffset> step, string done, CancellationToken cancellationToken)
    {
        var concern = await db.Concerns.Include(c => c.Revisions).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (concern is null)
            return NotFound();
        if (!(await auth.AuthorizeAsync(User, ConcernAccess.Of(concern), operation)).Succeeded)
            return Forbid();
        return await ActAsync(concern, step, done, cancellationToken);
    }

    private async Task<IActionResult> ActAsync(Concern concern, Action<Concern, Actor, DateTimeOffset> step, string done, CancellationToken cancellationToken)
    {
        var id = concern.Id;
        db.ExpectVersion(concern, RowVersion);
        try
        {
            step(concern, User.ToActor(), clock.GetUtcNow());
        }
        catch (DomainException refusal)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(id, cancellationToken);
            return this.Refused(refusal);
        }
        var saved = await db.TrySaveAsync(concern, cancellationToken);
        if (saved.Conflicted)
        {
            await LoadAsync(id, cancellationToken);
            ModelState.AddModelError(string.Empty, "Someone changed this concern after you opened it, so nothing was done. Read the current version below, then try again.");
            return this.Conflict();
        }
        TempData["Status"] = done;
        return RedirectToPage(new { id });
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
        var mayConfirm = concern.State is ConcernState.Draft or ConcernState.ChangesRequested or ConcernState.Approved
            && (await auth.AuthorizeAsync(User, new ConcernAccess(concern.AuthorId, concern.State), ConcernOperations.Edit)).Succeeded;
        TextChanges = paragraphs
            .Select((p, i) => (p, i))
            .Where(x => x.p.TextWhenLinked is not null && x.p.TextWhenLinked != x.p.Text)
            .ToDictionary(x => x.i, x => new TextChangeFlag(Domain.Resolutions.Paragraph.Reference(x.p.Kind, x.p.Number), x.p.TextWhenLinked!, x.p.Text,
                mayConfirm ? string.Create(CultureInfo.InvariantCulture, $"/desk/concerns/{id}?handler=ConfirmParagraph") : null,
                [
                    new("paragraphId", x.p.ParagraphId.ToString(CultureInfo.InvariantCulture)),
                    new("RowVersion", concern.RowVersion.ToString(CultureInfo.InvariantCulture)),
                ],
                "concern"));

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

        var userIds = comments.Select(c => c.AuthorId)
            .Concat(revisions.Select(r => r.SubmittedBy))
            .Concat(revisions.Where(r => r.ApprovedBy != null).Select(r => r.ApprovedBy!))
            .Append(concern.AuthorId)
            .Distinct()
            .ToList();
        var names = await db.Users.AsNoTracking()
            .Where(u => userIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName.Length > 0 ? u.DisplayName : u.Email ?? u.Id, cancellationToken);
        string Name(string? userId) => userId is not null && names.TryGetValue(userId, out var n) ? n : "a former member";

        AuthorName = Name(concern.AuthorId);
        Comments = comments.Select(c => new CommentView(c.RevisionNumber, Name(c.AuthorId), c.Body, c.CreatedAt)).ToList();
        Revisions = revisions.Select(r => new RevisionView(r.Number, r.Heading, Name(r.SubmittedBy), r.SubmittedAt,
            r.ApprovedBy is null ? null : Name(r.ApprovedBy), r.ApprovedAt)).ToList();

        var access = new ConcernAccess(concern.AuthorId, concern.State);
        var editable = concern.State is ConcernState.Draft or ConcernState.ChangesRequested or ConcernState.Approved;
        MayEdit = editable && (await auth.AuthorizeAsync(User, access, ConcernOperations.Edit)).Succeeded;
        MaySubmit = concern.State is ConcernState.Draft or ConcernState.ChangesRequested
            && (await auth.AuthorizeAsync(User, access, ConcernOperations.Submit)).Succeeded;
        MayWithdraw = concern.State != ConcernState.Withdrawn
            && (await auth.AuthorizeAsync(User, access, ConcernOperations.Withdraw)).Succeeded;
        return true;
    }

    public string AuthorName { get; private set; } = "";

    public sealed record ConcernView(int Id, string Heading, string? Summary, string Body, Severity Severity, ConcernState State,
        int RevisionNumber, int? ApprovedRevisionNumber, string AuthorId, int ResolutionId, string ResolutionSymbol, string ResolutionTitle,
        DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, uint RowVersion);

    public sealed record CommentView(int RevisionNumber, string Reviewer, string Body, DateTimeOffset CreatedAt);

    public sealed record RevisionView(int Number, string Heading, string SubmittedBy, DateTimeOffset SubmittedAt, string? ApprovedBy, DateTimeOffset? ApprovedAt);
}

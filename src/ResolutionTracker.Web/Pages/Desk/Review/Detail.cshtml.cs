using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Concerns;
using ResolutionTracker.Text.Diff;
using ResolutionTracker.Web.Authorization;
using ResolutionTracker.Web.Data;
using ResolutionTracker.Web.Formatting;
using ResolutionTracker.Web.Pages.Public.Concerns;
using ResolutionTracker.Web.Pages.Shared;

namespace ResolutionTracker.Web.Pages.Desk.Review;

// One concern under review: the submitted revision, what changed since the previous submission,
// earlier review comments, and the lead's decision. Both forms carry the concern's row version, so a
// lead never approves or sends back a revision other than the one on their screen.
public sealed class DetailModel(AppDbContext db, IAuthorizationService auth, ConcernActors actors, TimeProvider clock) : PageModel
{
    [BindProperty]
    public DecisionInput Input { get; set; } = new();

    public ConcernView Concern { get; private set; } = null!;
    public RevisionView? Current { get; private set; }
    public RevisionView? Previous { get; private set; }
    public IReadOnlyList<DiffSegment> HeadingDiff { get; private set; } = [];
    public IReadOnlyList<DiffSegment> SummaryDiff { get; private set; } = [];
    public IReadOnlyList<DiffSegment> BodyDiff { get; private set; } = [];
    public IReadOnlyList<CommentView> Comments { get; private set; } = [];
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyList<ParagraphRef> Paragraphs { get; private set; } = [];
    public IReadOnlyList<FootnoteView> Footnotes { get; private set; } = [];

    // Set when the concern moved on between loading the page and deciding.
    public string? ConflictMessage { get; private set; }

    public bool InReview => Concern.State == ConcernState.InReview;

    // Which decision forms are offered: the rule's answer for this lead and the concern's state.
    public bool MayApprove { get; private set; }
    public bool MaySendBack { get; private set; }

    // The lead wrote this concern and the coalition does not allow self-approval: another lead has to approve it.
    public bool NeedsAnotherReviewer { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        return Page();
    }

    public Task<IActionResult> OnPostApproveAsync(int id, CancellationToken cancellationToken) =>
        DecideAsync(id, ConcernOperations.Approve, (concern, actor, now) => concern.Approve(actor, now),
            concern => $"Approved revision {concern.RevisionNumber} of “{concern.Heading}”.", cancellationToken);

    public Task<IActionResult> OnPostSendBackAsync(int id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Input.Comment))
            ModelState.AddModelError($"{nameof(Input)}.{nameof(DecisionInput.Comment)}",
                "Write what the author should change: a concern is sent back with a comment.");
        // RequestChanges moves the concern to its next revision number, so the message names the one reviewed.
        var reviewed = 0;
        return DecideAsync(id, ConcernOperations.SendBack, (concern, actor, now) =>
            {
                reviewed = concern.RevisionNumber;
                concern.RequestChanges(actor, Input.Comment!.Trim(), now);
            },
            concern => $"Sent revision {reviewed} of “{concern.Heading}” back to its author with your comment.", cancellationToken);
    }

    private async Task<IActionResult> DecideAsync(int id, ConcernRequirement decision, Action<Concern, Actor, DateTimeOffset> decide, Func<Concern, string> status,
        CancellationToken cancellationToken)
    {
        var (concern, answer) = await this.ConcernForAsync(auth, db.Concerns.Include(c => c.Revisions), id, decision, cancellationToken);
        if (concern is null)
            return answer!;

        if (!ModelState.IsValid)
            return await LoadAsync(id, cancellationToken) ? this.Invalid() : NotFound();
        // A concern that moved on is shown as it is now before any rule is asked, so the lead reads what changed.
        if (concern.RowVersion != Input.RowVersion)
        {
            db.ChangeTracker.Clear();
            if (!await LoadAsync(id, cancellationToken))
                return NotFound();
            SayWhatChanged();
            return this.Conflict();
        }

        // Someone may still save between the check above and this save: the row version decides.
        var actor = await actors.ForAsync(User, cancellationToken);
        return await new FormSave(this, db, () => LoadAsync(id, cancellationToken)).SaveAsync(concern, Input.RowVersion,
            () => decide(concern, actor, clock.GetUtcNow()), () => status(concern), () => RedirectToPage("/Desk/Review/Index"),
            cancellationToken, _ =>
            {
                SayWhatChanged();
                return Task.CompletedTask;
            });
    }

    private void SayWhatChanged() =>
        ConflictMessage = InReview
            ? $"This concern changed after you opened it. Nothing was saved. The page now shows revision {Concern.RevisionNumber} " +
              "as it is now: read it, then approve or send it back again."
            : $"This concern changed after you opened it: it is now {Format.Label(Concern.State).ToLowerInvariant()}. Nothing was saved.";

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var concern = await db.Concerns.AsNoTracking()
            .Where(c => c.Id == id)
            .Select(c => new ConcernView(c.Id, c.Heading, c.Summary, c.Body, c.Severity, c.State, c.RevisionNumber, c.ApprovedRevisionNumber,
                c.RowVersion, c.AuthorId, c.ResolutionId, c.Resolution.Symbol, c.Resolution.Title))
            .SingleOrDefaultAsync(cancellationToken);
        if (concern is null)
            return false;
        Concern = concern;
        var access = new ConcernAccess(concern.AuthorId, concern.State);
        var approval = await auth.VerdictAsync(User, access, ConcernOperations.Approve);
        MayApprove = approval == ConcernVerdict.Allowed;
        NeedsAnotherReviewer = InReview && approval == ConcernVerdict.NeedsAnotherReviewer;
        MaySendBack = await auth.MayAsync(User, access, ConcernOperations.SendBack);
        // Forms show the version just loaded, so deciding again after a conflict is about what is now on screen.
        ModelState.Remove($"{nameof(Input)}.{nameof(DecisionInput.RowVersion)}");
        Input.RowVersion = concern.RowVersion;

        // The two newest submissions: the one under review and the one the reviewer last saw.
        var revisions = await db.ConcernRevisions.AsNoTracking()
            .Where(r => r.ConcernId == id)
            .OrderByDescending(r => r.Number).ThenByDescending(r => r.SubmittedAt)
            .Take(2)
            .Select(r => new RevisionView(r.Number, r.Heading, r.Summary, r.Body, r.Severity, r.SubmittedAt, r.SubmittedBy))
            .ToListAsync(cancellationToken);
        Current = revisions.FirstOrDefault(r => r.Number == concern.RevisionNumber) ?? (InReview ? null : revisions.FirstOrDefault());
        Previous = Current is null ? null : revisions.FirstOrDefault(r => r.Number < Current.Number);
        if (Current is not null && Previous is not null)
        {
            HeadingDiff = WordDiff.Compare(Previous.Heading, Current.Heading);
            SummaryDiff = WordDiff.Compare(Previous.Summary, Current.Summary);
            BodyDiff = WordDiff.Compare(Previous.Body, Current.Body);
        }

        Comments = await db.ReviewComments.AsNoTracking()
            .Where(rc => rc.ConcernId == id)
            .OrderBy(rc => rc.CreatedAt).ThenBy(rc => rc.Id)
            .Select(rc => new CommentView(rc.RevisionNumber, rc.Body, rc.CreatedAt, rc.AuthorId))
            .ToListAsync(cancellationToken);
        Names = await db.Users.ByIdAsync(
            revisions.Select(r => r.SubmittedBy).Concat(Comments.Select(c => c.AuthorId)).Append(concern.AuthorId), cancellationToken);

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
        return true;
    }

    public sealed class DecisionInput
    {
        public uint RowVersion { get; set; }

        [Display(Name = "Comment for the author")]
        [MaxLength(Limits.Note, ErrorMessage = "A comment can be at most {1} characters long.")]
        public string? Comment { get; set; }
    }

    public sealed record ConcernView(int Id, string Heading, string? Summary, string Body, Severity Severity, ConcernState State,
        int RevisionNumber, int? ApprovedRevisionNumber, uint RowVersion, string AuthorId, int ResolutionId, string ResolutionSymbol, string ResolutionTitle);

    public sealed record RevisionView(int Number, string Heading, string? Summary, string Body, Severity Severity,
        DateTimeOffset SubmittedAt, string SubmittedBy);

    public sealed record CommentView(int RevisionNumber, string Body, DateTimeOffset CreatedAt, string AuthorId);
}

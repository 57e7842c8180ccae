using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Annotations;
using ResolutionTracker.Domain.Resolutions;
using ResolutionTracker.Web.Authorization;
using ResolutionTracker.Web.Data;
using ResolutionTracker.Web.Formatting;
using ResolutionTracker.Web.Pages.Shared;

namespace ResolutionTracker.Web.Pages.Desk.Resolutions;

// The working view of a resolution: the latest version's paragraphs with everyone's notes in the margin,
// the coalition's concerns beside the paragraphs they are about, and the versions. Notes follow a
// paragraph across versions by its stable identity; a note whose quote is gone from the text is shown
// apart, with its quote, and never dropped.
public sealed class DetailModel(AppDbContext db, TimeProvider clock, IAuthorizationService auth) : PageModel
{
    // The paragraph a change was just saved on: the confirmation at the top of the page is out of sight there.
    public const string SavedAtKey = nameof(SavedAt);

    public WorkingView View { get; private set; } = null!;

    // What a refused form posted, so the page shows it again in the right place with its messages.
    public AnnotateInput? Annotating { get; private set; }
    public ReplyInput? Replying { get; private set; }
    public int? ResolvingThreadId { get; private set; }
    public string? ErrorAnchor { get; private set; }

    public sealed class AnnotateInput
    {
        [Range(1, int.MaxValue, ErrorMessage = "Choose the paragraph to annotate.")]
        public int ParagraphId { get; set; }

        [Display(Name = "Note")]
        [Required(ErrorMessage = "Write the note.")]
        [StringLength(Limits.Note, ErrorMessage = "A note must be at most {1} characters.")]
        public string? Body { get; set; }

        [Display(Name = "Quote")]
        [StringLength(Limits.Quote, ErrorMessage = "A quote must be at most {1} characters.")]
        public string? Quote { get; set; }

        // Filled by annotate.js from a selection in the paragraph; without script only Quote is sent.
        [StringLength(Limits.Quote)]
        public string? Exact { get; set; }

        [StringLength(Limits.QuoteContext)]
        public string? Prefix { get; set; }

        [StringLength(Limits.QuoteContext)]
        public string? Suffix { get; set; }
    }

    public sealed class ReplyInput
    {
        [Range(1, int.MaxValue, ErrorMessage = "Choose the thread to reply to.")]
        public int ThreadId { get; set; }

        [Display(Name = "Reply")]
        [Required(ErrorMessage = "Write the reply.")]
        [StringLength(Limits.Note, ErrorMessage = "A reply must be at most {1} characters.")]
        public string? Body { get; set; }
    }

    public string? SavedAt { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        SavedAt = TempData[SavedAtKey] as string;
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAnnotateAsync(int id, AnnotateInput annotate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(annotate);
        var latestId = await db.Versions.AsNoTracking()
            .Where(v => v.ResolutionId == id)
            .OrderByDescending(v => v.Sequence)
            .Select(v => (int?)v.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (latestId is null && !await db.Resolutions.AnyAsync(r => r.Id == id, cancellationToken))
            return NotFound();

        var paragraph = ModelState.IsValid
            ? await db.Paragraphs.Include(p => p.Version).FirstOrDefaultAsync(p => p.Id == annotate.ParagraphId, cancellationToken)
            : null;
        if (ModelState.IsValid && (paragraph is null || paragraph.VersionId != latestId))
            ModelState.AddModelError(string.Empty, "That paragraph is not in the text of this resolution shown here. Annotate a paragraph on this page.");

        TextQuoteSelector? selector = null;
        if (ModelState.IsValid && paragraph is not null)
        {
            var quote = annotate.Quote?.Trim();
            if (!string.IsNullOrEmpty(quote))
            {
                if (paragraph.Source == TextSource.NotImported)
                {
                    ModelState.AddModelError("annotate.Quote", $"The text of {paragraph.Reference()} is not imported, so a quote cannot be checked. Leave the quote empty to annotate the whole paragraph.");
                }
                else
                {
                    // The selection's context counts only when the quote is still the words that were selected.
                    var selected = string.Equals(annotate.Exact, quote, StringComparison.Ordinal);
                    selector = selected
                        ? new TextQuoteSelector(quote, annotate.Prefix, annotate.Suffix)
                        : new TextQuoteSelector(quote, null, null);
                    if (selector.FindIn(paragraph.Text) is null)
                        ModelState.AddModelError("annotate.Quote", $"These words do not occur in {paragraph.Reference()}. Copy them exactly from the paragraph, or leave the quote empty to annotate the whole paragraph.");
                }
            }
        }

        if (ModelState.IsValid && paragraph is not null)
        {
            try
            {
                db.Annotations.Add(new Annotation(paragraph, User.UserId()!, annotate.Body!, selector, clock.GetUtcNow()));
                await db.SaveChangesAsync(cancellationToken);
                TempData["Status"] = $"Note added to {paragraph.Reference()}.";
                return BackTo(id, paragraph.Anchor);
            }
            catch (DomainException refusal)
            {
                db.ChangeTracker.Clear();
                ModelState.AddModelError(string.Empty, refusal.Message);
            }
        }

        Annotating = annotate;
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        ErrorAnchor = View.AllParagraphs.FirstOrDefault(p => p.Id == annotate.ParagraphId)?.Anchor;
        return this.Invalid();
    }

    public async Task<IActionResult> OnPostReplyAsync(int id, ReplyInput reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (!await db.Resolutions.AnyAsync(r => r.Id == id, cancellationToken))
            return NotFound();
        if (ModelState.IsValid)
        {
            var thread = await FindThreadAsync(id, reply.ThreadId, cancellationToken);
            if (thread is null)
                return NotFound();
            try
            {
                db.Annotations.Add(new Annotation(thread.Paragraph, User.UserId()!, reply.Body!, null, clock.GetUtcNow(), replyTo: thread));
                await db.SaveChangesAsync(cancellationToken);
                TempData["Status"] = $"Reply added to the note on {thread.Paragraph.Reference()}.";
                return BackTo(id, await AnchorForAsync(id, thread.Paragraph.StableId, cancellationToken));
            }
            catch (DomainException refusal)
            {
                db.ChangeTracker.Clear();
                ModelState.AddModelError(string.Empty, refusal.Message);
            }
        }

        Replying = reply;
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        ErrorAnchor = View.AnchorOfThread(reply.ThreadId);
        return this.Invalid();
    }

    public async Task<IActionResult> OnPostResolveAsync(int id, int threadId, CancellationToken cancellationToken)
    {
        if (!await db.Resolutions.AnyAsync(r => r.Id == id, cancellationToken))
            return NotFound();
        var thread = await FindThreadAsync(id, threadId, cancellationToken);
        if (thread is null)
            return NotFound();
        var reference = thread.Paragraph.Reference();
        var anchor = await AnchorForAsync(id, thread.Paragraph.StableId, cancellationToken);
        ResolvingThreadId = threadId;
        // The form carries no row version: only someone changing the thread at the same moment is a conflict.
        return await Saving(id, anchor, "Someone changed this thread at the same moment. It is shown below as it is now; resolve it again if it is still open.",
            cancellationToken).SaveAsync(thread, null, () => thread.Resolve(User.UserId()!, clock.GetUtcNow()),
            () => $"Thread on {reference} resolved.", () => BackTo(id, anchor), cancellationToken);
    }

    // Someone read the new text of a paragraph and says the note still holds: its "text changed" flag goes. A concern's
    // flag posts to the concern page's one handler for it (Desk/Concerns/Detail, ConfirmParagraph), which brings the user back.
    public async Task<IActionResult> OnPostConfirmNoteAsync(int id, int noteId, uint rowVersion, CancellationToken cancellationToken)
    {
        var note = await FindThreadAsync(id, noteId, cancellationToken);
        if (note is null)
            return NotFound();
        var reference = note.Paragraph.Reference();
        var anchor = await AnchorForAsync(id, note.Paragraph.StableId, cancellationToken);
        return await Saving(id, anchor, "Someone changed this note after you opened the page, so nothing was confirmed. Read it as it is now, then confirm again.",
            cancellationToken).SaveAsync(note, rowVersion, () => note.ConfirmText(User.UserId()!, clock.GetUtcNow()),
            () => $"Confirmed: the note still holds for the new text of {reference}.", () => BackTo(id, anchor), cancellationToken);
    }

    // A refused or conflicting change shows the page again with the message, and a link to where the form was.
    private FormSave Saving(int id, string anchor, string stale, CancellationToken cancellationToken) =>
        new(this, db, async () =>
        {
            ErrorAnchor = anchor;
            return await LoadAsync(id, cancellationToken);
        })
        { Stale = stale };

    private RedirectToPageResult BackTo(int id, string anchor)
    {
        TempData[SavedAtKey] = anchor;
        return RedirectToPage("/Desk/Resolutions/Detail", null, new { id }, anchor);
    }

    private Task<Annotation?> FindThreadAsync(int resolutionId, int threadId, CancellationToken cancellationToken) =>
        db.Annotations
            .Include(a => a.Paragraph).ThenInclude(p => p.Version)
            .FirstOrDefaultAsync(a => a.Id == threadId && a.Paragraph.Version.ResolutionId == resolutionId, cancellationToken);

    // The anchor of the paragraph in the text shown, which may carry another number than where the note was written.
    private async Task<string> AnchorForAsync(int resolutionId, Guid stableId, CancellationToken cancellationToken)
    {
        var latest = await db.Versions.AsNoTracking()
            .Where(v => v.ResolutionId == resolutionId)
            .OrderByDescending(v => v.Sequence)
            .Select(v => v.Paragraphs.Where(p => p.StableId == stableId).Select(p => new { p.Kind, p.Number }).FirstOrDefault())
            .FirstOrDefaultAsync(cancellationToken);
        return latest is null ? WorkingView.ElsewhereAnchor : Paragraph.AnchorFor(latest.Kind, latest.Number);
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await WorkingView.LoadAsync(db, auth, User, id, cancellationToken) is not { } view)
            return false;
        View = view;
        return true;
    }

    public IEnumerable<string> Errors(string key) =>
        ModelState.TryGetValue(key, out var entry) ? entry.Errors.Select(e => e.ErrorMessage) : [];
}

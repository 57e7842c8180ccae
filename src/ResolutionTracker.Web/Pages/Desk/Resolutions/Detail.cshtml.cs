using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Annotations;
using ResolutionTracker.Domain.Concerns;
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
    public const string ElsewhereAnchor = "notes-elsewhere";

    public ResolutionView Resolution { get; private set; } = null!;
    public IReadOnlyList<VersionView> Versions { get; private set; } = [];
    public VersionView? Latest { get; private set; }
    public IReadOnlyList<ParagraphView> Preambular { get; private set; } = [];
    public IReadOnlyList<ParagraphView> Operative { get; private set; } = [];
    public ILookup<Guid, ConcernCard> ConcernsByParagraph { get; private set; } = Enumerable.Empty<ConcernCard>().ToLookup(c => Guid.Empty);
    public IReadOnlyList<ConcernCard> OtherConcerns { get; private set; } = [];
    public ILookup<Guid, ThreadView> ThreadsByParagraph { get; private set; } = Enumerable.Empty<ThreadView>().ToLookup(t => Guid.Empty);
    public IReadOnlyList<ThreadView> ThreadsElsewhere { get; private set; } = [];
    public int OpenThreadCount { get; private set; }
    public int ConcernCount { get; private set; }

    // What a refused form posted, so the page shows it again in the right place with its messages.
    public AnnotateInput? Annotating { get; private set; }
    public ReplyInput? Replying { get; private set; }
    public int? ResolvingThreadId { get; private set; }
    public string? ErrorAnchor { get; private set; }

    public string Cite => Latest?.Symbol ?? Resolution.Symbol;

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

    // The paragraph a note was just saved on: the confirmation at the top of the page is out of sight there.
    public string? SavedAt { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        SavedAt = TempData[nameof(SavedAt)] as string;
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
                TempData[nameof(SavedAt)] = paragraph.Anchor;
                return RedirectToPage("/Desk/Resolutions/Detail", null, new { id }, paragraph.Anchor);
            }
            catch (DomainException refusal)
            {
                db.ChangeTracker.Clear();
                ModelState.AddModelError(string.Empty, refusal.Message);
            }
        }

        Annotating = annotate;
        await LoadAsync(id, cancellationToken);
        ErrorAnchor = AllParagraphs().FirstOrDefault(p => p.Id == annotate.ParagraphId)?.Anchor;
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
                var anchor = await AnchorForAsync(id, thread.Paragraph.StableId, cancellationToken);
                TempData[nameof(SavedAt)] = anchor;
                return RedirectToPage("/Desk/Resolutions/Detail", null, new { id }, anchor);
            }
            catch (DomainException refusal)
            {
                db.ChangeTracker.Clear();
                ModelState.AddModelError(string.Empty, refusal.Message);
            }
        }

        Replying = reply;
        await LoadAsync(id, cancellationToken);
        ErrorAnchor = AnchorOfThread(reply.ThreadId);
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
        var status = StatusCodes.Status400BadRequest;
        try
        {
            thread.Resolve(User.UserId()!, clock.GetUtcNow());
            var saved = await db.TrySaveAsync(thread, cancellationToken);
            if (!saved.Conflicted)
            {
                TempData["Status"] = $"Thread on {reference} resolved.";
                TempData[nameof(SavedAt)] = anchor;
                return RedirectToPage("/Desk/Resolutions/Detail", null, new { id }, anchor);
            }
            status = StatusCodes.Status409Conflict;
            ModelState.AddModelError(string.Empty, "Someone changed this thread at the same moment. It is shown below as it is now; resolve it again if it is still open.");
        }
        catch (DomainException refusal)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError(string.Empty, refusal.Message);
        }

        ResolvingThreadId = threadId;
        await LoadAsync(id, cancellationToken);
        ErrorAnchor = anchor;
        return this.Invalid(status);
    }

    // Someone read the new text of a paragraph and says the concern still holds: the "text changed" flag goes.
    public async Task<IActionResult> OnPostConfirmConcernAsync(int id, int concernId, int paragraphId, uint rowVersion, CancellationToken cancellationToken)
    {
        var concern = await db.Concerns
            .Include(c => c.Paragraphs).ThenInclude(cp => cp.Paragraph).ThenInclude(p => p.Version)
            .FirstOrDefaultAsync(c => c.Id == concernId && c.ResolutionId == id, cancellationToken);
        var link = concern?.Paragraphs.FirstOrDefault(cp => cp.ParagraphId == paragraphId);
        if (concern is null || link is null)
            return NotFound();
        if (!(await auth.AuthorizeAsync(User, ConcernAccess.Of(concern), ConcernOperations.Edit)).Succeeded)
            return Forbid();

        var paragraph = link.Paragraph;
        var reference = paragraph.Reference();
        var anchor = await AnchorForAsync(id, paragraph.StableId, cancellationToken);
        db.ExpectVersion(concern, rowVersion);
        try
        {
            concern.ConfirmParagraphText(User.ToActor(), paragraph, clock.GetUtcNow());
        }
        catch (DomainException refusal)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(id, cancellationToken);
            ErrorAnchor = anchor;
            return this.Refused(refusal);
        }
        var saved = await db.TrySaveAsync(concern, cancellationToken);
        if (saved.Conflicted)
        {
            ModelState.AddModelError(string.Empty, "Someone changed this concern after you opened the page, so nothing was confirmed. Read it as it is now, then confirm again.");
            await LoadAsync(id, cancellationToken);
            ErrorAnchor = anchor;
            return this.Conflict();
        }
        TempData["Status"] = $"Confirmed: the concern still holds for the new text of {reference}.";
        TempData[nameof(SavedAt)] = anchor;
        return RedirectToPage("/Desk/Resolutions/Detail", null, new { id }, anchor);
    }

    public async Task<IActionResult> OnPostConfirmNoteAsync(int id, int noteId, uint rowVersion, CancellationToken cancellationToken)
    {
        var note = await FindThreadAsync(id, noteId, cancellationToken);
        if (note is null)
            return NotFound();
        var reference = note.Paragraph.Reference();
        var anchor = await AnchorForAsync(id, note.Paragraph.StableId, cancellationToken);
        db.ExpectVersion(note, rowVersion);
        try
        {
            note.ConfirmText(User.UserId()!, clock.GetUtcNow());
        }
        catch (DomainException refusal)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(id, cancellationToken);
            ErrorAnchor = anchor;
            return this.Refused(refusal);
        }
        var saved = await db.TrySaveAsync(note, cancellationToken);
        if (saved.Conflicted)
        {
            ModelState.AddModelError(string.Empty, "Someone changed this note after you opened the page, so nothing was confirmed. Read it as it is now, then confirm again.");
            await LoadAsync(id, cancellationToken);
            ErrorAnchor = anchor;
            return this.Conflict();
        }
        TempData["Status"] = $"Confirmed: the note still holds for the new text of {reference}.";
        TempData[nameof(SavedAt)] = anchor;
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
        return latest is null ? ElsewhereAnchor : Anchor(latest.Kind, latest.Number);
    }

    private string? AnchorOfThread(int threadId)
    {
        foreach (var p in AllParagraphs())
        {
            if (ThreadsByParagraph[p.StableId].Any(t => t.Id == threadId))
                return p.Anchor;
        }
        return ThreadsElsewhere.Any(t => t.Id == threadId) ? ElsewhereAnchor : null;
    }

    public IEnumerable<ParagraphView> AllParagraphs() => Preambular.Concat(Operative);

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var resolution = await db.Resolutions.AsNoTracking()
            .Where(r => r.Id == id)
            .Select(r => new ResolutionView(r.Id, r.Symbol, r.Title, r.Body, r.Status, r.Session.Number))
            .FirstOrDefaultAsync(cancellationToken);
        if (resolution is null)
            return false;
        Resolution = resolution;

        Versions = await db.Versions.AsNoTracking()
            .Where(v => v.ResolutionId == id)
            .OrderBy(v => v.Sequence)
            .Select(v => new VersionView(v.Id, v.Sequence, v.Label, v.Symbol, v.Kind, v.Date, v.Completeness, v.Paragraphs.Count))
            .ToListAsync(cancellationToken);
        Latest = Versions.Count == 0 ? null : Versions[^1];

        var texts = new List<ParagraphText>();
        if (Latest is { } latest)
        {
            texts = await db.Paragraphs.AsNoTracking()
                .Where(p => p.VersionId == latest.Id)
                .OrderBy(p => p.Position)
                .Select(p => new ParagraphText(p.Id, p.StableId, p.Kind, p.Number, p.Text, p.Source,
                    p.SubItems.OrderBy(s => s.Position).Select(s => new SubItemView(s.Label, s.Text, s.Level)).ToList()))
                .ToListAsync(cancellationToken);
        }
        var textByStableId = texts.ToDictionary(t => t.StableId);

        await LoadThreadsAsync(id, textByStableId, cancellationToken);
        await LoadConcernsAsync(id, textByStableId, cancellationToken);

        var paragraphs = texts.Select(t => new ParagraphView(t.Id, t.StableId, t.Kind, t.Number, t.Text, t.Source, t.SubItems,
            Spans(t.Text, ThreadsByParagraph[t.StableId]))).ToList();
        Preambular = paragraphs.Where(p => p.Kind == ParagraphKind.Preambular).OrderBy(p => p.Number).ToList();
        Operative = paragraphs.Where(p => p.Kind == ParagraphKind.Operative).OrderBy(p => p.Number).ToList();
        return true;
    }

    private async Task LoadThreadsAsync(int id, Dictionary<Guid, ParagraphText> textByStableId, CancellationToken cancellationToken)
    {
        var notes = await db.Annotations.AsNoTracking()
            .Where(a => a.Paragraph.Version.ResolutionId == id)
            .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id)
            .Select(a => new
            {
                a.Id,
                a.ParentId,
                a.Paragraph.StableId,
                a.Paragraph.Kind,
                a.Paragraph.Number,
                a.Paragraph.VersionId,
                VersionLabel = a.Paragraph.Version.Label,
                a.AuthorId,
                a.Body,
                a.Selector,
                a.CreatedAt,
                a.ResolvedAt,
                a.ResolvedBy,
                a.TextWhenWritten,
                ParagraphText = a.Paragraph.Text,
                a.RowVersion,
            })
            .ToListAsync(cancellationToken);

        var userIds = notes.Select(n => n.AuthorId).Concat(notes.Where(n => n.ResolvedBy is not null).Select(n => n.ResolvedBy!)).Distinct().ToList();
        var names = await db.Users.AsNoTracking()
            .Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.UserName })
            .ToDictionaryAsync(u => u.Id, u => string.IsNullOrWhiteSpace(u.DisplayName) ? u.UserName ?? "Unknown user" : u.DisplayName, cancellationToken);
        string NameOf(string? userId) => userId is not null && names.TryGetValue(userId, out var name) ? name : "Unknown user";

        var replies = notes.Where(n => n.ParentId is not null)
            .ToLookup(n => n.ParentId!.Value, n => new NoteView(n.Id, NameOf(n.AuthorId), n.Body, n.CreatedAt));
        var threads = new List<(Guid? StableId, ThreadView Thread)>();
        foreach (var n in notes.Where(n => n.ParentId is null))
        {
            var shown = textByStableId.GetValueOrDefault(n.StableId);
            var orphaned = shown is not null && n.Selector is not null && n.Selector.FindIn(shown.Text) is null;
            var thread = new ThreadView(n.Id, NameOf(n.AuthorId), n.Body, n.CreatedAt, n.Selector?.Exact, orphaned,
                shown is not null && n.VersionId != Latest!.Id ? n.VersionLabel : null,
                Paragraph.Reference(n.Kind, n.Number), n.VersionLabel,
                n.ResolvedAt, n.ResolvedBy is null ? null : NameOf(n.ResolvedBy), n.Selector,
                replies[n.Id].ToList())
            {
                DeletedIn = shown is null ? DeletedIn(n.VersionId) : null,
                Flag = n.TextWhenWritten is not null && n.TextWhenWritten != n.ParagraphText
                    ? new TextChangeFlag(Paragraph.Reference(n.Kind, n.Number), n.TextWhenWritten, n.ParagraphText,
                        ConfirmUrl("ConfirmNote"),
                        [new("noteId", n.Id.ToString(CultureInfo.InvariantCulture)), new("rowVersion", n.RowVersion.ToString(CultureInfo.InvariantCulture))],
                        "note")
                    : null,
            };
            threads.Add((shown?.StableId, thread));
        }
        ThreadsByParagraph = threads.Where(t => t.StableId is not null).ToLookup(t => t.StableId!.Value, t => t.Thread);
        ThreadsElsewhere = threads.Where(t => t.StableId is null).Select(t => t.Thread).ToList();
        OpenThreadCount = threads.Count(t => !t.Thread.IsResolved);
    }

    private async Task LoadConcernsAsync(int id, Dictionary<Guid, ParagraphText> textByStableId, CancellationToken cancellationToken)
    {
        var concerns = await db.Concerns.AsNoTracking()
            .VisibleTo(User)
            .Where(c => c.ResolutionId == id)
            .OrderByDescending(c => c.Severity == Severity.Critical)
            .ThenByDescending(c => c.Severity == Severity.High)
            .ThenByDescending(c => c.Severity == Severity.Medium)
            .ThenBy(c => c.Id)
            .Select(c => new
            {
                c.Id,
                c.Heading,
                c.Severity,
                c.State,
                c.AuthorId,
                c.RowVersion,
                Paragraphs = c.Paragraphs.OrderBy(cp => cp.Position)
                    .Select(cp => new { cp.ParagraphId, cp.Paragraph.StableId, cp.Paragraph.Kind, cp.Paragraph.Number, cp.Paragraph.VersionId, cp.TextWhenLinked, cp.Paragraph.Text })
                    .ToList(),
            })
            .ToListAsync(cancellationToken);
        ConcernCount = concerns.Count;

        var beside = new List<(Guid StableId, ConcernCard Card)>();
        var other = new List<ConcernCard>();
        foreach (var c in concerns)
        {
            // Confirming changes the concern, so it takes what editing takes: the author or a lead, and an editable state.
            var mayConfirm = c.State is ConcernState.Draft or ConcernState.ChangesRequested or ConcernState.Approved
                && (c.AuthorId == User.UserId() || User.CanReview());
            var card = new ConcernCard(c.Id, c.Heading, c.Severity, c.State,
                c.Paragraphs.Select(p => textByStableId.ContainsKey(p.StableId) || DeletedIn(p.VersionId) is not { } deletedIn
                    ? Paragraph.Reference(p.Kind, p.Number)
                    : $"{Paragraph.Reference(p.Kind, p.Number)} of {VersionLabel(p.VersionId)} (paragraph deleted in {deletedIn})").ToList())
            {
                Flags = c.Paragraphs
                    .Where(p => p.TextWhenLinked is not null && p.TextWhenLinked != p.Text)
                    .Select(p => (p.StableId, new TextChangeFlag(Paragraph.Reference(p.Kind, p.Number), p.TextWhenLinked!, p.Text,
                        mayConfirm ? ConfirmUrl("ConfirmConcern") : null,
                        [
                            new("concernId", c.Id.ToString(CultureInfo.InvariantCulture)),
                            new("paragraphId", p.ParagraphId.ToString(CultureInfo.InvariantCulture)),
                            new("rowVersion", c.RowVersion.ToString(CultureInfo.InvariantCulture)),
                        ],
                        "concern")))
                    .ToList(),
            };
            foreach (var p in c.Paragraphs.Where(p => textByStableId.ContainsKey(p.StableId)))
                beside.Add((p.StableId, card));
            if (c.Paragraphs.Count == 0 || c.Paragraphs.Any(p => !textByStableId.ContainsKey(p.StableId)))
                other.Add(card);
        }
        ConcernsByParagraph = beside.ToLookup(x => x.StableId, x => x.Card);
        OtherConcerns = other;
    }

    // Where the open threads' quotes sit in the text, overlapping spans merged, so each word is marked once.
    private static List<(int Start, int End)> Spans(string text, IEnumerable<ThreadView> threads)
    {
        var found = threads
            .Where(t => !t.IsResolved && t.Selector is not null)
            .Select(t => t.Selector!.FindIn(text))
            .OfType<(int Start, int End)>()
            .OrderBy(s => s.Start)
            .ToList();
        var merged = new List<(int Start, int End)>();
        foreach (var span in found)
        {
            if (merged.Count > 0 && span.Start <= merged[^1].End)
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, span.End));
            else
                merged.Add(span);
        }
        return merged;
    }

    // The paragraph text with the quoted spans in <mark>; every piece goes through SymbolText, so symbols stay linked.
    // The element's text content stays exactly the paragraph's text, which annotate.js counts offsets in.
    public static IHtmlContent Marked(string text, IReadOnlyList<(int Start, int End)> spans)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(spans);
        if (spans.Count == 0)
            return SymbolText.Render(text);
        var html = new HtmlContentBuilder();
        var position = 0;
        foreach (var (start, end) in spans)
        {
            html.AppendHtml(SymbolText.Render(text[position..start]));
            html.AppendHtml("<mark class=\"note-mark\">");
            html.AppendHtml(SymbolText.Render(text[start..end]));
            html.AppendHtml("</mark>");
            position = end;
        }
        html.AppendHtml(SymbolText.Render(text[position..]));
        return html;
    }

    public static string Anchor(ParagraphKind kind, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"{(kind == ParagraphKind.Preambular ? "pp" : "op")}{number}");

    private string ConfirmUrl(string handler) =>
        string.Create(CultureInfo.InvariantCulture, $"/desk/resolutions/{Resolution.Id}?handler={handler}");

    private string VersionLabel(int versionId) => Versions.FirstOrDefault(v => v.Id == versionId)?.Label ?? "an earlier version";

    // The first version after the given one, which (for a paragraph not in the version shown) is where it was deleted.
    private string? DeletedIn(int versionId)
    {
        var index = Versions.ToList().FindIndex(v => v.Id == versionId);
        return index >= 0 && index + 1 < Versions.Count ? Versions[index + 1].Label : null;
    }

    public IEnumerable<string> Errors(string key) =>
        ModelState.TryGetValue(key, out var entry) ? entry.Errors.Select(e => e.ErrorMessage) : [];

    public sealed record ResolutionView(int Id, string Symbol, string Title, UnBody Body, ResolutionStatus Status, int SessionNumber);

    public sealed record VersionView(int Id, int Sequence, string Label, string? Symbol, VersionKind Kind, DateOnly? Date,
        TextCompleteness Completeness, int ParagraphCount);

    public sealed record SubItemView(string Label, string Text, int Level);

    private sealed record ParagraphText(int Id, Guid StableId, ParagraphKind Kind, int Number, string Text, TextSource Source, IReadOnlyList<SubItemView> SubItems);

    public sealed record ParagraphView(int Id, Guid StableId, ParagraphKind Kind, int Number, string Text, TextSource Source,
        IReadOnlyList<SubItemView> SubItems, IReadOnlyList<(int Start, int End)> Spans)
    {
        public string Anchor => DetailModel.Anchor(Kind, Number);
        public string Reference => Paragraph.Reference(Kind, Number);
    }

    public sealed record NoteView(int Id, string Author, string Body, DateTimeOffset CreatedAt);

    // WrittenOn: the earlier version the note was written on, when it is not the version shown.
    public sealed record ThreadView(int Id, string Author, string Body, DateTimeOffset CreatedAt, string? Quote, bool Orphaned,
        string? WrittenOn, string OriginalReference, string OriginalVersion, DateTimeOffset? ResolvedAt, string? ResolvedBy,
        TextQuoteSelector? Selector, IReadOnlyList<NoteView> Replies)
    {
        public bool IsResolved => ResolvedAt is not null;

        // The version that no longer holds the paragraph the note was written on, when the version shown does not.
        public string? DeletedIn { get; init; }

        public TextChangeFlag? Flag { get; init; }
    }

    public sealed record ConcernCard(int Id, string Heading, Severity Severity, ConcernState State, IReadOnlyList<string> References)
    {
        // Paragraphs whose text changed since the concern was written about them.
        public IReadOnlyList<(Guid StableId, TextChangeFlag Flag)> Flags { get; init; } = [];
    }
}

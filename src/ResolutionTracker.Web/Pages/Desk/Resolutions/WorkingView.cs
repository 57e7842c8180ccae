using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Annotations;
using ResolutionTracker.Domain.Resolutions;
using ResolutionTracker.Web.Authorization;
using ResolutionTracker.Web.Data;
using ResolutionTracker.Web.Pages.Shared;

namespace ResolutionTracker.Web.Pages.Desk.Resolutions;

// What the working view shows of a resolution, read in one place: the latest version's paragraphs, every note thread
// beside the paragraph it follows by stable identity (or apart, with its quote, when the version shown no longer holds
// that paragraph), the concerns beside their paragraphs, and the versions.
public sealed class WorkingView
{
    public const string ElsewhereAnchor = "notes-elsewhere";

    private WorkingView(ResolutionView resolution, IReadOnlyList<VersionView> versions)
    {
        Resolution = resolution;
        Versions = versions;
    }

    public ResolutionView Resolution { get; }
    public IReadOnlyList<VersionView> Versions { get; }
    public VersionView? Latest => Versions.Count == 0 ? null : Versions[^1];
    public IReadOnlyList<ParagraphView> Preambular { get; private set; } = [];
    public IReadOnlyList<ParagraphView> Operative { get; private set; } = [];
    public ILookup<Guid, ConcernCard> ConcernsByParagraph { get; private set; } = Enumerable.Empty<ConcernCard>().ToLookup(c => Guid.Empty);
    public IReadOnlyList<ConcernCard> OtherConcerns { get; private set; } = [];
    public ILookup<Guid, ThreadView> ThreadsByParagraph { get; private set; } = Enumerable.Empty<ThreadView>().ToLookup(t => Guid.Empty);
    public IReadOnlyList<ThreadView> ThreadsElsewhere { get; private set; } = [];
    public int OpenThreadCount { get; private set; }
    public int ConcernCount { get; private set; }

    public string Cite => Latest?.Symbol ?? Resolution.Symbol;

    public IEnumerable<ParagraphView> AllParagraphs => Preambular.Concat(Operative);

    // Where a thread is shown: beside its paragraph, or with the notes on paragraphs no longer in the text.
    public string? AnchorOfThread(int threadId)
    {
        foreach (var p in AllParagraphs)
        {
            if (ThreadsByParagraph[p.StableId].Any(t => t.Id == threadId))
                return p.Anchor;
        }
        return ThreadsElsewhere.Any(t => t.Id == threadId) ? ElsewhereAnchor : null;
    }

    public static async Task<WorkingView?> LoadAsync(AppDbContext db, IAuthorizationService auth, ClaimsPrincipal user, int id,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var resolution = await db.Resolutions.AsNoTracking()
            .Where(r => r.Id == id)
            .Select(r => new ResolutionView(r.Id, r.Symbol, r.Title, r.Body, r.Status, r.Session.Number))
            .FirstOrDefaultAsync(cancellationToken);
        if (resolution is null)
            return null;
        var versions = await db.Versions.AsNoTracking()
            .Where(v => v.ResolutionId == id)
            .OrderBy(v => v.Sequence)
            .Select(v => new VersionView(v.Id, v.Sequence, v.Label, v.Symbol, v.Kind, v.Date, v.Completeness, v.Paragraphs.Count))
            .ToListAsync(cancellationToken);
        var view = new WorkingView(resolution, versions);

        var texts = new List<ParagraphText>();
        if (view.Latest is { } latest)
        {
            texts = await db.Paragraphs.AsNoTracking()
                .Where(p => p.VersionId == latest.Id)
                .OrderBy(p => p.Position)
                .Select(p => new ParagraphText(p.Id, p.StableId, p.Kind, p.Number, p.Text, p.Source,
                    p.SubItems.OrderBy(s => s.Position).Select(s => new SubItemView(s.Label, s.Text, s.Level)).ToList()))
                .ToListAsync(cancellationToken);
        }
        var textByStableId = texts.ToDictionary(t => t.StableId);

        await view.LoadThreadsAsync(db, textByStableId, cancellationToken);
        await view.LoadConcernsAsync(db, auth, user, textByStableId, cancellationToken);

        // The open threads' quotes are marked in the text.
        var paragraphs = texts.Select(t => new ParagraphView(t.Id, t.StableId, t.Kind, t.Number, t.Text, t.Source, t.SubItems,
            QuoteSpans.In(t.Text, view.ThreadsByParagraph[t.StableId].Where(n => !n.IsResolved && n.Selector is not null).Select(n => n.Selector!)))).ToList();
        view.Preambular = paragraphs.Where(p => p.Kind == ParagraphKind.Preambular).OrderBy(p => p.Number).ToList();
        view.Operative = paragraphs.Where(p => p.Kind == ParagraphKind.Operative).OrderBy(p => p.Number).ToList();
        return view;
    }

    private async Task LoadThreadsAsync(AppDbContext db, Dictionary<Guid, ParagraphText> textByStableId, CancellationToken cancellationToken)
    {
        var notes = await db.Annotations.AsNoTracking()
            .Where(a => a.Paragraph.Version.ResolutionId == Resolution.Id)
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

        var names = await db.Users.ByIdAsync(notes.Select(n => n.AuthorId).Concat(notes.Select(n => n.ResolvedBy)), cancellationToken);

        var replies = notes.Where(n => n.ParentId is not null)
            .ToLookup(n => n.ParentId!.Value, n => new NoteView(n.Id, names.NameOf(n.AuthorId), n.Body, n.CreatedAt));
        var threads = new List<(Guid? StableId, ThreadView Thread)>();
        foreach (var n in notes.Where(n => n.ParentId is null))
        {
            var shown = textByStableId.GetValueOrDefault(n.StableId);
            var orphaned = shown is not null && n.Selector is not null && n.Selector.FindIn(shown.Text) is null;
            var thread = new ThreadView(n.Id, names.NameOf(n.AuthorId), n.Body, n.CreatedAt, n.Selector?.Exact, orphaned,
                shown is not null && n.VersionId != Latest!.Id ? n.VersionLabel : null,
                Paragraph.Reference(n.Kind, n.Number), n.VersionLabel,
                n.ResolvedAt, n.ResolvedBy is null ? null : names.NameOf(n.ResolvedBy), n.Selector,
                replies[n.Id].ToList())
            {
                DeletedIn = shown is null ? DeletedIn(n.VersionId) : null,
                Flag = n.TextWhenWritten is not null && n.TextWhenWritten != n.ParagraphText
                    ? new TextChangeFlag(Paragraph.Reference(n.Kind, n.Number), n.TextWhenWritten, n.ParagraphText,
                        string.Create(CultureInfo.InvariantCulture, $"/desk/resolutions/{Resolution.Id}?handler=ConfirmNote"),
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

    private async Task LoadConcernsAsync(AppDbContext db, IAuthorizationService auth, ClaimsPrincipal user, Dictionary<Guid, ParagraphText> textByStableId,
        CancellationToken cancellationToken)
    {
        var concerns = await db.Concerns.AsNoTracking()
            .VisibleTo(user)
            .Where(c => c.ResolutionId == Resolution.Id)
            .MostSevereFirst()
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
            // Confirming a paragraph's new text changes the concern, so it takes what editing takes. The concern page
            // confirms it, then brings the user back here, beside the paragraph.
            var mayConfirm = await auth.MayAsync(user, new ConcernAccess(c.AuthorId, c.State), ConcernOperations.Edit);
            var card = new ConcernCard(c.Id, c.Heading, c.Severity, c.State,
                c.Paragraphs.Select(p => textByStableId.ContainsKey(p.StableId) || DeletedIn(p.VersionId) is not { } deletedIn
                    ? Paragraph.Reference(p.Kind, p.Number)
                    : $"{Paragraph.Reference(p.Kind, p.Number)} of {VersionLabel(p.VersionId)} (paragraph deleted in {deletedIn})").ToList())
            {
                Flags = c.Paragraphs
                    .Where(p => p.TextWhenLinked is not null && p.TextWhenLinked != p.Text)
                    .Select(p => (p.StableId, TextChangeFlag.ForConcern(c.Id, c.RowVersion, p.ParagraphId, Paragraph.Reference(p.Kind, p.Number),
                        p.TextWhenLinked!, p.Text, mayConfirm, $"/desk/resolutions/{Resolution.Id}#{AnchorShown(textByStableId, p.StableId)}")))
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

    private static string AnchorShown(Dictionary<Guid, ParagraphText> textByStableId, Guid stableId) =>
        textByStableId.TryGetValue(stableId, out var shown) ? Paragraph.AnchorFor(shown.Kind, shown.Number) : ElsewhereAnchor;

    private string VersionLabel(int versionId) => Versions.FirstOrDefault(v => v.Id == versionId)?.Label ?? "an earlier version";

    // The first version after the given one, which (for a paragraph not in the version shown) is where it was deleted.
    private string? DeletedIn(int versionId)
    {
        var index = Versions.ToList().FindIndex(v => v.Id == versionId);
        return index >= 0 && index + 1 < Versions.Count ? Versions[index + 1].Label : null;
    }

    public sealed record ResolutionView(int Id, string Symbol, string Title, UnBody Body, ResolutionStatus Status, int SessionNumber);

    public sealed record VersionView(int Id, int Sequence, string Label, string? Symbol, VersionKind Kind, DateOnly? Date,
        TextCompleteness Completeness, int ParagraphCount);

    public sealed record SubItemView(string Label, string Text, int Level);

    private sealed record ParagraphText(int Id, Guid StableId, ParagraphKind Kind, int Number, string Text, TextSource Source, IReadOnlyList<SubItemView> SubItems);

    public sealed record ParagraphView(int Id, Guid StableId, ParagraphKind Kind, int Number, string Text, TextSource Source,
        IReadOnlyList<SubItemView> SubItems, IReadOnlyList<(int Start, int End)> Spans)
    {
        public string Anchor => Paragraph.AnchorFor(Kind, Number);
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

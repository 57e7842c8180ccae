using ResolutionTracker.Domain.Resolutions;

namespace ResolutionTracker.Domain.Annotations;

// A staff note on a paragraph, on the whole of it or on a quoted span; replies form a thread.
public sealed class Annotation : EditableEntity
{
    private Annotation() { }

    public Annotation(Paragraph paragraph, string authorId, string body, TextQuoteSelector? selector, DateTimeOffset now, Annotation? replyTo = null)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        if (replyTo is not null)
        {
            if (replyTo.ParentId is not null || replyTo.Parent is not null)
                throw new DomainException("Reply to the thread's first note.");
            var sameParagraph = ReferenceEquals(replyTo.Paragraph, paragraph) || (paragraph.Id != 0 && replyTo.ParagraphId == paragraph.Id);
            if (!sameParagraph)
                throw new DomainException("A reply belongs to the same paragraph as its thread.");
            if (selector is not null)
                throw new DomainException("A reply does not quote the paragraph; the thread does.");
            Parent = replyTo;
            ParentId = replyTo.Id == 0 ? null : replyTo.Id;
        }
        if (selector is not null && paragraph.Source != TextSource.NotImported && selector.FindIn(paragraph.Text) is null)
            throw new DomainException("The quoted words do not occur in the paragraph.");
        Paragraph = paragraph;
        ParagraphId = paragraph.Id;
        AuthorId = Guard.Required(authorId, Limits.UserId, "Author");
        Body = Guard.Required(body, Limits.Note, "Note");
        Selector = selector;
        TextWhenWritten = paragraph.Text;
        CreatedAt = UpdatedAt = Guard.Utc(now);
    }

    public int ParagraphId { get; private set; }
    public Paragraph Paragraph { get; private set; } = null!;
    public int? ParentId { get; private set; }
    public Annotation? Parent { get; private set; }
    public string AuthorId { get; private set; } = "";
    public string Body { get; private set; } = "";
    public TextQuoteSelector? Selector { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }
    public string? ResolvedBy { get; private set; }

    public bool IsResolved => ResolvedAt is not null;

    // The paragraph's text when the note was written; a later version's change flags the note until confirmed.
    public string? TextWhenWritten { get; private set; }

    public bool TextChangedIn(string paragraphText) => TextWhenWritten is not null && TextWhenWritten != paragraphText;

    // The same paragraph (same stable identity) in a new version of the resolution.
    public void FollowParagraph(Paragraph to)
    {
        ArgumentNullException.ThrowIfNull(to);
        if (Paragraph is not null && Paragraph.StableId != to.StableId)
            throw new DomainException("A note follows only the same paragraph into a new version.");
        Paragraph = to;
        ParagraphId = to.Id;
    }

    public void ConfirmText(string userId, DateTimeOffset now)
    {
        Guard.Required(userId, Limits.UserId, "User");
        if (Paragraph is null || !TextChangedIn(Paragraph.Text))
            throw new DomainException("The paragraph's text has not changed since this note was written.");
        TextWhenWritten = Paragraph.Text;
        UpdatedAt = Guard.Utc(now);
    }

    // True when the quoted words are gone from the paragraph's current text: shown apart, never dropped.
    public bool IsOrphanedIn(string paragraphText) => Selector is not null && Selector.FindIn(paragraphText) is null;

    public void Edit(string userId, string body, DateTimeOffset now)
    {
        if (userId != AuthorId)
            throw new DomainException("Only the author can edit a note.");
        Body = Guard.Required(body, Limits.Note, "Note");
        UpdatedAt = Guard.Utc(now);
    }

    public void Resolve(string userId, DateTimeOffset now)
    {
        if (ParentId is not null || Parent is not null)
            throw new DomainException("Resolve the thread, not a reply.");
        if (IsResolved)
            throw new DomainException("The thread is already resolved.");
        ResolvedBy = Guard.Required(userId, Limits.UserId, "User");
        ResolvedAt = Guard.Utc(now);
    }
}

using ResolutionTracker.Domain.Resolutions;

namespace ResolutionTracker.Domain.Concerns;

// The coalition's argument about one or more paragraphs of a resolution.
// Workflow: Draft -> InReview -> (ChangesRequested -> InReview)* -> Approved; editing after approval
// starts a new revision (back to Draft) while the approved revision stays what briefings use.
public sealed class Concern : EditableEntity
{
    private readonly List<ConcernParagraph> _paragraphs = [];
    private readonly List<Footnote> _footnotes = [];
    private readonly List<ConcernRevision> _revisions = [];
    private readonly List<ReviewComment> _comments = [];

    private Concern() { }

    public Concern(Resolution resolution, string authorId, string heading, string? summary, string? body, Severity severity, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        Resolution = resolution;
        ResolutionId = resolution.Id;
        AuthorId = Guard.Required(authorId, Limits.UserId, "Author");
        CreatedAt = UpdatedAt = Guard.Utc(now);
        State = ConcernState.Draft;
        RevisionNumber = 1;
        SetContent(heading, summary, body, severity);
    }

    public int ResolutionId { get; private set; }
    public Resolution Resolution { get; private set; } = null!;
    public string AuthorId { get; private set; } = "";
    public string Heading { get; private set; } = "";
    public string? Summary { get; private set; }
    public string Body { get; private set; } = "";
    public Severity Severity { get; private set; }
    public ConcernState State { get; private set; }
    public int RevisionNumber { get; private set; }
    public int? ApprovedRevisionNumber { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public IReadOnlyList<ConcernParagraph> Paragraphs => _paragraphs;
    public IReadOnlyList<Footnote> Footnotes => _footnotes;
    public IReadOnlyList<ConcernRevision> Revisions => _revisions;
    public IReadOnlyList<ReviewComment> Comments => _comments;

    public bool IsEditable => State is ConcernState.Draft or ConcernState.ChangesRequested or ConcernState.Approved;

    public void Edit(string heading, string? summary, string? body, Severity severity, DateTimeOffset now)
    {
        if (!IsEditable)
            throw new DomainException($"A concern that is {Describe(State)} cannot be edited.");
        if (State == ConcernState.Approved)
        {
            RevisionNumber++;
            State = ConcernState.Draft;
        }
        SetContent(heading, summary, body, severity);
        UpdatedAt = Guard.Utc(now);
    }

    public void LinkParagraph(Paragraph paragraph, string? quote = null)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        var resolutionId = paragraph.Version?.ResolutionId ?? 0;
        var sameResolution = paragraph.Version is not null && (ReferenceEquals(paragraph.Version.Resolution, Resolution) || (resolutionId != 0 && resolutionId == ResolutionId));
        if (!sameResolution)
            throw new DomainException("A concern can only point at paragraphs of its own resolution.");
        if (_paragraphs.Any(p => ReferenceEquals(p.Paragraph, paragraph) || (paragraph.Id != 0 && p.ParagraphId == paragraph.Id)))
            throw new DomainException($"The concern already points at {paragraph.Reference()}.");
        _paragraphs.Add(new ConcernParagraph(this, paragraph, _paragraphs.Count + 1, quote));
    }

    public Footnote AddFootnote(string text)
    {
        var footnote = Footnote.ForConcern(this, _footnotes.Count + 1, text);
        _footnotes.Add(footnote);
        return footnote;
    }

    public void Submit(Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (State is not (ConcernState.Draft or ConcernState.ChangesRequested))
            throw new DomainException($"Only a draft or a concern sent back can be submitted for review; this one is {Describe(State)}.");
        State = ConcernState.InReview;
        _revisions.Add(new ConcernRevision(this, RevisionNumber, actor.UserId, now));
        UpdatedAt = Guard.Utc(now);
    }

    public void Approve(Actor reviewer, DateTimeOffset now)
    {
        RequireReviewer(reviewer, "approve");
        if (State != ConcernState.InReview)
            throw new DomainException($"Only a concern in review can be approved; this one is {Describe(State)}.");
        State = ConcernState.Approved;
        ApprovedRevisionNumber = RevisionNumber;
        var revision = _revisions.LastOrDefault(r => r.Number == RevisionNumber);
        revision?.MarkApproved(reviewer.UserId, now);
        UpdatedAt = Guard.Utc(now);
    }

    public void RequestChanges(Actor reviewer, string comment, DateTimeOffset now)
    {
        RequireReviewer(reviewer, "send back");
        if (State != ConcernState.InReview)
            throw new DomainException($"Only a concern in review can be sent back; this one is {Describe(State)}.");
        _comments.Add(new ReviewComment(this, RevisionNumber, reviewer.UserId, comment, now));
        State = ConcernState.ChangesRequested;
        // The author's fixes become the next revision, so each submission is a revision of its own.
        RevisionNumber++;
        UpdatedAt = Guard.Utc(now);
    }

    public void Withdraw(Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (State == ConcernState.Withdrawn)
            throw new DomainException("The concern is already withdrawn.");
        if (actor.UserId != AuthorId && !actor.CanReview)
            throw new DomainException("Only the author or a coalition lead can withdraw a concern.");
        State = ConcernState.Withdrawn;
        UpdatedAt = Guard.Utc(now);
    }

    private static void RequireReviewer(Actor reviewer, string action)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        if (!reviewer.CanReview)
            throw new DomainException($"Only a coalition lead can {action} a concern.");
    }

    private void SetContent(string heading, string? summary, string? body, Severity severity)
    {
        Heading = Guard.Required(heading, Limits.Heading, "Heading");
        Summary = Guard.Optional(summary, Limits.Summary, "Summary");
        Body = Guard.Optional(body, Limits.Body, "Body") ?? "";
        Severity = severity;
    }

    private static string Describe(ConcernState state) => state switch
    {
        ConcernState.InReview => "in review",
        ConcernState.ChangesRequested => "sent back for changes",
        _ => state.ToString().ToLowerInvariant(),
    };
}

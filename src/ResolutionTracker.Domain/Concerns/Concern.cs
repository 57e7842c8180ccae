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

    public bool IsEditable => ConcernRules.AllowedIn(ConcernAction.Edit, State);

    public void Edit(Actor actor, string heading, string? summary, string? body, Severity severity, DateTimeOffset now)
    {
        BeginChange(actor, now);
        SetContent(heading, summary, body, severity);
    }

    // Replaces the paragraphs the concern is about; every one must belong to the concern's resolution.
    public void SetParagraphs(Actor actor, IEnumerable<(Paragraph Paragraph, string? Quote)> paragraphs, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        var list = paragraphs.ToList();
        foreach (var (paragraph, _) in list)
            RequireSameResolution(paragraph);
        if (list.Select(p => p.Paragraph).Distinct().Count() != list.Count)
            throw new DomainException("A paragraph can be linked only once.");
        BeginChange(actor, now);
        _paragraphs.Clear();
        foreach (var (paragraph, quote) in list)
            _paragraphs.Add(new ConcernParagraph(this, paragraph, _paragraphs.Count + 1, quote));
    }

    public void LinkParagraph(Paragraph paragraph, string? quote = null)
    {
        RequireSameResolution(paragraph);
        if (_paragraphs.Any(p => ReferenceEquals(p.Paragraph, paragraph) || (paragraph.Id != 0 && p.ParagraphId == paragraph.Id)))
            throw new DomainException($"The concern already points at {paragraph.Reference()}.");
        _paragraphs.Add(new ConcernParagraph(this, paragraph, _paragraphs.Count + 1, quote));
    }

    // A new version of the resolution carries the paragraph on (same stable identity): the concern follows it.
    // If the text changed, the link keeps the old text and the concern is flagged until someone confirms it.
    public void FollowParagraph(Paragraph from, Paragraph to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        RequireSameResolution(to);
        if (from.StableId != to.StableId)
            throw new DomainException("A concern follows only the same paragraph into a new version.");
        var link = _paragraphs.FirstOrDefault(p => ReferenceEquals(p.Paragraph, from) || (from.Id != 0 && p.ParagraphId == from.Id))
            ?? throw new DomainException($"The concern does not point at {from.Reference()}.");
        if (_paragraphs.Any(p => ReferenceEquals(p.Paragraph, to) || (to.Id != 0 && p.ParagraphId == to.Id)))
            return;
        _paragraphs.Remove(link);
        _paragraphs.Add(link.MovedTo(to));
    }

    public bool TextChanged => _paragraphs.Any(p => p.TextChanged);

    // Someone read the new text and says the concern still holds: the flag goes, nothing else changes.
    public void ConfirmParagraphText(Actor actor, Paragraph paragraph, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        Require(ConcernAction.Edit, actor);
        var link = _paragraphs.FirstOrDefault(p => ReferenceEquals(p.Paragraph, paragraph) || (paragraph.Id != 0 && p.ParagraphId == paragraph.Id))
            ?? throw new DomainException($"The concern does not point at {paragraph.Reference()}.");
        if (!link.TextChanged)
            throw new DomainException($"The text of {paragraph.Reference()} has not changed since the concern was written.");
        link.Confirm();
        UpdatedAt = Guard.Utc(now);
    }

    public Footnote AddFootnote(Actor actor, string text, IEnumerable<CitationInput> citations, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(citations);
        var footnote = Footnote.ForConcern(this, _footnotes.Count + 1, text);
        footnote.ReplaceCitations(citations);
        BeginChange(actor, now);
        _footnotes.Add(footnote);
        return footnote;
    }

    public void EditFootnote(Actor actor, Footnote footnote, string text, IEnumerable<CitationInput> citations, DateTimeOffset now)
    {
        RequireOwn(footnote);
        ArgumentNullException.ThrowIfNull(citations);
        var checkedText = Guard.Required(text, Limits.Note, "Footnote text");
        Require(ConcernAction.Edit, actor);
        footnote.ReplaceCitations(citations);
        footnote.SetText(checkedText);
        BeginChange(actor, now);
    }

    public void RemoveFootnote(Actor actor, Footnote footnote, DateTimeOffset now)
    {
        RequireOwn(footnote);
        BeginChange(actor, now);
        _footnotes.Remove(footnote);
        Renumber();
    }

    // Moves a footnote to a 1-based position among the concern's footnotes.
    public void MoveFootnote(Actor actor, Footnote footnote, int position, DateTimeOffset now)
    {
        RequireOwn(footnote);
        if (position < 1 || position > _footnotes.Count)
            throw new DomainException($"A footnote's position must be between 1 and {_footnotes.Count}.");
        BeginChange(actor, now);
        var ordered = _footnotes.OrderBy(f => f.Position).ToList();
        ordered.Remove(footnote);
        ordered.Insert(position - 1, footnote);
        for (var i = 0; i < ordered.Count; i++)
            ordered[i].MoveTo(i + 1);
    }

    public void Submit(Actor actor, DateTimeOffset now)
    {
        Require(ConcernAction.Submit, actor);
        State = ConcernState.InReview;
        _revisions.Add(new ConcernRevision(this, RevisionNumber, actor.UserId, now));
        UpdatedAt = Guard.Utc(now);
    }

    public void Approve(Actor reviewer, DateTimeOffset now)
    {
        Require(ConcernAction.Approve, reviewer);
        State = ConcernState.Approved;
        ApprovedRevisionNumber = RevisionNumber;
        var revision = _revisions.LastOrDefault(r => r.Number == RevisionNumber);
        revision?.MarkApproved(reviewer.UserId, now);
        UpdatedAt = Guard.Utc(now);
    }

    public void RequestChanges(Actor reviewer, string comment, DateTimeOffset now)
    {
        Require(ConcernAction.SendBack, reviewer);
        _comments.Add(new ReviewComment(this, RevisionNumber, reviewer.UserId, comment, now));
        State = ConcernState.ChangesRequested;
        // The author's fixes become the next revision, so each submission is a revision of its own.
        RevisionNumber++;
        UpdatedAt = Guard.Utc(now);
    }

    public void Withdraw(Actor actor, DateTimeOffset now)
    {
        Require(ConcernAction.Withdraw, actor);
        State = ConcernState.Withdrawn;
        UpdatedAt = Guard.Utc(now);
    }

    // Every change of content goes through here: who may, in which states, and a new revision after approval.
    private void BeginChange(Actor actor, DateTimeOffset now)
    {
        Require(ConcernAction.Edit, actor);
        if (State == ConcernState.Approved)
        {
            RevisionNumber++;
            State = ConcernState.Draft;
        }
        UpdatedAt = Guard.Utc(now);
    }

    // Who may do what in which state is one rule, shared with the pages (ConcernRules).
    private void Require(ConcernAction action, Actor actor)
    {
        if (ConcernRules.Check(action, AuthorId, State, actor) is { } refusal)
            throw new DomainException(refusal.Message);
    }

    private void RequireSameResolution(Paragraph paragraph)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        var version = paragraph.Version;
        // Compare loaded objects, or saved ids; two unloaded navigations (null and null) prove nothing.
        var sameResolution = version is not null
            && ((version.Resolution is not null && ReferenceEquals(version.Resolution, Resolution))
                || (version.ResolutionId != 0 && version.ResolutionId == ResolutionId));
        if (!sameResolution)
            throw new DomainException("A concern can only point at paragraphs of its own resolution.");
    }

    private void RequireOwn(Footnote footnote)
    {
        ArgumentNullException.ThrowIfNull(footnote);
        if (!_footnotes.Contains(footnote))
            throw new DomainException("That footnote belongs to another concern.");
    }

    private void Renumber()
    {
        var position = 1;
        foreach (var f in _footnotes.OrderBy(f => f.Position))
            f.MoveTo(position++);
    }

    private void SetContent(string heading, string? summary, string? body, Severity severity)
    {
        Heading = Guard.Required(heading, Limits.Heading, "Heading");
        Summary = Guard.Optional(summary, Limits.Summary, "Summary");
        Body = Guard.Optional(body, Limits.Body, "Body") ?? "";
        Severity = severity;
    }
}

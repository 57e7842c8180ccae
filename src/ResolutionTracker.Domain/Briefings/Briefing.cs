using ResolutionTracker.Domain.Concerns;
using ResolutionTracker.Domain.Organisations;
using ResolutionTracker.Domain.Resolutions;

namespace ResolutionTracker.Domain.Briefings;

// The coalition's publishable position paper on one resolution.
public sealed class Briefing : EditableEntity
{
    private readonly List<BriefingConcern> _concerns = [];
    private readonly List<Recommendation> _recommendations = [];
    private readonly List<BriefingSignatory> _signatories = [];
    private readonly List<Footnote> _footnotes = [];
    private readonly List<BriefingSnapshot> _snapshots = [];

    private Briefing() { }

    public Briefing(Resolution resolution, string title, string? introduction, BriefingStance stance, string? positionStatement, DateTimeOffset now, string? slug = null)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        Resolution = resolution;
        ResolutionId = resolution.Id;
        CreatedAt = UpdatedAt = Guard.Utc(now);
        Status = BriefingStatus.Draft;
        Edit(title, introduction, stance, positionStatement, now);
        // The address names the resolution once: "a-hrc-43-l-31-key-concerns", not the symbol twice.
        var words = string.IsNullOrWhiteSpace(slug)
            ? $"{resolution.Symbol} {Title.Replace(resolution.Symbol, " ", StringComparison.OrdinalIgnoreCase)}"
            : slug;
        Slug = Domain.Slug.From(words, maxLength: 80);
        if (Slug.Length == 0)
            throw new DomainException("The briefing's address needs at least one letter or digit.");
    }

    public int ResolutionId { get; private set; }
    public Resolution Resolution { get; private set; } = null!;
    public string Title { get; private set; } = "";
    public string Slug { get; private set; } = "";
    public string? Introduction { get; private set; }
    public BriefingStance Stance { get; private set; }
    public string? PositionStatement { get; private set; }
    public BriefingStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public IReadOnlyList<BriefingConcern> Concerns => _concerns;
    public IReadOnlyList<Recommendation> Recommendations => _recommendations;
    public IReadOnlyList<BriefingSignatory> Signatories => _signatories;
    public IReadOnlyList<Footnote> Footnotes => _footnotes;
    public IReadOnlyList<BriefingSnapshot> Snapshots => _snapshots;

    public void Edit(string title, string? introduction, BriefingStance stance, string? positionStatement, DateTimeOffset now)
    {
        Title = Guard.Required(title, Limits.Title, "Title");
        Introduction = Guard.Optional(introduction, Limits.Body, "Introduction");
        Stance = stance;
        PositionStatement = Guard.Optional(positionStatement, Limits.Summary, "Position");
        UpdatedAt = Guard.Utc(now);
    }

    public void AddConcern(Concern concern, DateTimeOffset now)
    {
        Include(concern);
        Touch(now);
    }

    public void AddConcern(Concern concern)
    {
        EnsureNeverPublished();
        Include(concern);
    }

    private void Include(Concern concern)
    {
        ArgumentNullException.ThrowIfNull(concern);
        var sameResolution = (concern.Resolution is not null && ReferenceEquals(concern.Resolution, Resolution))
            || (concern.ResolutionId != 0 && concern.ResolutionId == ResolutionId);
        if (!sameResolution)
            throw new DomainException("A briefing can only include concerns about its own resolution.");
        if (_concerns.Any(c => ReferenceEquals(c.Concern, concern) || (concern.Id != 0 && c.ConcernId == concern.Id)))
            throw new DomainException("The concern is already in the briefing.");
        if (concern.ApprovedRevisionNumber is null || concern.State == ConcernState.Withdrawn)
            throw new DomainException("Only an approved concern can join a briefing.");
        _concerns.Add(new BriefingConcern(this, concern, _concerns.Count + 1));
    }

    public void RemoveConcern(Concern concern, DateTimeOffset now)
    {
        var link = Find(_concerns, c => ReferenceEquals(c.Concern, concern) || (concern.Id != 0 && c.ConcernId == concern.Id), "The concern is not in the briefing.");
        _concerns.Remove(link);
        Renumber(_concerns, c => c.Position, (c, i) => c.Position = i);
        Touch(now);
    }

    public void MoveConcern(Concern concern, int position, DateTimeOffset now)
    {
        var link = Find(_concerns, c => ReferenceEquals(c.Concern, concern) || (concern.Id != 0 && c.ConcernId == concern.Id), "The concern is not in the briefing.");
        Move(_concerns, link, position, c => c.Position, (c, i) => c.Position = i);
        Touch(now);
    }

    public void RemoveRecommendation(Recommendation recommendation, DateTimeOffset now)
    {
        var item = Find(_recommendations, r => ReferenceEquals(r, recommendation), "That recommendation belongs to another briefing.");
        _recommendations.Remove(item);
        Renumber(_recommendations, r => r.Position, (r, i) => r.Position = i);
        Touch(now);
    }

    public void MoveRecommendation(Recommendation recommendation, int position, DateTimeOffset now)
    {
        var item = Find(_recommendations, r => ReferenceEquals(r, recommendation), "That recommendation belongs to another briefing.");
        Move(_recommendations, item, position, r => r.Position, (r, i) => r.Position = i);
        Touch(now);
    }

    public void RemoveSignatory(Organisation organisation, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        var item = Find(_signatories, s => ReferenceEquals(s.Organisation, organisation) || (organisation.Id != 0 && s.OrganisationId == organisation.Id), $"{organisation.Name} has not signed.");
        _signatories.Remove(item);
        Renumber(_signatories, s => s.Position, (s, i) => s.Position = i);
        Touch(now);
    }

    public void MoveSignatory(Organisation organisation, int position, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        var item = Find(_signatories, s => ReferenceEquals(s.Organisation, organisation) || (organisation.Id != 0 && s.OrganisationId == organisation.Id), $"{organisation.Name} has not signed.");
        Move(_signatories, item, position, s => s.Position, (s, i) => s.Position = i);
        Touch(now);
    }

    public void EditFootnote(Footnote footnote, string text, IEnumerable<CitationInput> citations, DateTimeOffset now)
    {
        var note = Find(_footnotes, f => ReferenceEquals(f, footnote), "That footnote belongs to something else.");
        ArgumentNullException.ThrowIfNull(citations);
        var checkedText = Guard.Required(text, Limits.Note, "Footnote text");
        note.ReplaceCitations(citations);
        note.SetText(checkedText);
        Touch(now);
    }

    public void RemoveFootnote(Footnote footnote, DateTimeOffset now)
    {
        var note = Find(_footnotes, f => ReferenceEquals(f, footnote), "That footnote belongs to something else.");
        _footnotes.Remove(note);
        Renumber(_footnotes, f => f.Position, (f, i) => f.MoveTo(i));
        Touch(now);
    }

    public void MoveFootnote(Footnote footnote, int position, DateTimeOffset now)
    {
        var note = Find(_footnotes, f => ReferenceEquals(f, footnote), "That footnote belongs to something else.");
        Move(_footnotes, note, position, f => f.Position, (f, i) => f.MoveTo(i));
        Touch(now);
    }

    // The briefing itself edited since the last publication (its own fields, concerns, notes, signatories). A concern
    // in it approved again or withdrawn changes what publishing would show without touching this row: the composer
    // compares content (BriefingDocumentBuilder.DiffersFromPublished), the desk list checks those concerns too.
    public bool HasUnpublishedChanges => PublishedAt is null || UpdatedAt > PublishedAt;

    public Recommendation AddRecommendation(string text, string? targetGroup, DateTimeOffset now)
    {
        var recommendation = Recommend(text, targetGroup);
        Touch(now);
        return recommendation;
    }

    public Recommendation AddRecommendation(string text, string? targetGroup)
    {
        EnsureNeverPublished();
        return Recommend(text, targetGroup);
    }

    private Recommendation Recommend(string text, string? targetGroup)
    {
        var recommendation = new Recommendation(this, _recommendations.Count + 1, text, targetGroup);
        _recommendations.Add(recommendation);
        return recommendation;
    }

    // Through the briefing, not the recommendation, so the change is dated like every other.
    public void EditRecommendation(Recommendation recommendation, string text, string? targetGroup, DateTimeOffset now)
    {
        var item = Find(_recommendations, r => ReferenceEquals(r, recommendation), "That recommendation belongs to another briefing.");
        item.Edit(text, targetGroup);
        Touch(now);
    }

    public void AddSignatory(Organisation organisation, DateTimeOffset now)
    {
        Sign(organisation);
        Touch(now);
    }

    public void AddSignatory(Organisation organisation)
    {
        EnsureNeverPublished();
        Sign(organisation);
    }

    private void Sign(Organisation organisation)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        if (organisation.Kind == OrganisationKind.State)
            throw new DomainException("States do not sign a coalition briefing.");
        if (_signatories.Any(s => ReferenceEquals(s.Organisation, organisation) || (organisation.Id != 0 && s.OrganisationId == organisation.Id)))
            throw new DomainException($"{organisation.Name} has already signed.");
        _signatories.Add(new BriefingSignatory(this, organisation, _signatories.Count + 1));
    }

    public Footnote AddFootnote(string text, IEnumerable<CitationInput>? citations, DateTimeOffset now)
    {
        var footnote = Note(text, citations);
        Touch(now);
        return footnote;
    }

    public Footnote AddFootnote(string text, IEnumerable<CitationInput>? citations = null)
    {
        EnsureNeverPublished();
        return Note(text, citations);
    }

    private Footnote Note(string text, IEnumerable<CitationInput>? citations)
    {
        var footnote = Footnote.ForBriefing(this, _footnotes.Count + 1, text);
        footnote.ReplaceCitations(citations ?? []);
        _footnotes.Add(footnote);
        return footnote;
    }

    private void Touch(DateTimeOffset now) => UpdatedAt = Guard.Utc(now);

    // The Add overloads without a time assemble a briefing that was never published (the demo seed, tests),
    // when every change is unpublished anyway. After a publication a change must be dated, or
    // HasUnpublishedChanges would miss it.
    private void EnsureNeverPublished()
    {
        if (PublishedAt is not null)
            throw new InvalidOperationException("This briefing has been published: pass the time of the change, so it counts as unpublished.");
    }

    private static T Find<T>(List<T> items, Func<T, bool> match, string missing) =>
        items.FirstOrDefault(match) ?? throw new DomainException(missing);

    // Closes the gap a removal leaves, keeping the order the positions gave.
    private static void Renumber<T>(List<T> items, Func<T, int> getPosition, Action<T, int> setPosition)
    {
        var ordered = items.OrderBy(getPosition).ToList();
        for (var i = 0; i < ordered.Count; i++)
            setPosition(ordered[i], i + 1);
    }

    // Moves an item to a 1-based position, keeping the others in order with no gaps.
    private static void Move<T>(List<T> items, T item, int position, Func<T, int> getPosition, Action<T, int> setPosition)
    {
        if (position < 1 || position > items.Count)
            throw new DomainException($"The position must be between 1 and {items.Count}.");
        var ordered = items.OrderBy(getPosition).ToList();
        ordered.Remove(item);
        ordered.Insert(position - 1, item);
        for (var i = 0; i < ordered.Count; i++)
            setPosition(ordered[i], i + 1);
    }

    // Publishing freezes the rendered briefing; the caller renders it, the briefing keeps it immutable.
    public BriefingSnapshot Publish(string publishedBy, string renderedContent, DateTimeOffset now)
    {
        // A concern edited after approval still counts: the briefing uses its approved revision.
        if (!_concerns.Any(c => c.Concern.ApprovedRevisionNumber is not null && c.Concern.State != ConcernState.Withdrawn))
            throw new DomainException("A briefing needs at least one approved concern before it can be published.");
        var number = _snapshots.Count == 0 ? 1 : _snapshots.Max(s => s.Number) + 1;
        var snapshot = new BriefingSnapshot(this, number, publishedBy, renderedContent, now);
        _snapshots.Add(snapshot);
        Status = BriefingStatus.Published;
        PublishedAt = Guard.Utc(now);
        return snapshot;
    }
}

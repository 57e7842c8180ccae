using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace ResolutionTracker.Web.Briefings;

// The published form of a briefing: everything the public page, the exports and the feed show, frozen at
// publication (stored as jsonb in briefing_snapshots.content). Later edits never change a document.
// Footnotes are numbered once, in reading order: the briefing's own notes first (the signatories), then
// each concern's notes in concern order.
public sealed record BriefingDocument
{
    public const int CurrentSchema = 1;

    // The briefing's own notes (the signatories' note, numbered 1) are marked after the first of these words in the
    // position, else in the introduction (the organisations that note lists), so that note 1 is the first marker a
    // reader meets; failing them, at the end of the first paragraph of either, else on the "Our position" heading.
    // The page (Pages/Public/Briefings/NoteAnchor) and the Word export (Exports/BriefingDocx) both follow this rule.
    public const string NoteAnchorPhrase = "our organisations";

    public int Schema { get; init; } = CurrentSchema;
    public required string Title { get; init; }
    public required string Slug { get; init; }
    public int Number { get; init; }
    public DateTimeOffset PublishedAt { get; init; }

    // A preview of what publishing would freeze now: PublishedAt is only the time of the preview, so the page
    // says "Not yet published" instead. Never stored: a snapshot is published by definition.
    [JsonIgnore]
    public bool IsPreview { get; init; }

    public required ResolutionRef Resolution { get; init; }
    public required string Stance { get; init; }
    public string? Position { get; init; }
    public string? Introduction { get; init; }
    public IReadOnlyList<int> NoteNumbers { get; init; } = [];
    public IReadOnlyList<ConcernSection> Concerns { get; init; } = [];
    public IReadOnlyList<RecommendationItem> Recommendations { get; init; } = [];
    public IReadOnlyList<SignatoryItem> Signatories { get; init; } = [];
    public IReadOnlyList<NoteItem> Notes { get; init; } = [];

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static BriefingDocument FromJson(string json) =>
        JsonSerializer.Deserialize<BriefingDocument>(json, Json) ?? throw new InvalidOperationException("Empty briefing snapshot.");
}

public sealed record ResolutionRef(int Id, string Symbol, string Title, string Body, int Session, string Status);

// Anchor is the concern's permalink fragment on the briefing page ("concern-2").
public sealed record ConcernSection(
    int ConcernId,
    int Revision,
    string Anchor,
    string Heading,
    string Severity,
    string? Summary,
    string Body,
    IReadOnlyList<ParagraphRef> Paragraphs,
    IReadOnlyList<int> NoteNumbers);

// Text is the paragraph's text when the briefing was published (null when the app holds no text for it).
public sealed record ParagraphRef(string Reference, string Anchor, string? Text, string? Quote);

public sealed record RecommendationItem(string Text, string? AddressedTo);

public sealed record SignatoryItem(string Name, string? ShortName, string Slug);

public sealed record NoteItem(int Number, string Text, IReadOnlyList<CitationItem> Citations);

public sealed record CitationItem(string? Symbol, string? Url, string? Label);

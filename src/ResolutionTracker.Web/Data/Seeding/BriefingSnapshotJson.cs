using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using ResolutionTracker.Domain.Briefings;
using ResolutionTracker.Domain.Concerns;

namespace ResolutionTracker.Web.Data.Seeding;

// The frozen content of a published briefing, as a plain JSON document (the snapshot column is jsonb).
// Footnotes are numbered in reading order: the briefing's own first, then each concern's in turn.
internal static class BriefingSnapshotJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    private sealed record Document(
        string Title,
        string Slug,
        string Resolution,
        string Stance,
        string? Position,
        string? Introduction,
        IReadOnlyList<ConcernPart> Concerns,
        IReadOnlyList<RecommendationPart> Recommendations,
        IReadOnlyList<SignatoryPart> Signatories,
        IReadOnlyList<FootnotePart> Footnotes);

    private sealed record ConcernPart(string Heading, string Severity, string? Summary, string Body, IReadOnlyList<ParagraphPart> Paragraphs, IReadOnlyList<FootnotePart> Footnotes);

    private sealed record ParagraphPart(string Reference, string? Quote);

    private sealed record FootnotePart(int Number, string Text, IReadOnlyList<CitationPart> Citations);

    private sealed record CitationPart(string? Symbol, string? Url, string? Label);

    private sealed record RecommendationPart(string Text, string? AddressedTo);

    private sealed record SignatoryPart(string Name, string? ShortName);

    public static string Render(Briefing briefing)
    {
        var number = 0;
        FootnotePart Note(Footnote f) =>
            new(++number, f.Text, f.Citations.OrderBy(c => c.Position).Select(c => new CitationPart(c.Symbol, c.Url, c.Label)).ToList());

        var briefingNotes = briefing.Footnotes.OrderBy(f => f.Position).Select(Note).ToList();
        var concerns = briefing.Concerns.OrderBy(c => c.Position).Select(bc => bc.Concern).Select(c => new ConcernPart(
            c.Heading,
            c.Severity.ToString(),
            c.Summary,
            c.Body,
            c.Paragraphs.OrderBy(p => p.Position).Select(p => new ParagraphPart(p.Paragraph.Reference(), p.Quote)).ToList(),
            c.Footnotes.OrderBy(f => f.Position).Select(Note).ToList())).ToList();

        var document = new Document(
            briefing.Title,
            briefing.Slug,
            briefing.Resolution.Symbol,
            briefing.Stance.ToString(),
            briefing.PositionStatement,
            briefing.Introduction,
            concerns,
            briefing.Recommendations.OrderBy(r => r.Position).Select(r => new RecommendationPart(r.Text, r.TargetGroup)).ToList(),
            briefing.Signatories.OrderBy(s => s.Position).Select(s => new SignatoryPart(s.Organisation.Name, s.Organisation.ShortName)).ToList(),
            briefingNotes);
        return JsonSerializer.Serialize(document, Options);
    }
}

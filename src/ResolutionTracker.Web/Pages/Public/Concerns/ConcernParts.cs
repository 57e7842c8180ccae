using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Resolutions;

namespace ResolutionTracker.Web.Pages.Public.Concerns;

// What the concern and briefing pages show of a concern's paragraphs and footnotes.
public sealed record ParagraphRef(string Reference, string Anchor, string? Quote, string? Text)
{
    public static ParagraphRef Create(ParagraphKind kind, int number, string? quote, string text) =>
        new(
            Paragraph.Reference(kind, number),
            Paragraph.AnchorFor(kind, number),
            string.IsNullOrWhiteSpace(quote) ? null : quote,
            string.IsNullOrWhiteSpace(text) ? null : text);
}

public sealed record CitationView(string? Symbol, string? Url, string? Label);

public sealed record FootnoteView(int Id, int Position, string Text, IReadOnlyList<CitationView> Citations);

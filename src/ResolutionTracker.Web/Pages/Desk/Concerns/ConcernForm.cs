using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Resolutions;
using ResolutionTracker.Web.Data;

namespace ResolutionTracker.Web.Pages.Desk.Concerns;

// What the new and edit pages share: the fields of a concern, and the paragraphs it can point at.
public sealed class ConcernInput
{
    [Required(ErrorMessage = "Give the concern a heading.")]
    [StringLength(Limits.Heading, ErrorMessage = "The heading must be at most {1} characters.")]
    public string? Heading { get; set; }

    [StringLength(Limits.Summary, ErrorMessage = "The summary must be at most {1} characters.")]
    public string? Summary { get; set; }

    [Display(Name = "Argument (Markdown)")]
    [StringLength(Limits.Body, ErrorMessage = "The argument must be at most {1} characters.")]
    public string? Body { get; set; }

    [EnumDataType(typeof(Severity), ErrorMessage = "Choose a severity from the list.")]
    public Severity Severity { get; set; } = Severity.Medium;

    // Ticked paragraphs (their ids), and the optional quote typed beside each one, keyed by paragraph id.
    public List<int> ParagraphIds { get; set; } = [];

    public Dictionary<int, string?> Quotes { get; set; } = [];

    public string? QuoteFor(int paragraphId) => Quotes.TryGetValue(paragraphId, out var quote) ? quote : null;
}

// One paragraph offered as a checkbox: the latest version's paragraphs, plus any the concern already points at.
public sealed record ParagraphChoice(int Id, ParagraphKind Kind, int Number, string Text, TextSource Source, string VersionLabel, bool InLatestVersion)
{
    public string Reference => Paragraph.Reference(Kind, Number);

    public string Anchor => Paragraph.AnchorFor(Kind, Number);
}

public static class ConcernForm
{
    public const string ParagraphsKey = "Input.ParagraphIds";

    public static async Task<IReadOnlyList<ParagraphChoice>> ChoicesAsync(AppDbContext db, int resolutionId, IEnumerable<int> linkedIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var linked = linkedIds.ToList();
        var latestVersionId = await db.Versions.AsNoTracking()
            .Where(v => v.ResolutionId == resolutionId)
            .OrderByDescending(v => v.Sequence)
            .Select(v => (int?)v.Id)
            .FirstOrDefaultAsync(cancellationToken);
        var rows = await db.Paragraphs.AsNoTracking()
            .Where(p => p.Version.ResolutionId == resolutionId && (p.VersionId == latestVersionId || linked.Contains(p.Id)))
            .OrderBy(p => p.VersionId == latestVersionId ? 0 : 1)
            .ThenBy(p => p.Position)
            .Select(p => new ParagraphChoice(p.Id, p.Kind, p.Number, p.Text, p.Source, p.Version.Label, p.VersionId == latestVersionId))
            .ToListAsync(cancellationToken);
        return rows;
    }

    // Turns the ticked ids into the domain's paragraphs. An id that is unknown is refused here; one of
    // another resolution is loaded and left for the domain to refuse, so the rule lives in one place.
    public static async Task<List<(Paragraph Paragraph, string? Quote)>?> PickedAsync(AppDbContext db, ConcernInput input, ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(modelState);
        var ids = input.ParagraphIds.Distinct().ToList();
        var paragraphs = await db.Paragraphs
            .Include(p => p.Version)
            .Where(p => ids.Contains(p.Id))
            .ToListAsync(cancellationToken);
        if (paragraphs.Count != ids.Count)
        {
            modelState.AddModelError(ParagraphsKey, "One of the chosen paragraphs does not exist. Choose paragraphs from the list.");
            return null;
        }
        var picked = new List<(Paragraph, string?)>();
        foreach (var id in ids)
        {
            var paragraph = paragraphs.Single(p => p.Id == id);
            var quote = input.QuoteFor(id)?.Trim();
            if (quote is { Length: > Limits.Quote })
                modelState.AddModelError(ParagraphsKey, $"The quote from {paragraph.Reference()} must be at most {Limits.Quote} characters.");
            // A quote is the paragraph's own words; when the text is known, they must occur in it.
            else if (!string.IsNullOrEmpty(quote) && paragraph.Source != TextSource.NotImported && !paragraph.Text.Contains(quote, StringComparison.Ordinal))
                modelState.AddModelError(ParagraphsKey, $"The quote from {paragraph.Reference()} is not in its text. Copy the exact words from the paragraph, or leave the quote empty.");
            picked.Add((paragraph, string.IsNullOrEmpty(quote) ? null : quote));
        }
        return modelState.IsValid ? picked : null;
    }

    public static IEnumerable<Severity> Severities => Enum.GetValues<Severity>();
}

// The words and badge of a concern's state, as the author reads them.
public static class ConcernStates
{
    public static string Label(ConcernState state) => state switch
    {
        ConcernState.Draft => "Draft",
        ConcernState.InReview => "In review",
        ConcernState.ChangesRequested => "Sent back for changes",
        ConcernState.Approved => "Approved",
        ConcernState.Withdrawn => "Withdrawn",
        _ => state.ToString(),
    };

    public static string Css(ConcernState state) => "badge-rt concern-state concern-state-" + state.ToString().ToLowerInvariant();
}

// The new and edit pages render the same fields through _ConcernFields.
public interface IConcernFormPage
{
    ConcernInput Input { get; }

    IReadOnlyList<ParagraphChoice> Choices { get; }
}

// What _FootnoteFields shows: one form's values and the messages for its fields.
public sealed record FootnoteFields(string Key, string? Text, string? Symbols, string? Urls, string? TextError, string? SymbolsError, string? UrlsError);

using System.ComponentModel.DataAnnotations;
using ResolutionTracker.Domain;

namespace ResolutionTracker.Web.Pages.Desk.Briefings;

// The header of a briefing, as the new page and the composer both edit it.
public sealed class BriefingHeaderInput
{
    [Required(ErrorMessage = "Give the briefing a title.")]
    [StringLength(Limits.Title, ErrorMessage = "The title must be at most {1} characters.")]
    public string? Title { get; set; }

    [EnumDataType(typeof(BriefingStance), ErrorMessage = "Choose the coalition's stance from the list.")]
    public BriefingStance Stance { get; set; } = BriefingStance.Oppose;

    [StringLength(Limits.Summary, ErrorMessage = "The position statement must be at most {1} characters.")]
    public string? Position { get; set; }

    [StringLength(Limits.Body, ErrorMessage = "The introduction must be at most {1} characters.")]
    public string? Introduction { get; set; }
}

public static class BriefingForm
{
    // Slug.From cuts a briefing's address to this length.
    public const int SlugLength = 80;

    public static IEnumerable<BriefingStance> Stances => Enum.GetValues<BriefingStance>();

    public static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

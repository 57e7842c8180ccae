using ResolutionTracker.Domain;
using ResolutionTracker.Web.Briefings;
using ResolutionTracker.Web.Formatting;

namespace ResolutionTracker.Web.Pages.Public.Briefings;

// Words for the string-valued fields of a published document. The document stores enum names so that a
// snapshot outlives a renamed label; unknown names are shown as they were stored.
public static class DocumentText
{
    public static string Stance(string stance) =>
        Enum.TryParse<BriefingStance>(stance, out var value) ? Format.Label(value) : stance;

    public static string Severity(string severity) =>
        Enum.TryParse<Severity>(severity, out var value) ? Format.Label(value) : severity;

    public static string SeverityCss(string severity) =>
        Enum.TryParse<Severity>(severity, out var value) ? Format.Css(value) : "severity";

    // What a sharing card or feed entry says about a briefing: its position, else the start of its introduction.
    public static string Description(BriefingDocument document, int max = 200)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = !string.IsNullOrWhiteSpace(document.Position) ? document.Position
            : !string.IsNullOrWhiteSpace(document.Introduction) ? PlainText(document.Introduction)
            : $"{Stance(document.Stance)}: the coalition's briefing on {document.Resolution.Symbol}.";
        return Trim(text, max);
    }

    public static string Trim(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length <= max)
            return flat;
        var cut = flat.LastIndexOf(' ', max - 1);
        return flat[..(cut > max / 2 ? cut : max - 1)].TrimEnd(',', ';', ':', '.') + "…";
    }

    // Markdown to plain words for meta tags: emphasis marks, heading marks and link targets dropped.
    private static string PlainText(string markdown)
    {
        var text = System.Text.RegularExpressions.Regex.Replace(markdown, @"\[([^\]]*)\]\([^)]*\)", "$1");
        return text.Replace("**", "", StringComparison.Ordinal).Replace("__", "", StringComparison.Ordinal)
            .Replace("*", "", StringComparison.Ordinal).Replace("#", "", StringComparison.Ordinal)
            .Replace("`", "", StringComparison.Ordinal).Replace("> ", "", StringComparison.Ordinal);
    }
}

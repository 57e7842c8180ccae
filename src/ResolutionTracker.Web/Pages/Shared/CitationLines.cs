using Microsoft.AspNetCore.Mvc.ModelBinding;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Concerns;
using ResolutionTracker.Web.Formatting;

namespace ResolutionTracker.Web.Pages.Shared;

// A footnote's citations as the footnote forms (concerns and briefings) take them: symbols one a line;
// web addresses one a line, "https://… Label" or the address alone.
public static class CitationLines
{
    public const int MaxCitations = 20;

    public static List<CitationInput> Parse(string? symbols, string? urls, ModelStateDictionary modelState, string prefix)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        var citations = new List<CitationInput>();
        foreach (var line in Lines(symbols))
        {
            if (line.Length > Limits.Symbol || line.Any(char.IsWhiteSpace))
                modelState.AddModelError(prefix + ".Symbols", $"“{Format.Shorten(line, 60)}” is not a document symbol: write one symbol a line, such as A/HRC/RES/37/23.");
            else
                citations.Add(new CitationInput(line, null));
        }
        foreach (var line in Lines(urls))
        {
            var split = line.IndexOfAny([' ', '\t']);
            var url = split < 0 ? line : line[..split];
            var label = split < 0 ? null : line[(split + 1)..].Trim();
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                modelState.AddModelError(prefix + ".Urls", $"“{Format.Shorten(url, 60)}” is not a web address: each line must start with http:// or https://.");
            else if (url.Length > Limits.Url)
                modelState.AddModelError(prefix + ".Urls", $"A web address must be at most {Limits.Url} characters.");
            else if (label is { Length: > Limits.Title })
                modelState.AddModelError(prefix + ".Urls", $"A link's label must be at most {Limits.Title} characters.");
            else
                citations.Add(new CitationInput(null, url, string.IsNullOrEmpty(label) ? null : label));
        }
        if (citations.Count > MaxCitations)
            modelState.AddModelError(string.Empty, $"A footnote cites at most {MaxCitations} documents.");
        return citations;
    }

    public static string SymbolsOf(IEnumerable<Citation> citations) =>
        string.Join("\n", citations.OrderBy(c => c.Position).Where(c => c.Symbol is not null).Select(c => c.Symbol));

    public static string UrlsOf(IEnumerable<Citation> citations) =>
        string.Join("\n", citations.OrderBy(c => c.Position).Where(c => c.Url is not null).Select(c => c.Label is null ? c.Url : $"{c.Url} {c.Label}"));

    public static string Normalise(string? text) => string.Join("\n", Lines(text));

    private static IEnumerable<string> Lines(string? text) =>
        (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);
}

using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Ganss.Xss;
using Markdig;
using Microsoft.AspNetCore.Html;
using ResolutionTracker.Text.Symbols;

namespace ResolutionTracker.Web.Formatting;

// User-written Markdown (concern bodies, introductions) to HTML that can never carry a script:
// Markdig with raw HTML disabled, then HtmlSanitizer with an allow-list of tags, attributes and schemes.
// UN document symbols in the text become undocs.org links, as everywhere else (see SymbolText).
public static class Markdown
{
    // The one Markdown dialect of the app: the Word export (Exports/BriefingDocx) parses with it too, so a
    // text reads the same on the page and in the document.
    public static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UseListExtras()
        .Build();

    // Exactly what user text may hold, and nothing else: the sanitizer's own defaults (images, h1, tables,
    // style properties ...) are replaced, not added to.
    public static readonly IReadOnlySet<string> AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        { "p", "br", "strong", "em", "del", "ul", "ol", "li", "blockquote", "code", "pre", "a", "h3", "h4", "h5", "hr", "sup", "sub" };

    public static readonly IReadOnlySet<string> AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "title" };

    public static readonly IReadOnlySet<string> AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" };

    // A writer's "# Heading" sits under the page's own headings (the concern's is an h2): h1 becomes h3, down to h5.
    private const int HeadingShift = 2;
    private const int TopHeading = 3;
    private const int BottomHeading = 5;

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static IHtmlContent Render(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
            return HtmlString.Empty;
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        foreach (var heading in Markdig.Syntax.MarkdownObjectExtensions.Descendants<Markdig.Syntax.HeadingBlock>(document))
            heading.Level = Math.Clamp(heading.Level + HeadingShift, TopHeading, BottomHeading);
        return new HtmlString(Sanitize(document.ToHtml(Pipeline)));
    }

    internal static string Sanitize(string html) => Sanitizer.Sanitize(html);

    private static HtmlSanitizer CreateSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(AllowedTags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(AllowedAttributes, StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(AllowedSchemes, StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedClasses = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowDataAttributes = false,
        };
        var sanitizer = new HtmlSanitizer(options);
        // Links written by users leave the site without handing it the reader's context.
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { TagName: "A" } link)
                link.SetAttribute("rel", "nofollow noopener noreferrer");
        };
        sanitizer.PostProcessDom += (_, e) => LinkSymbols(e.Document);
        return sanitizer;
    }

    private static void LinkSymbols(IHtmlDocument document)
    {
        var texts = document.Body?.Descendants<IText>()
            .Where(t => t.ParentElement?.Closest("a, code, pre") is null)
            .ToList() ?? [];
        foreach (var text in texts)
        {
            var matches = SymbolRecognizer.FindAll(text.Data);
            if (matches.Count == 0)
                continue;
            var fragment = document.CreateDocumentFragment();
            var at = 0;
            foreach (var match in matches)
            {
                fragment.AppendChild(document.CreateTextNode(text.Data[at..match.Start]));
                var link = document.CreateElement("a");
                link.SetAttribute("href", SymbolRecognizer.ToUrl(match.Symbol));
                link.SetAttribute("class", "un-symbol");
                link.TextContent = match.Symbol;
                fragment.AppendChild(link);
                at = match.Start + match.Length;
            }
            fragment.AppendChild(document.CreateTextNode(text.Data[at..]));
            text.Parent!.ReplaceChild(fragment, text);
        }
    }
}

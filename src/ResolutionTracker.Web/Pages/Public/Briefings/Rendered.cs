using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Caching.Memory;
using ResolutionTracker.Web.Briefings;
using ResolutionTracker.Web.Formatting;

namespace ResolutionTracker.Web.Pages.Public.Briefings;

// Published snapshots never change, so what is derived from them is computed once per process: the document
// parsed from its jsonb, its rendered HTML, and each Markdown or plain text rendered and sanitised. Documents
// are keyed by the digest of their content (the database computes it), texts by the text itself; never by a
// row id, so an entry can never go stale (ids restart when a database is reset or restored). Bounded: the
// least recently used entries go first.
public static partial class Rendered
{
    private static readonly MemoryCache Cache = new(new MemoryCacheOptions { SizeLimit = 32 * 1024 * 1024 });

    // The document with this content digest, when this process has parsed it already.
    public static BriefingDocument? Known(string contentHash) =>
        Cache.TryGetValue(("document", contentHash), out BriefingDocument? document) ? document : null;

    public static BriefingDocument Document(string contentHash, string json)
    {
        ArgumentException.ThrowIfNullOrEmpty(contentHash);
        ArgumentNullException.ThrowIfNull(json);
        return Cache.GetOrCreate(("document", contentHash), entry =>
        {
            entry.Size = json.Length;
            return BriefingDocument.FromJson(json);
        })!;
    }

    public static string Description(string contentHash, BriefingDocument document) =>
        Cache.GetOrCreate(("description", contentHash), entry =>
        {
            var text = DocumentText.Description(document);
            entry.Size = text.Length;
            return text;
        })!;

    // The whole document as HTML (the _BriefingDocument partial, which depends on the document only), rendered
    // on the first request for this content and written out as one string afterwards, without the template's
    // indentation (a sixth of the page).
    public static async Task<IHtmlContent> DocumentHtmlAsync(string contentHash, Func<Task<IHtmlContent>> render)
    {
        ArgumentNullException.ThrowIfNull(render);
        if (Cache.TryGetValue(("html", contentHash), out HtmlString? html))
            return html!;
        html = new HtmlString(Unindent(Write(await render())));
        Cache.Set(("html", contentHash), html, new MemoryCacheEntryOptions { Size = html.Value!.Length });
        return html;
    }

    public static IHtmlContent Markdown(string? markdown)
    {
        return string.IsNullOrWhiteSpace(markdown) ? HtmlString.Empty : Memo("markdown", markdown, Formatting.Markdown.Render);
    }

    // Plain text with UN symbols and web addresses linked (SymbolText), memoised the same way.
    public static IHtmlContent Text(string? text) => Memo("text", text, SymbolText.Render);

    public static IHtmlContent Paragraphs(string? text) => Memo("paragraphs", text, SymbolText.RenderParagraphs);

    private static HtmlString Memo(string kind, string? text, Func<string?, IHtmlContent> render)
    {
        if (string.IsNullOrEmpty(text))
            return HtmlString.Empty;
        return Cache.GetOrCreate((kind, text), entry =>
        {
            var html = new HtmlString(Write(render(text)));
            entry.Size = text.Length + (html.Value?.Length ?? 0);
            return html;
        })!;
    }

    // Every run of white space that starts a line becomes that line break alone. Outside preformatted text a
    // browser shows any run of white space as one space, so the page looks the same; preformatted text (a
    // Markdown code block) keeps its spaces, so HTML that has any is left whole.
    internal static string Unindent(string html) =>
        html.Contains("<pre", StringComparison.OrdinalIgnoreCase) || html.Contains("<textarea", StringComparison.OrdinalIgnoreCase)
            ? html
            : Indentation().Replace(html, "\n");

    [GeneratedRegex(@"\n[ \t\r\n]*")]
    private static partial Regex Indentation();

    private static string Write(IHtmlContent content)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        content.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }
}

using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Caching.Memory;
using ResolutionTracker.Web.Briefings;
using ResolutionTracker.Web.Pages.Shared;

namespace ResolutionTracker.Web.Pages.Public.Briefings;

// Published snapshots never change, so what is derived from them is computed once per process: the
// document parsed from its jsonb and each Markdown text rendered and sanitised. Both are keyed by the text
// itself, not an id, so an entry can never go stale (ids restart when a database is reset or restored). Markdown rendering with sanitising is most of the cost of a
// briefing page that is not in the output cache. Bounded, least recently used entries go first.
public static class Rendered
{
    private static readonly MemoryCache Cache = new(new MemoryCacheOptions { SizeLimit = 16 * 1024 * 1024 });

    public static BriefingDocument Document(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Cache.GetOrCreate(("document", json), entry =>
        {
            entry.Size = json.Length;
            return BriefingDocument.FromJson(json);
        })!;
    }

    public static IHtmlContent Markdown(string? markdown)
    {
        return string.IsNullOrWhiteSpace(markdown) ? HtmlString.Empty : Memo("markdown", markdown, Pages.Shared.Markdown.Render);
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
            var html = new HtmlString(Render(render(text)));
            entry.Size = text.Length + (html.Value?.Length ?? 0);
            return html;
        })!;
    }

    private static string Render(IHtmlContent content)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        content.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }
}

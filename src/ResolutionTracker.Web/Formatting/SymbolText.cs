using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;
using ResolutionTracker.Text.Symbols;

namespace ResolutionTracker.Web.Formatting;

// The one place free text becomes HTML: encoded, with every UN document symbol linked to the UN's
// document system and every web address made a link.
public static partial class SymbolText
{
    public static IHtmlContent Render(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return HtmlString.Empty;
        var html = new HtmlContentBuilder();
        AppendLinked(html, text);
        return html;
    }

    // One known symbol (e.g. a citation's), linked whether or not it has the usual shape.
    public static IHtmlContent Link(string? symbol)
    {
        if (string.IsNullOrWhiteSpace(symbol))
            return HtmlString.Empty;
        var encoder = HtmlEncoder.Default;
        var trimmed = symbol.Trim();
        return new HtmlString($"<a href=\"{encoder.Encode(SymbolRecognizer.ToUrl(trimmed))}\" class=\"un-symbol\">{encoder.Encode(trimmed)}</a>");
    }

    // Blank lines separate paragraphs; single line breaks stay line breaks.
    public static IHtmlContent RenderParagraphs(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return HtmlString.Empty;
        var html = new HtmlContentBuilder();
        var blocks = BlankLines().Split(text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim());
        foreach (var block in blocks)
        {
            html.AppendHtml("<p>");
            var lines = block.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0)
                    html.AppendHtml("<br>");
                AppendLinked(html, lines[i]);
            }
            html.AppendHtml("</p>");
        }
        return html;
    }

    private static void AppendLinked(HtmlContentBuilder html, string text)
    {
        var links = new List<(int Start, int Length, string Href, string Text, bool IsSymbol)>();
        foreach (Match url in WebAddress().Matches(text))
        {
            var value = TrimTrailingPunctuation(url.Value);
            links.Add((url.Index, value.Length, value, value, false));
        }
        foreach (var symbol in SymbolRecognizer.FindAll(text))
            links.Add((symbol.Start, symbol.Length, SymbolRecognizer.ToUrl(symbol.Symbol), text.Substring(symbol.Start, symbol.Length), true));

        var position = 0;
        foreach (var link in links.OrderBy(l => l.Start))
        {
            // A symbol inside an address belongs to the address.
            if (link.Start < position)
                continue;
            html.Append(text[position..link.Start]);
            var encoder = HtmlEncoder.Default;
            if (link.IsSymbol)
                html.AppendHtml($"<a href=\"{encoder.Encode(link.Href)}\" class=\"un-symbol\">{encoder.Encode(link.Text)}</a>");
            else
                html.AppendHtml($"<a href=\"{encoder.Encode(link.Href)}\" rel=\"noopener\">{encoder.Encode(link.Text)}</a>");
            position = link.Start + link.Length;
        }
        html.Append(text[position..]);
    }

    // A sentence's full stop or a closing bracket that was not opened in the address is not part of it.
    private static string TrimTrailingPunctuation(string url)
    {
        while (url.Length > 0)
        {
            var last = url[^1];
            if (".,;:!?'\"".Contains(last, StringComparison.Ordinal))
            {
                url = url[..^1];
                continue;
            }
            if (last == ')' && url.Count(c => c == ')') > url.Count(c => c == '('))
            {
                url = url[..^1];
                continue;
            }
            break;
        }
        return url;
    }

    [GeneratedRegex(@"https?://[^\s<>""]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WebAddress();

    [GeneratedRegex(@"\n[ \t]*\n\s*")]
    private static partial Regex BlankLines();
}

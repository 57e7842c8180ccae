using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using ResolutionTracker.Web.Formatting;

namespace ResolutionTracker.Web.Search;

// A ts_headline result as safe HTML: the text between FullText.Start and FullText.Stop becomes <mark>,
// everything else is encoded (and UN symbols linked) by SymbolText, piece by piece, so nothing in the
// stored text can open a tag.
public static class Snippet
{
    // linkSymbols: false where the snippet sits inside a link already (a result's title).
    public static IHtmlContent Render(string? headline, bool linkSymbols = true)
    {
        if (string.IsNullOrEmpty(headline))
            return HtmlString.Empty;
        var html = new HtmlContentBuilder();
        var marked = false;
        var start = 0;
        for (var i = 0; i <= headline.Length; i++)
        {
            var end = i == headline.Length;
            if (!end && headline[i] != FullText.Start && headline[i] != FullText.Stop)
                continue;
            Append(html, headline[start..i], marked, linkSymbols);
            if (!end)
                marked = headline[i] == FullText.Start;
            start = i + 1;
        }
        return html;
    }

    private static void Append(HtmlContentBuilder html, string piece, bool marked, bool linkSymbols)
    {
        if (piece.Length == 0)
            return;
        var text = piece.Replace(FullText.LessThan, '<');
        IHtmlContent content = linkSymbols ? SymbolText.Render(text) : new StringHtmlContent(text);
        if (marked)
            html.AppendHtml("<mark>").AppendHtml(content).AppendHtml("</mark>");
        else
            html.AppendHtml(content);
    }
}

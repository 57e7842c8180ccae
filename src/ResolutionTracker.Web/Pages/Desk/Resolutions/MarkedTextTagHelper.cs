using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Razor.TagHelpers;
using ResolutionTracker.Web.Formatting;

namespace ResolutionTracker.Web.Pages.Desk.Resolutions;

// <marked-text text="@p.Text" spans="@p.Spans" />: the paragraph text with the quoted spans (QuoteSpans) in <mark>.
// Every piece goes through SymbolText, so symbols stay linked, and the text content stays exactly the paragraph's
// text, which annotate.js counts offsets in.
[HtmlTargetElement("marked-text", TagStructure = TagStructure.WithoutEndTag)]
public sealed class MarkedTextTagHelper : TagHelper
{
    public string Text { get; set; } = "";

    public IReadOnlyList<(int Start, int End)> Spans { get; set; } = [];

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.TagName = null;
        if (Spans.Count == 0)
        {
            output.Content.SetHtmlContent(SymbolText.Render(Text));
            return;
        }
        var html = new HtmlContentBuilder();
        var position = 0;
        foreach (var (start, end) in Spans)
        {
            html.AppendHtml(SymbolText.Render(Text[position..start]));
            html.AppendHtml("<mark class=\"note-mark\">");
            html.AppendHtml(SymbolText.Render(Text[start..end]));
            html.AppendHtml("</mark>");
            position = end;
        }
        html.AppendHtml(SymbolText.Render(Text[position..]));
        output.Content.SetHtmlContent(html);
    }
}

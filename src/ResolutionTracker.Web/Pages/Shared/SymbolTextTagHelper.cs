using Microsoft.AspNetCore.Razor.TagHelpers;
using ResolutionTracker.Web.Formatting;

namespace ResolutionTracker.Web.Pages.Shared;

// <symbol-text text="@Model.Summary" /> or <symbol-text text="@Model.Body" paragraphs="true" />
[HtmlTargetElement("symbol-text", TagStructure = TagStructure.WithoutEndTag)]
public sealed class SymbolTextTagHelper : TagHelper
{
    public string? Text { get; set; }

    public bool Paragraphs { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.TagName = null;
        output.Content.SetHtmlContent(Paragraphs ? SymbolText.RenderParagraphs(Text) : SymbolText.Render(Text));
    }
}

using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace ResolutionTracker.Web.Exports;

// Renders a Razor partial to a string inside the current page's context (routing, tag helpers and all),
// so the PDF prints the same partial the public page shows.
public static class PartialRenderer
{
    public static async Task<string> RenderAsync<TModel>(PageModel page, string path, TModel model)
    {
        ArgumentNullException.ThrowIfNull(page);
        var engine = page.HttpContext.RequestServices.GetRequiredService<IRazorViewEngine>();
        var found = engine.GetView(executingFilePath: null, viewPath: path, isMainPage: false);
        if (!found.Success)
            throw new InvalidOperationException($"The view {path} was not found.");
        await using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var viewData = new ViewDataDictionary<TModel>(new EmptyModelMetadataProvider(), new ModelStateDictionary()) { Model = model };
        var context = new ViewContext(page.PageContext, found.View, viewData, page.TempData, writer, new HtmlHelperOptions());
        await found.View.RenderAsync(context);
        return writer.ToString();
    }
}

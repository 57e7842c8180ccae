using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;
using ResolutionTracker.Web.Briefings;
using ResolutionTracker.Web.Data;
using ResolutionTracker.Web.Exports;

namespace ResolutionTracker.Web.Pages.Public.Exports;

// /briefings/{slug}/briefing.pdf and /briefings/{slug}/v/{n}/briefing.pdf: the briefing partial of the public
// page, printed by headless Chromium (see PdfPrinter for why). When the server has no Chromium the page
// answers 503 with a message saying how to turn PDF on, and offers the page and the Word file instead.
public class BriefingPdfModel(AppDbContext db, PdfPrinter printer, IWebHostEnvironment environment) : PageModel
{
    public const string ContentType = "application/pdf";

    public string PageUrl { get; private set; } = "/";
    public string DocxUrl { get; private set; } = "/";

    public async Task<IActionResult> OnGetAsync(string slug, int? n, CancellationToken cancellationToken)
    {
        var published = await PublishedBriefings.FindAsync(db, slug, n, cancellationToken);
        if (published is null)
            return NotFound();
        PageUrl = ExportHttp.BriefingPath(published.Document.Slug, n);
        DocxUrl = PageUrl + "/briefing.docx";
        if (!printer.IsConfigured)
            return Unavailable();

        var etag = ExportHttp.ETag("pdf", published);
        ExportHttp.SetCaching(Response, versioned: n is not null);
        if (ExportHttp.IsNotModified(Request, etag))
        {
            Response.Headers.ETag = etag.ToString();
            return StatusCode(StatusCodes.Status304NotModified);
        }

        var site = ExportHttp.SiteUrl(Request);
        var view = new PrintView(published.Document, Styles(), site.AbsoluteUri, new Uri(site, PageUrl.TrimStart('/')).AbsoluteUri);
        var html = await PartialRenderer.RenderAsync(this, "/Pages/Public/Exports/_BriefingPrint.cshtml", view);
        byte[] pdf;
        try
        {
            pdf = await printer.PrintAsync(html, new PrintOptions(published.Document.Title), cancellationToken);
        }
        catch (PdfUnavailableException)
        {
            return Unavailable();
        }
        return new FileContentResult(pdf, ContentType)
        {
            FileDownloadName = published.Document.Slug + ".pdf",
            LastModified = published.PublishedAt,
            EntityTag = etag,
        };
    }

    private PageResult Unavailable()
    {
        Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    // The site's own style sheets, inlined: the browser prints offline. Bootstrap and site.css as in the layout,
    // then the briefing's style sheets (css/briefing*.css) as the public page includes them.
    private string Styles()
    {
        var files = environment.WebRootFileProvider;
        var paths = new List<string> { "lib/bootstrap/dist/css/bootstrap.min.css", "css/site.css" };
        paths.AddRange(files.GetDirectoryContents("css")
            .Where(f => !f.IsDirectory && f.Name.StartsWith("briefing", StringComparison.Ordinal) && f.Name.EndsWith(".css", StringComparison.Ordinal))
            .Select(f => "css/" + f.Name)
            .Order(StringComparer.Ordinal));
        var css = new System.Text.StringBuilder();
        foreach (var path in paths)
        {
            var file = files.GetFileInfo(path);
            if (!file.Exists)
                continue;
            using var reader = new StreamReader(file.CreateReadStream());
            css.AppendLine(reader.ReadToEnd().Replace("</", "<\\/", StringComparison.Ordinal));
        }
        return css.ToString();
    }

    public sealed record PrintView(BriefingDocument Document, string Styles, string BaseUrl, string PageUrl);
}

using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Web.Data;
using ResolutionTracker.Web.Infrastructure;
using ResolutionTracker.Web.Pages.Public.Briefings;
using ResolutionTracker.Web.Pages.Shared;
using ResolutionTracker.Web.Resolutions;

namespace ResolutionTracker.Web.Pages.Public;

// Every public page a search engine should know (sitemaps.org protocol 0.9): the fixed pages, each
// resolution and organisation, and each briefing at its latest address and at every published version.
[OutputCache(PolicyName = PublicCache.PolicyName)]
public sealed class SitemapModel(AppDbContext db) : PageModel
{
    public const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var resolutions = await db.Resolutions.AsNoTracking().OrderBy(r => r.Symbol).Select(r => r.Symbol).ToListAsync(cancellationToken);
        var organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.Slug).Select(o => o.Slug).ToListAsync(cancellationToken);
        var versions = await PublishedBriefing.VersionsAsync(db, cancellationToken);

        var root = SiteRoot.Of(Request);
        var urls = new List<(string Path, DateTimeOffset? Modified)>
        {
            ("/", versions.Count == 0 ? null : versions.Max(v => v.PublishedAt)),
            ("/about", null),
            ("/resolutions", null),
            ("/organisations", null),
        };
        urls.AddRange(resolutions.Select(s => (ResolutionLinks.PublicPath(s), (DateTimeOffset?)null)));
        urls.AddRange(organisations.Select(s => ("/organisations/" + Uri.EscapeDataString(s), (DateTimeOffset?)null)));
        foreach (var briefing in versions.GroupBy(v => v.Slug, StringComparer.Ordinal))
        {
            urls.Add((Briefings.DetailModel.LatestPath(briefing.Key), briefing.Max(v => v.PublishedAt)));
            urls.AddRange(briefing.Select(v => (Briefings.DetailModel.VersionPath(v.Slug, v.Number), (DateTimeOffset?)v.PublishedAt)));
        }

        var output = new StringBuilder();
        using (var xml = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8, Async = false }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("urlset", Namespace);
            foreach (var (path, modified) in urls)
            {
                xml.WriteStartElement("url", Namespace);
                xml.WriteElementString("loc", Namespace, root + path);
                if (modified is { } m)
                    xml.WriteElementString("lastmod", Namespace, m.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        // StringBuilder output declares utf-16; the response is UTF-8.
        return Content(output.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal), "application/xml; charset=utf-8");
    }
}

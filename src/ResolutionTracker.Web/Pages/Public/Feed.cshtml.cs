using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using ResolutionTracker.Web.Data;
using ResolutionTracker.Web.Infrastructure;
using ResolutionTracker.Web.Pages.Public.Briefings;
using ResolutionTracker.Web.Pages.Shared;

namespace ResolutionTracker.Web.Pages.Public;

// An Atom feed (RFC 4287) of published briefings, newest first, one entry per briefing at its latest
// version. The entry id is the briefing's permanent address, so a new version updates the entry
// instead of adding one.
[OutputCache(PolicyName = PublicCache.PolicyName)]
public sealed class FeedModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public const string Atom = "http://www.w3.org/2005/Atom";
    private const int MaxEntries = 50;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var briefings = (await PublishedBriefing.LatestAsync(db, cancellationToken)).Take(MaxEntries).ToList();
        var root = SiteRoot.Of(Request);
        // A feed with no entry still needs an updated time; the moment it was built is the honest one.
        var updated = briefings.Count == 0 ? clock.GetUtcNow() : briefings.Max(b => b.PublishedAt);

        var output = new StringBuilder();
        using (var xml = XmlWriter.Create(output, new XmlWriterSettings { Indent = true }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Atom);
            xml.WriteElementString("id", Atom, root + "/feed");
            xml.WriteElementString("title", Atom, "ResolutionTracker: published briefings");
            xml.WriteElementString("subtitle", Atom, "The coalition's briefings on UN resolutions, newest first.");
            xml.WriteElementString("updated", Atom, Time(updated));
            Link(xml, "self", root + "/feed", "application/atom+xml");
            Link(xml, "alternate", root + "/", "text/html");
            xml.WriteStartElement("author", Atom);
            xml.WriteElementString("name", Atom, "ResolutionTracker");
            xml.WriteElementString("uri", Atom, root + "/about");
            xml.WriteEndElement();
            foreach (var b in briefings)
            {
                var url = root + Briefings.DetailModel.LatestPath(b.Slug);
                xml.WriteStartElement("entry", Atom);
                xml.WriteElementString("id", Atom, url);
                xml.WriteElementString("title", Atom, b.Title);
                xml.WriteElementString("published", Atom, Time(b.FirstPublishedAt));
                xml.WriteElementString("updated", Atom, Time(b.PublishedAt));
                Link(xml, "alternate", url, "text/html");
                xml.WriteStartElement("category", Atom);
                xml.WriteAttributeString("term", b.Symbol);
                xml.WriteEndElement();
                var summary = string.IsNullOrWhiteSpace(b.Position)
                    ? $"{DocumentText.Stance(b.Stance)}: the coalition's briefing on {b.Symbol}, {b.ResolutionTitle}."
                    : $"{DocumentText.Stance(b.Stance)}. {DocumentText.Trim(b.Position, 400)}";
                xml.WriteStartElement("summary", Atom);
                xml.WriteAttributeString("type", "text");
                xml.WriteString(summary);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return Content(output.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal), "application/atom+xml; charset=utf-8");
    }

    private static void Link(XmlWriter xml, string rel, string href, string type)
    {
        xml.WriteStartElement("link", Atom);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static string Time(DateTimeOffset moment) =>
        moment.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Resolutions;
using ResolutionTracker.Web.Formatting;

namespace ResolutionTracker.Web.Exports;

// A resolution as Akoma Ntoso (OASIS LegalDocML 3.0), shaped like the UN's own AKN4UN resolutions (see
// ../shared/akn/unxml): <statement name="resolution"> with FRBR identification carrying the symbol, a
// preface with docNumber/docTitle, a preamble (enacting formula, then one container per preambular
// paragraph), and a mainBody of numbered operative paragraphs whose lettered sub-items are list/point.
// Only the latest version's paragraphs are written; a paragraph whose text the app does not hold is left
// out, with an XML comment saying so. eIds follow the AKN naming convention and are unique in the file
// (the schema's eId-statement constraint).
public static class ResolutionAkn
{
    public const string ContentType = "application/xml";
    public static readonly XNamespace Akn = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

    public sealed record Source(Resolution Resolution, ResolutionVersion? Latest, DateOnly Exported);

    public static XDocument Build(Source source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var r = source.Resolution;
        var version = source.Latest;
        var symbol = version?.Symbol ?? r.Symbol;
        var work = WorkDate(r, version);
        var body = BodyCode(r.Body);
        var number = UriSafe(r.Slug);
        var workUri = $"/akn/un/statement/deliberation/{body}/{Date(work.Date)}/{number}/";
        var expressionUri = workUri + "eng@/";
        var exported = Date(source.Exported);

        var paragraphs = version?.Paragraphs.OrderBy(p => p.Position).ToList() ?? [];
        var preambular = paragraphs.Where(p => p.Kind == ParagraphKind.Preambular).ToList();
        var operative = paragraphs.Where(p => p.Kind == ParagraphKind.Operative).ToList();

        var statement = new XElement(Akn + "statement", new XAttribute("name", "resolution"),
            new XElement(Akn + "meta",
                new XElement(Akn + "identification", new XAttribute("source", "#resolutionTracker"),
                    new XElement(Akn + "FRBRWork",
                        Value("FRBRthis", workUri + "!main"),
                        Value("FRBRuri", workUri),
                        new XElement(Akn + "FRBRalias", new XAttribute("value", r.Symbol), new XAttribute("name", "symbol")),
                        new XElement(Akn + "FRBRdate", new XAttribute("date", Date(work.Date)), new XAttribute("name", work.Name)),
                        new XElement(Akn + "FRBRauthor", new XAttribute("href", "#" + body), new XAttribute("as", "#author")),
                        Value("FRBRcountry", "un"),
                        Value("FRBRsubtype", "resolution"),
                        Value("FRBRnumber", r.Symbol),
                        Value("FRBRname", r.Title)),
                    new XElement(Akn + "FRBRExpression",
                        Value("FRBRthis", expressionUri + "!main"),
                        Value("FRBRuri", expressionUri),
                        symbol == r.Symbol ? null : new XElement(Akn + "FRBRalias", new XAttribute("value", symbol), new XAttribute("name", "versionSymbol")),
                        new XElement(Akn + "FRBRdate", new XAttribute("date", Date(version?.Date ?? work.Date)), new XAttribute("name", version?.Label ?? "text")),
                        new XElement(Akn + "FRBRauthor", new XAttribute("href", "#" + body), new XAttribute("as", "#author")),
                        new XElement(Akn + "FRBRlanguage", new XAttribute("language", "eng"))),
                    new XElement(Akn + "FRBRManifestation",
                        Value("FRBRthis", expressionUri + "!main.xml"),
                        Value("FRBRuri", workUri.TrimEnd('/') + "/eng@.xml"),
                        new XElement(Akn + "FRBRdate", new XAttribute("date", exported), new XAttribute("name", "markup")),
                        new XElement(Akn + "FRBRauthor", new XAttribute("href", "#resolutionTracker"), new XAttribute("as", "#editor")))),
                new XElement(Akn + "references", new XAttribute("source", "#resolutionTracker"),
                    Tlc("TLCOrganization", body, "/akn/ontology/organization/un/" + body, Format.Label(r.Body)),
                    Tlc("TLCOrganization", "resolutionTracker", "/akn/ontology/organization/resolutionTracker", "ResolutionTracker"),
                    Tlc("TLCRole", "author", "/akn/ontology/role/un/author", "Author"),
                    Tlc("TLCRole", "editor", "/akn/ontology/role/un/editor", "Editor"),
                    Tlc("TLCConcept", "symbol", "/akn/ontology/reference/un/symbol", "Symbol"),
                    Tlc("TLCTerm", "resolutionTitle", "/akn/ontology/reference/un/resolutionTitle", "Resolution title"))),
            new XElement(Akn + "preface",
                new XElement(Akn + "p",
                    new XElement(Akn + "docNumber", new XAttribute("refersTo", "#symbol"), symbol)),
                new XElement(Akn + "p",
                    new XElement(Akn + "docTitle", new XAttribute("refersTo", "#resolutionTitle"), r.Title)),
                new XElement(Akn + "p",
                    new XElement(Akn + "docAuthority", new XAttribute("refersTo", "#" + body), Format.Label(r.Body)),
                    ", ",
                    new XElement(Akn + "session", new XAttribute("value", r.Session.Number.ToString(CultureInfo.InvariantCulture)),
                        new XAttribute("refersTo", "#" + body), Format.Session(r.Session.Number)),
                    version is null ? null : new XElement(Akn + "docStatus", ", " + version.Label))),
            Preamble(r.Body, preambular),
            MainBody(operative, version));

        return new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XComment(" Exported by ResolutionTracker. Only paragraphs whose text the app holds are included. "),
            new XElement(Akn + "akomaNtoso", new XAttribute("xmlns", Akn.NamespaceName), statement));
    }

    public static byte[] ToBytes(XDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
            document.Save(writer);
        return stream.ToArray();
    }

    private static XElement Preamble(UnBody body, IReadOnlyList<Paragraph> paragraphs)
    {
        // The schema wants at least one child: the enacting formula is always there, as in AKN4UN.
        var preamble = new XElement(Akn + "preamble",
            new XElement(Akn + "formula", new XAttribute("name", "enactingFormula"), new XAttribute("eId", "formula_1"),
                new XElement(Akn + "p", $"The {Format.Label(body)},")));
        foreach (var p in paragraphs)
        {
            var eId = Id("preamble__container", p.Number);
            if (p.Source == TextSource.NotImported)
            {
                preamble.Add(new XComment($" {p.Reference()}: text not held by the app "));
                continue;
            }
            var container = new XElement(Akn + "container",
                new XAttribute("name", OpeningWord(p.Text)),
                new XAttribute("eId", eId),
                p.Source == TextSource.Quoted ? new XAttribute("status", "incomplete") : null,
                P(p.Text));
            if (p.Source == TextSource.Quoted)
                preamble.Add(new XComment($" {p.Reference()}: only the words quoted in a published document "));
            preamble.Add(container);
            foreach (var item in p.SubItems.OrderBy(s => s.Position))
                container.Add(P($"{item.Label} {item.Text}"));
        }
        return preamble;
    }

    private static XElement MainBody(IReadOnlyList<Paragraph> paragraphs, ResolutionVersion? version)
    {
        var main = new XElement(Akn + "mainBody");
        var written = 0;
        foreach (var p in paragraphs)
        {
            var eId = Id("para", p.Number);
            if (p.Source == TextSource.NotImported)
            {
                main.Add(new XComment($" {p.Reference()}: text not held by the app "));
                continue;
            }
            if (p.Source == TextSource.Quoted)
                main.Add(new XComment($" {p.Reference()}: only the words quoted in a published document "));
            var paragraph = new XElement(Akn + "paragraph", new XAttribute("eId", eId),
                new XElement(Akn + "num", Num(p.Number)));
            var items = p.SubItems.OrderBy(s => s.Position).ToList();
            if (items.Count == 0)
                paragraph.Add(new XElement(Akn + "content", P(p.Text)));
            else
                paragraph.Add(List(eId + "__list_1", p.Text, items, 0, 1));
            main.Add(paragraph);
            written++;
        }
        // The schema wants at least one child in mainBody; say plainly that no operative text is held.
        if (written == 0)
        {
            main.Add(new XElement(Akn + "paragraph", new XAttribute("eId", "para_none"),
                new XElement(Akn + "content",
                    new XElement(Akn + "p", version is null
                        ? "No text of this resolution is held by the app."
                        : $"The operative paragraphs of {version.Symbol ?? version.Label} are not held by the app."))));
        }
        return main;
    }

    // Items are flat with a level (1..3): each run of deeper items nests inside the item before it.
    private static XElement List(string eId, string intro, IReadOnlyList<ParagraphSubItem> items, int start, int level)
    {
        var list = new XElement(Akn + "list", new XAttribute("eId", eId),
            new XElement(Akn + "intro", P(intro)));
        var i = start;
        while (i < items.Count && items[i].Level >= level)
        {
            var item = items[i];
            var pointId = $"{eId}__point_{PointLabel(item.Label, i)}";
            var deeper = i + 1 < items.Count && items[i + 1].Level > level;
            var point = new XElement(Akn + "point", new XAttribute("eId", pointId), new XElement(Akn + "num", item.Label));
            if (deeper)
            {
                point.Add(List(pointId + "__list_1", item.Text, items, i + 1, level + 1));
                i++;
                while (i < items.Count && items[i].Level > level)
                    i++;
            }
            else
            {
                point.Add(new XElement(Akn + "content", P(item.Text)));
                i++;
            }
            list.Add(point);
        }
        return list;
    }

    private static XElement P(string text) => new(Akn + "p", text);

    private static XElement Value(string name, string value) => new(Akn + name, new XAttribute("value", value));

    private static XElement Tlc(string kind, string eId, string href, string showAs) =>
        new(Akn + kind, new XAttribute("eId", eId), new XAttribute("href", href), new XAttribute("showAs", showAs));

    private static string Id(string prefix, int number) => string.Create(CultureInfo.InvariantCulture, $"{prefix}_{number}");

    private static string Num(int number) => string.Create(CultureInfo.InvariantCulture, $"{number}.");

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // "(a)" -> "a", "(ii)" -> "ii"; anything odd falls back to the position so eIds stay unique and valid.
    private static string PointLabel(string label, int index)
    {
        var core = new string(label.Where(char.IsAsciiLetterOrDigit).ToArray()).ToLowerInvariant();
        return core.Length > 0 ? core + "_" + (index + 1).ToString(CultureInfo.InvariantCulture) : (index + 1).ToString(CultureInfo.InvariantCulture);
    }

    // AKN4UN names a preambular container after its opening words ("Recalling", "Guided").
    private static string OpeningWord(string text)
    {
        var word = new string(text.TrimStart('.', '…', ' ').TakeWhile(char.IsLetter).ToArray());
        return word.Length > 0 ? word : "preambularParagraph";
    }

    private static string UriSafe(string slug) => Uri.EscapeDataString(slug);

    // The Work's date: adoption when adopted, else the first version's date, else the session's opening.
    private static (DateOnly Date, string Name) WorkDate(Resolution r, ResolutionVersion? latest)
    {
        if (r.AdoptedOn is { } adopted)
            return (adopted, "adoption");
        var first = r.Versions.Where(v => v.Date is not null).OrderBy(v => v.Sequence).FirstOrDefault();
        if (first?.Date is { } drafted)
            return (drafted, "draft");
        if (latest?.Date is { } latestDate)
            return (latestDate, "draft");
        if (r.Session.OpenedOn is { } opened)
            return (opened, "sessionOpening");
        return (new DateOnly(1, 1, 1), "unknown");
    }

    private static string BodyCode(UnBody body) => body switch
    {
        UnBody.HumanRightsCouncil => "unga-hrc",
        UnBody.GeneralAssembly => "unga",
        UnBody.ThirdCommittee => "unga-c3",
        UnBody.SecurityCouncil => "unsc",
        UnBody.EconomicAndSocialCouncil => "ecosoc",
        UnBody.CommissionOnHumanRights => "ecosoc-chr",
        _ => "un",
    };
}

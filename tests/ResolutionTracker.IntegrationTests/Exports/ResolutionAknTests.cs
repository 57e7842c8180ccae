using System.Net;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.IntegrationTests.Fixture;

namespace ResolutionTracker.IntegrationTests.Exports;

public class ResolutionAknTests(AppFactory app) : AppTest(app)
{
    private static readonly XNamespace Akn = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

    // The OASIS LegalDocML 3.0 schema (OS, 2018) and the W3C xml.xsd it imports, copied into Schemas/.
    private static readonly Lazy<XmlSchemaSet> Schema = new(() =>
    {
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        set.Add(Akn.NamespaceName, Path.Combine(AppContext.BaseDirectory, "Schemas", "akomantoso30.xsd"));
        set.Compile();
        return set;
    });

    private static List<string> Validate(XDocument document)
    {
        var problems = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = Schema.Value };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity} line {e.Exception?.LineNumber}: {e.Message}");
        using var reader = XmlReader.Create(new StringReader(document.ToString()), settings);
        while (reader.Read())
        {
        }
        return problems;
    }

    private static async Task<XDocument> ExportAsync(HttpClient client, string symbol)
    {
        using var response = await client.GetAsync(new Uri("/akn/" + symbol, UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.OK, $"the export of {symbol} should succeed");
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/xml");
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Every_demo_resolution_exports_to_akoma_ntoso_that_the_official_schema_accepts()
    {
        await App.SeedDemoAsync();
        var symbols = await App.QueryAsync(db => db.Resolutions.Select(r => r.Symbol).ToListAsync());
        symbols.Should().HaveCountGreaterThanOrEqualTo(3);
        var client = App.CreateClient();

        foreach (var symbol in symbols)
        {
            var xml = await ExportAsync(client, symbol);

            Validate(xml).Should().BeEmpty($"{symbol} should validate");
            var eIds = xml.Descendants().Attributes("eId").Select(a => a.Value).ToList();
            eIds.Should().OnlyHaveUniqueItems();
            var work = xml.Descendants(Akn + "FRBRWork").Single();
            work.Element(Akn + "FRBRalias")!.Attribute("value")!.Value.Should().Be(symbol);
            work.Element(Akn + "FRBRnumber")!.Attribute("value")!.Value.Should().Be(symbol);
            xml.Root!.Element(Akn + "statement")!.Attribute("name")!.Value.Should().Be("resolution");
        }
    }

    [Fact]
    public async Task The_fictional_resolution_has_its_latest_paragraphs_numbered_with_sub_items_as_points()
    {
        await App.SeedDemoAsync();
        var latest = await App.QueryAsync(db => db.Versions
            .Where(v => v.Resolution.Symbol == "A/HRC/99/L.1")
            .OrderByDescending(v => v.Sequence)
            .Select(v => new
            {
                v.Symbol,
                Preambular = v.Paragraphs.Count(p => p.Kind == ParagraphKind.Preambular),
                Operative = v.Paragraphs.Where(p => p.Kind == ParagraphKind.Operative).OrderBy(p => p.Number)
                    .Select(p => new { p.Number, p.Text, Items = p.SubItems.Count }).ToList(),
            })
            .FirstAsync());

        var xml = await ExportAsync(App.CreateClient(), "A/HRC/99/L.1");

        xml.Descendants(Akn + "preface").Single().Descendants(Akn + "docNumber").Single().Value.Should().Be(latest.Symbol);
        xml.Descendants(Akn + "preamble").Single().Elements(Akn + "container").Should().HaveCount(latest.Preambular);
        var paragraphs = xml.Descendants(Akn + "mainBody").Single().Elements(Akn + "paragraph").ToList();
        paragraphs.Select(p => p.Element(Akn + "num")!.Value).Should().Equal(latest.Operative.Select(p => $"{p.Number}."));
        var withItems = latest.Operative.First(p => p.Items > 0);
        var listed = paragraphs.Single(p => p.Attribute("eId")!.Value == $"para_{withItems.Number}");
        listed.Element(Akn + "list")!.Element(Akn + "intro")!.Value.Should().Be(withItems.Text);
        listed.Descendants(Akn + "point").Should().HaveCount(withItems.Items);
    }

    [Fact]
    public async Task Paragraphs_whose_text_is_not_held_are_left_out_with_a_comment()
    {
        await App.SeedDemoAsync();

        var xml = await ExportAsync(App.CreateClient(), Demo.L31);

        // L.31 holds pp.3, pp.4 and pp.8 without text and the words of pp.11 the annex quotes.
        var containers = xml.Descendants(Akn + "preamble").Single().Elements(Akn + "container").ToList();
        containers.Should().ContainSingle().Which.Attribute("eId")!.Value.Should().Be("preamble__container_11");
        containers[0].Value.Should().Contain(Demo.Pp11Words);
        var comments = xml.DescendantNodes().OfType<XComment>().Select(c => c.Value).ToList();
        comments.Should().Contain(c => c.Contains("pp.3: text not held", StringComparison.Ordinal));
        comments.Should().Contain(c => c.Contains("pp.8: text not held", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_schema_check_catches_a_duplicate_eid()
    {
        await App.SeedDemoAsync();
        var xml = await ExportAsync(App.CreateClient(), "A/HRC/99/L.1");
        var paragraphs = xml.Descendants(Akn + "mainBody").Single().Elements(Akn + "paragraph").ToList();
        paragraphs[1].SetAttributeValue("eId", paragraphs[0].Attribute("eId")!.Value);

        Validate(xml).Should().Contain(p => p.Contains("eId", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_public_resolution_page_links_to_its_export()
    {
        await App.SeedDemoAsync();

        var page = await App.CreateClient().GetDocumentAsync("/resolutions/" + Demo.L31);

        page.QuerySelector("a[href='/akn/A/HRC/43/L.31']")!.TextContent.Should().Be("Akoma Ntoso XML");
    }

    [Fact]
    public async Task Unknown_symbols_are_not_found()
    {
        await App.SeedDemoAsync();
        var client = App.CreateClient();

        (await client.GetStatusAsync("/akn/A/HRC/1/L.999")).Should().Be(HttpStatusCode.NotFound);
        (await client.GetStatusAsync("/akn/")).Should().Be(HttpStatusCode.NotFound);
        (await client.GetStatusAsync("/akn/" + new string('A', 300))).Should().Be(HttpStatusCode.NotFound);
    }
}

using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using ResolutionTracker.IntegrationTests.Fixture;

namespace ResolutionTracker.IntegrationTests.Exports;

public class BriefingDocxTests(AppFactory app) : AppTest(app)
{
    private const string Url = "/briefings/" + ExportFacts.Slug + "/briefing.docx";

    private async Task<(HttpResponseMessage Response, byte[] Bytes)> DownloadAsync(string url = Url)
    {
        await App.SeedDemoAsync();
        var response = await App.CreateClient().GetAsync(new Uri(url, UriKind.Relative));
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    private static List<(string Style, string Text, Paragraph Paragraph)> Paragraphs(WordprocessingDocument word) =>
        word.MainDocumentPart!.Document!.Body!.Elements<Paragraph>()
            .Select(p => (p.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? "Normal", TextOf(p), p))
            .ToList();

    // The words of a paragraph without its footnote markers (and the commas between them).
    private static string TextOf(Paragraph paragraph) =>
        string.Concat(paragraph.Descendants<Run>()
            .Where(r => r.RunProperties?.RunStyle?.Val?.Value != "FootnoteReference")
            .Select(r => r.InnerText));

    [Fact]
    public async Task The_demo_briefing_downloads_as_a_valid_word_document_named_after_its_slug()
    {
        var (response, bytes) = await DownloadAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        response.Content.Headers.ContentDisposition!.FileNameStar.Should().Be(ExportFacts.Slug + ".docx");
        response.Headers.ETag.Should().NotBeNull();

        using var word = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator().Validate(word).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        errors.Should().BeEmpty();
        var document = await ExportFacts.PublishedDocumentAsync(App);
        word.PackageProperties.Title.Should().Be(document.Title);
        var section = word.MainDocumentPart!.Document!.Body!.GetFirstChild<SectionProperties>()
            ?? word.MainDocumentPart.Document.Body.Elements<SectionProperties>().Single();
        section.GetFirstChild<PageSize>()!.Width!.Value.Should().Be(11906u, "the page is A4");
        section.GetFirstChild<PageSize>()!.Height!.Value.Should().Be(16838u);
    }

    [Fact]
    public async Task Headings_are_those_of_the_page_in_order()
    {
        var (_, bytes) = await DownloadAsync();
        using var word = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var paragraphs = Paragraphs(word);
        var document = await ExportFacts.PublishedDocumentAsync(App);

        paragraphs.Single(p => p.Style == "Title").Text.Should().Be(document.Title);
        paragraphs.Where(p => p.Style == "Heading1").Select(p => p.Text).Should()
            .Equal("Our position: Oppose", "Introduction", "Key concerns", "Recommendations", "Signed by");
        paragraphs.Where(p => p.Style == "Heading2").Select(p => p.Text).Should()
            .Equal(Demo.ConcernHeadings.Select((h, i) => $"{i + 1}. {h}"));

        // The position, the introduction and the quoted words of pp.11 are there, the quote as a Quote paragraph.
        paragraphs.Should().Contain(p => p.Text == document.Position);
        paragraphs.Should().Contain(p => p.Style == "Quote" && p.Text.Contains(Demo.Pp11Words, StringComparison.Ordinal));
        paragraphs.Should().Contain(p => p.Style == "QuoteReference" && p.Text == "A/HRC/43/L.31, pp.11");
        paragraphs.Where(p => p.Style == "ListParagraph").Select(p => p.Text).Should()
            .Contain(document.Recommendations.Select(r => r.Text));
    }

    [Fact]
    public async Task Every_note_is_a_real_footnote_referenced_exactly_once_where_the_page_puts_its_marker()
    {
        var (_, bytes) = await DownloadAsync();
        using var word = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var document = await ExportFacts.PublishedDocumentAsync(App);

        var footnotes = word.MainDocumentPart!.FootnotesPart!.Footnotes!.Elements<Footnote>()
            .Where(f => f.Id!.Value > 0)
            .ToList();
        footnotes.Should().HaveCount(7);
        document.Notes.Should().HaveCount(7);
        foreach (var note in document.Notes)
        {
            var footnote = footnotes.Single(f => f.Id!.Value == note.Number);
            footnote.InnerText.Should().Contain(note.Text);
            footnote.Descendants<FootnoteReferenceMark>().Should().ContainSingle();
        }

        var references = word.MainDocumentPart.Document!.Body!.Descendants<FootnoteReference>()
            .Select(r => (int)r.Id!.Value)
            .ToList();
        references.Should().BeEquivalentTo(Enumerable.Range(1, 7), o => o.WithStrictOrdering(), "each note is referenced once, in reading order");

        // Word numbers footnotes by position, so note 1 (the signatories) must come first: it hangs on the first
        // "Our organisations" of the position; a concern's notes hang on its heading, as on the page.
        var paragraphs = Paragraphs(word);
        var position = paragraphs.Single(p => p.Text == document.Position).Paragraph;
        NotesIn(position).Should().Equal(document.NoteNumbers);
        var marker = position.Descendants<FootnoteReference>().First().Parent!;
        marker.PreviousSibling()!.InnerText.Should().EndWith("Our organisations");
        var concernHeadings = paragraphs.Where(p => p.Style == "Heading2").ToList();
        for (var i = 0; i < document.Concerns.Count; i++)
            NotesIn(concernHeadings[i].Paragraph).Should().Equal(document.Concerns[i].NoteNumbers);

        // A citation's web address is a hyperlink inside the footnote.
        var cited = document.Notes.First(n => n.Citations.Any(c => c.Url is not null));
        var citedFootnote = footnotes.Single(f => f.Id!.Value == cited.Number);
        var relationship = citedFootnote.Descendants<Hyperlink>().Select(h => h.Id!.Value!).First(id =>
            word.MainDocumentPart.FootnotesPart.HyperlinkRelationships.Single(r => r.Id == id).Uri.AbsoluteUri
                == new Uri(cited.Citations.First(c => c.Url is not null).Url!).AbsoluteUri);
        relationship.Should().NotBeNull();
    }

    private static List<int> NotesIn(Paragraph paragraph) =>
        paragraph.Descendants<FootnoteReference>().Select(r => (int)r.Id!.Value).ToList();

    [Fact]
    public async Task Signatories_are_listed_in_signing_order()
    {
        var (_, bytes) = await DownloadAsync();
        using var word = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var document = await ExportFacts.PublishedDocumentAsync(App);
        var paragraphs = Paragraphs(word);

        var after = paragraphs.SkipWhile(p => p.Text != "Signed by").Skip(1).TakeWhile(p => p.Style == "ListParagraph").Select(p => p.Text).ToList();
        after.Should().HaveCount(16);
        after.Should().Equal(document.Signatories.Select(s => s.ShortName is { } shortName ? $"{s.Name} ({shortName})" : s.Name));
    }

    [Fact]
    public async Task A_numbered_snapshot_has_its_own_address_and_unknown_ones_are_not_found()
    {
        var (response, _) = await DownloadAsync("/briefings/" + ExportFacts.Slug + "/v/1/briefing.docx");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.CacheControl!.MaxAge.Should().NotBeNull();

        var client = App.CreateClient();
        (await client.GetStatusAsync("/briefings/" + ExportFacts.Slug + "/v/9/briefing.docx")).Should().Be(HttpStatusCode.NotFound);
        (await client.GetStatusAsync("/briefings/no-such-briefing/briefing.docx")).Should().Be(HttpStatusCode.NotFound);
        (await client.GetStatusAsync("/briefings/no-such-briefing/v/1/briefing.docx")).Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_browser_holding_the_current_file_gets_not_modified()
    {
        var (response, _) = await DownloadAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, Url);
        request.Headers.IfNoneMatch.Add(response.Headers.ETag!);

        using var again = await App.CreateClient().SendAsync(request);

        again.StatusCode.Should().Be(HttpStatusCode.NotModified);
    }
}

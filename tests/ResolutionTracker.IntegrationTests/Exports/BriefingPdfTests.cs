using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using ResolutionTracker.IntegrationTests.Fixture;
using ResolutionTracker.Web.Exports;
using UglyToad.PdfPig;

namespace ResolutionTracker.IntegrationTests.Exports;

public class BriefingPdfTests(AppFactory app) : AppTest(app)
{
    private const string Url = "/briefings/" + ExportFacts.Slug + "/briefing.pdf";

    private WebApplicationFactory<Program> WithChromium(string path) =>
        App.WithWebHostBuilder(builder => builder.UseSetting("Pdf:ChromiumPath", path));

    private static string Words(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join(' ', document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
    }

    [Fact]
    public async Task The_pdf_has_the_headings_concerns_signatories_and_notes_of_the_page()
    {
        // Chromium is installed here and in CI (.ci/run); a machine without it is covered by the 503 test below.
        if (!File.Exists(ExportFacts.ChromiumPath))
            return;
        await App.SeedDemoAsync();
        using var factory = WithChromium(ExportFacts.ChromiumPath);
        using var response = await factory.CreateClient().GetAsync(new Uri(Url, UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK, System.Text.Encoding.UTF8.GetString(bytes.AsSpan(0, Math.Min(bytes.Length, 2000))));
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        response.Content.Headers.ContentDisposition!.FileNameStar.Should().Be(ExportFacts.Slug + ".pdf");
        var text = Words(bytes);
        var document = await ExportFacts.PublishedDocumentAsync(App);

        text.Should().Contain(Flat(document.Title));
        foreach (var heading in new[] { "Our position: Oppose", "Introduction", "Key concerns", "Recommendations", "Signed by", "Notes" })
            text.Should().Contain(heading);
        // The quoted paragraph prints beside a concern, so its words may interleave with a wrapped heading's.
        foreach (var heading in Demo.ConcernHeadings)
            InOrder(text, heading).Should().BeTrue($"the heading “{heading}” should be printed");
        text.Should().Contain("Human Rights Watch");
        // A footnote's text, and pp.11's quoted words beside the concern about it.
        text.Should().Contain("adopted as orally revised at the Council's 54th meeting on 23 March 2018");
        InOrder(text, Demo.Pp11Words).Should().BeTrue("the quoted words of pp.11 are printed beside their concern");
        // Site chrome is not printed.
        text.Should().NotContain("Sign in");
    }

    [Fact]
    public async Task Without_chromium_the_pdf_answers_503_with_a_clear_message_not_an_error()
    {
        await App.SeedDemoAsync();
        using var factory = WithChromium("/nonexistent/chromium");
        var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri(Url, UriKind.Relative));
        var page = await response.ParseAsync();

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        page.QuerySelector("h1")!.TextContent.Should().Be("PDF export unavailable");
        page.Body!.TextContent.Should().Contain(PdfPrinter.NotConfiguredMessage);
        page.QuerySelector($"a[href='/briefings/{ExportFacts.Slug}/briefing.docx']").Should().NotBeNull("the Word file is offered instead");
        (await client.GetStatusAsync("/briefings/no-such-briefing/briefing.pdf")).Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Unknown_briefings_and_snapshots_are_not_found()
    {
        await App.SeedDemoAsync();
        var client = App.CreateClient();

        (await client.GetStatusAsync("/briefings/no-such-briefing/briefing.pdf")).Should().Be(HttpStatusCode.NotFound);
        (await client.GetStatusAsync("/briefings/" + ExportFacts.Slug + "/v/9/briefing.pdf")).Should().Be(HttpStatusCode.NotFound);
        (await client.GetStatusAsync("/briefings/no-such-briefing/v/1/briefing.pdf")).Should().Be(HttpStatusCode.NotFound);
    }

    private static bool InOrder(string text, string phrase)
    {
        var words = text.Split(' ').Select(w => w.TrimEnd(',', '.', ';', ':')).ToArray();
        var wanted = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.TrimEnd(',', '.', ';', ':')).ToArray();
        for (var start = 0; start < words.Length; start++)
        {
            if (words[start] != wanted[0])
                continue;
            var found = 1;
            for (var i = start + 1; i < Math.Min(words.Length, start + (wanted.Length * 4)) && found < wanted.Length; i++)
            {
                if (words[i] == wanted[found])
                    found++;
            }
            if (found == wanted.Length)
                return true;
        }
        return false;
    }

    // Curly quotes and apostrophes come out of the PDF as they went in; only spacing is normalised.
    private static string Flat(string text) => string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}

using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Resolutions;
using ResolutionTracker.IntegrationTests.Fixture;
using ResolutionTracker.IntegrationTests.Pages.Desk.Resolutions;
using ResolutionTracker.Text.Parsing;

namespace ResolutionTracker.IntegrationTests.Resolutions;

// Issue 4's round trip: parse a UN text, save it to PostgreSQL, read it back, render it in the UN layout,
// parse that again: the paragraphs, their numbers and sub-items come out the same.
public class SaveRoundTripTests(AppFactory app) : AppTest(app)
{
    [Theory]
    [InlineData("hrc_draft_A_HRC_99_L_7.txt")]
    [InlineData("third_committee_A_C_3_99_L_21.txt")]
    [InlineData("hrc_adopted_A_HRC_RES_98_12.txt")]
    [InlineData("long_A_99_L_77.txt")]
    public async Task Parse_save_render_and_parse_again_gives_the_same_paragraphs(string fixture)
    {
        var first = UnTextParser.Parse(await File.ReadAllTextAsync(ImportTests.Fixture("UnText", fixture)));
        var symbol = first.Symbol!;

        await App.ExecuteAsync(db =>
        {
            var session = new Session(UnBody.HumanRightsCouncil, first.Session ?? 99);
            var resolution = new Resolution(symbol, first.Title ?? "Untitled", UnBody.HumanRightsCouncil, session);
            var version = resolution.AddVersion("Imported", VersionKind.Draft, null, TextCompleteness.Complete, symbol);
            foreach (var (kind, paragraphs) in new[] { (ParagraphKind.Preambular, first.Preambular), (ParagraphKind.Operative, first.Operative) })
            {
                foreach (var p in paragraphs)
                {
                    var saved = version.AddParagraph(kind, p.Number, p.Text, TextSource.Imported);
                    foreach (var item in p.SubItems)
                        saved.AddSubItem(item.Label, item.Text, item.Level);
                }
            }
            db.Resolutions.Add(resolution);
            return Task.CompletedTask;
        });

        var stored = await App.QueryAsync(db => db.Paragraphs.AsNoTracking()
            .Where(p => p.Version.Resolution.Symbol == symbol)
            .OrderBy(p => p.Position)
            .Select(p => new { p.Kind, p.Number, p.Text, Items = p.SubItems.OrderBy(i => i.Position).Select(i => new ParsedSubItem(i.Label, i.Text, i.Level)).ToList() })
            .ToListAsync());
        var fromDatabase = first with
        {
            Preambular = stored.Where(p => p.Kind == ParagraphKind.Preambular).Select(p => new ParsedParagraph(p.Number, p.Text, p.Items)).ToList(),
            Operative = stored.Where(p => p.Kind == ParagraphKind.Operative).Select(p => new ParsedParagraph(p.Number, p.Text, p.Items)).ToList(),
        };

        var second = UnTextParser.Parse(UnTextRenderer.Render(fromDatabase));

        second.Preambular.Should().BeEquivalentTo(first.Preambular, o => o.WithStrictOrdering());
        second.Operative.Should().BeEquivalentTo(first.Operative, o => o.WithStrictOrdering());
        second.Symbol.Should().Be(first.Symbol);
        second.Title.Should().Be(first.Title);
    }
}

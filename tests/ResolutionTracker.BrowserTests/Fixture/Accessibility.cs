using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ResolutionTracker.BrowserTests.Fixture;

// The bar our pages meet (style.md, rule 12): axe finds nothing serious or critical. Minor and moderate findings are
// left to review.
public static class Accessibility
{
    private const int HtmlShown = 160;

    // One line per element axe objects to: where we were, the rule, what it asks for, the element, and axe's page on it.
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(this IPage page, string where)
    {
        var result = await page.RunAxe();
        return result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .SelectMany(v => v.Nodes.Select(n =>
                $"{where}: {v.Id} ({v.Impact}): {v.Help} at {n.Target} {Shorten(n.Html)} - {v.HelpUrl.Split('?')[0]}"))
            .ToList();
    }

    public static async Task ExpectNoSeriousViolationsAsync(this IPage page, string where) =>
        ExpectNone(await page.SeriousViolationsAsync(where), where);

    // One finding a line. A collection's BeEmpty would show only the first, and the rest are usually the same fix.
    public static void ExpectNone(IEnumerable<string> violations, string where)
    {
        var seriousOrCriticalViolations = string.Join(Environment.NewLine, violations);
        seriousOrCriticalViolations.Should().BeEmpty("axe should find none on {0}", where);
    }

    private static string Shorten(string? html)
    {
        var line = (html ?? "").ReplaceLineEndings(" ");
        return line.Length <= HtmlShown ? line : line[..HtmlShown] + "…";
    }
}

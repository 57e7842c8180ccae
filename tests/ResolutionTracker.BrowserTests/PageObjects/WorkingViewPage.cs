using System.Globalization;
using Microsoft.Playwright;
using ResolutionTracker.BrowserTests.Fixture;

namespace ResolutionTracker.BrowserTests.PageObjects;

// /desk/resolutions/{id}: a resolution's text, paragraph by paragraph, with the notes in the margin.
public sealed class WorkingViewPage(IPage page)
{
    public static async Task<WorkingViewPage> OpenAsync(IPage page, int resolutionId)
    {
        await page.GoAsync($"/desk/resolutions/{resolutionId.ToString(CultureInfo.InvariantCulture)}");
        return new WorkingViewPage(page);
    }

    public ILocator Confirmation => page.Locator(".alert-success");
    public ILocator MarginNoteBody(string paragraph) => Margin(paragraph).Locator(".note-body");
    public ILocator MarginNoteQuote(string paragraph) => Margin(paragraph).Locator(".note-quote");
    public ILocator Highlight(string paragraph) => page.Locator($"li.para#{paragraph} .para-text mark");
    public AnnotateForm AnnotateFormFor(string paragraph) => new(page, page.Locator($"form.annotate-form[data-for='{paragraph}']"));

    public async Task<ConcernFormPage> DraftConcernAboutAsync(string paragraph)
    {
        await page.Locator($"li.para#{paragraph}").GetByRole(AriaRole.Link, new() { Name = "Draft a concern about" }).ClickAsync();
        return new ConcernFormPage(page);
    }

    // Presses the mouse on the first letter of the words and releases it on the last, as a person selecting them would.
    public async Task SelectWithMouseAsync(string paragraph, string words)
    {
        var text = page.Locator($"[data-annotate='{paragraph}']");
        await text.ScrollIntoViewIfNeededAsync();
        var box = await text.EvaluateAsync<double[]>(
            """
            (root, words) => {
              const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
              let node, seen = '';
              const nodes = [];
              while ((node = walker.nextNode())) { nodes.push([node, seen.length]); seen += node.data; }
              const start = seen.indexOf(words), end = start + words.length - 1;
              const at = (i) => { for (let k = nodes.length - 1; k >= 0; k--) if (nodes[k][1] <= i) return [nodes[k][0], i - nodes[k][1]]; };
              const rect = (i) => { const [n, o] = at(i); const r = document.createRange(); r.setStart(n, o); r.setEnd(n, o + 1); return r.getBoundingClientRect(); };
              const a = rect(start), b = rect(end);
              return [a.left + 1, a.top + a.height / 2, b.right - 1, b.top + b.height / 2];
            }
            """, words);
        await page.Mouse.MoveAsync((float)box[0], (float)box[1]);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync((float)box[2], (float)box[3], new() { Steps = 8 });
        await page.Mouse.UpAsync();
    }

    private ILocator Margin(string paragraph) => page.Locator($"li.para#{paragraph} .para-margin");

    // The form beside a paragraph that the selection script fills with the quoted words and their context.
    public sealed class AnnotateForm(IPage page, ILocator form)
    {
        public ILocator Quote => form.Locator("[data-role='quote']");
        public ILocator Exact => form.Locator("[data-role='exact']");
        public ILocator Prefix => form.Locator("[data-role='prefix']");

        public Task WriteNoteAsync(string note) => form.Locator("[data-role='body']").FillAsync(note);

        public async Task SaveNoteAsync()
        {
            await form.GetByRole(AriaRole.Button, new() { Name = "Save note" }).ClickAsync();
            await page.WaitForLoadStateAsync();
        }
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ResolutionTracker.BrowserTests.Fixture;
using ResolutionTracker.IntegrationTests.Fixture;
using ResolutionTracker.Web.Data;
using ResolutionTracker.Web.Data.Seeding;
using Xunit.Abstractions;

namespace ResolutionTracker.BrowserTests.Journeys;

[CollectionDefinition(nameof(JourneyGroup))]
public sealed class JourneyGroup : ICollectionFixture<JourneyApp>;

// Like BrowserApp, but the demo is seeded with its accounts (admin, lead and staff @demo.local), so people can sign in,
// in a database of its own.
public sealed class JourneyApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public JourneyApp()
    {
        DatabaseName = TestDatabase.NameFor("journey");
        ConnectionString = TestDatabase.ConnectionStringFor(DatabaseName);
        UseKestrel(0);
    }

    public string DatabaseName { get; }
    public string ConnectionString { get; }
    public Uri BaseAddress { get; private set; } = null!;
    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser starts in InitializeAsync.");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Default", ConnectionString);
        builder.UseStaticWebAssets();
    }

    public async Task InitializeAsync()
    {
        await TestDatabase.RecreateAsync(DatabaseName);
        await TestDatabase.MigrateAsync(ConnectionString);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));

        await using (var scope = Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(includeDemoAccounts: true);

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("RT_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        return await context.NewPageAsync();
    }

    public async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
        await DisposeAsync();
        await TestDatabase.DropAsync(DatabaseName);
    }
}

// The whole workflow in Chromium, as the people who do it: staff annotates and drafts, the lead sends back, staff
// fixes, the lead sees what changed and approves.
[Collection(nameof(JourneyGroup))]
public sealed class ConcernReviewJourneyTests(JourneyApp app, ITestOutputHelper output)
{
    private const string Fictional = "A/HRC/99/L.1";
    private const string Quoted = "free access to information";
    private const string Note = "Journey note: does “free” here mean free of charge, or free of censorship?";
    private const string Heading = "Journey: free access is promised without saying who pays";
    private const string Summary = "The paragraph recognises free access but no operative paragraph funds it.";
    private const string Body = "The text **recognises** free access.\n\n- It does not say who pays.\n- It does not say *when*.";
    private const string FootnoteText = "See the predecessor resolution on the same subject.";
    private const string FootnoteSymbol = "A/HRC/RES/37/23";
    private const string Comment = "Please name the operative paragraph that should fund it.";
    private const string FixedBody = "The text **recognises** free access, yet OP 2 of Rev.1 only encourages States to consider funding.\n\n- It leaves the cost to States.\n- It does not say *when*.";

    private int _step;

    [Fact]
    public async Task Staff_annotates_and_submits_lead_sends_back_staff_fixes_lead_approves()
    {
        var resolutionId = await app.QueryAsync(db => db.Resolutions.Where(r => r.Symbol == Fictional).Select(r => r.Id).SingleAsync());
        var page = await app.NewPageAsync();

        // Staff: sign in, open the working view, select words in pp.3 with the mouse and annotate them.
        await SignInAsync(page, DemoSeeder.StaffEmail);
        await GoAsync(page, $"/desk/resolutions/{resolutionId}");
        await ShotAsync(page, "working-view");
        await AxeAsync(page, "working view");

        var text = page.Locator("[data-annotate='pp3']");
        await SelectWithMouseAsync(page, text, Quoted);
        var form = page.Locator("form.annotate-form[data-for='pp3']");
        await Assertions.Expect(form.Locator("[data-role='quote']")).ToHaveValueAsync(Quoted);
        await Assertions.Expect(form.Locator("[data-role='exact']")).ToHaveValueAsync(Quoted);
        (await form.Locator("[data-role='prefix']").InputValueAsync()).Should().EndWith("without discrimination, ");
        await form.Locator("[data-role='body']").FillAsync(Note);
        await ShotAsync(page, "annotate-selection");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save note" }).ClickAsync();
        await page.WaitForLoadStateAsync();

        var margin = page.Locator("li.para#pp3 .para-margin");
        await Assertions.Expect(margin.Locator(".note-body")).ToContainTextAsync("Journey note");
        await Assertions.Expect(margin.Locator(".note-quote")).ToContainTextAsync(Quoted);
        await Assertions.Expect(page.Locator("li.para#pp3 .para-text mark")).ToContainTextAsync(Quoted);
        await ShotAsync(page, "note-in-margin");

        // Draft a concern about that paragraph.
        await page.Locator("li.para#pp3").GetByRole(AriaRole.Link, new() { Name = "Draft a concern about" }).ClickAsync();
        await page.Locator("#Input_Heading").FillAsync(Heading);
        await page.Locator("#Input_Summary").FillAsync(Summary);
        await page.Locator("#Input_Body").FillAsync(Body);
        (await page.Locator("input[type=checkbox][name='Input.ParagraphIds']:checked").CountAsync()).Should().Be(1, "the paragraph from the link is ticked");
        await ShotAsync(page, "draft-concern");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(Heading);
        var concernPath = new Uri(page.Url).AbsolutePath;
        var concernId = int.Parse(concernPath.Split('/')[^1], CultureInfo.InvariantCulture);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Draft");
        (await page.Locator("main strong").AllInnerTextsAsync()).Should().Contain("recognises", "the Markdown body is rendered");

        // A footnote citing a symbol.
        await page.GetByRole(AriaRole.Link, new() { Name = "Footnotes (0)" }).ClickAsync();
        var add = page.Locator("section.footnote-add");
        await add.GetByLabel("Text").FillAsync(FootnoteText);
        await add.GetByLabel("Cited document symbols").FillAsync(FootnoteSymbol);
        await add.GetByRole(AriaRole.Button, new() { Name = "Add footnote" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(FootnoteText);
        await ShotAsync(page, "footnote");

        // The edit page, checked for accessibility while we are here.
        await GoAsync(page, $"/desk/concerns/{concernId}/edit");
        await AxeAsync(page, "concern edit page");

        await GoAsync(page, concernPath);
        await Assertions.Expect(page.Locator($"a.un-symbol[href$='{FootnoteSymbol}']").First).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("In review");
        await ShotAsync(page, "submitted");
        await SignOutAsync(page);

        // Lead: the review queue, the concern, send it back with a comment.
        await SignInAsync(page, DemoSeeder.LeadEmail);
        await GoAsync(page, "/desk/review");
        await ShotAsync(page, "review-queue");
        await page.GetByRole(AriaRole.Link, new() { Name = Heading }).ClickAsync();
        await Assertions.Expect(page.Locator("#changes-heading")).ToHaveTextAsync("First submission");
        await ShotAsync(page, "review-first");
        await page.GetByLabel("Comment for the author").FillAsync(Comment);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send back to the author" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/desk/review$"));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("back to its author");
        await ShotAsync(page, "sent-back");
        await SignOutAsync(page);

        // Staff: the comment and the state on the desk; fix the concern and submit it again.
        await SignInAsync(page, DemoSeeder.StaffEmail);
        await GoAsync(page, "/desk");
        var sentBack = page.Locator("section[aria-labelledby='sent-back-heading']");
        await Assertions.Expect(sentBack).ToContainTextAsync(Heading);
        await Assertions.Expect(sentBack).ToContainTextAsync(Comment);
        await Assertions.Expect(sentBack).ToContainTextAsync("Sent back");
        await ShotAsync(page, "desk-sent-back");
        await sentBack.GetByRole(AriaRole.Link, new() { Name = Heading }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(Comment);
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit", Exact = true }).ClickAsync();
        await page.Locator("#Input_Body").FillAsync(FixedBody);
        await ShotAsync(page, "edit");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(Heading);
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("In review");
        await SignOutAsync(page);

        // Lead: the word-level diff against the revision they sent back, then approve.
        await SignInAsync(page, DemoSeeder.LeadEmail);
        await GoAsync(page, $"/desk/review/{concernId}");
        await Assertions.Expect(page.Locator("#changes-heading")).ToContainTextAsync("What changed since revision 1");
        var inserted = string.Join(" ", await page.Locator(".review-diff ins").AllInnerTextsAsync());
        inserted.Should().Contain("OP").And.Contain("consider", "the words the author added are marked as inserted");
        var deleted = string.Join(" ", await page.Locator(".review-diff del").AllInnerTextsAsync());
        deleted.Should().Contain("who").And.Contain("pays", "the words the author replaced are marked as deleted");
        await ShotAsync(page, "review-diff");
        await AxeAsync(page, "review page");
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve revision 2" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Approved revision 2");
        await ShotAsync(page, "approved");
        await SignOutAsync(page);

        // Staff: it is approved.
        await SignInAsync(page, DemoSeeder.StaffEmail);
        await GoAsync(page, concernPath);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Approved");
        await ShotAsync(page, "staff-sees-approved");

        var state = await app.QueryAsync(db => db.Concerns.Where(c => c.Id == concernId).Select(c => new { c.State, c.ApprovedRevisionNumber }).SingleAsync());
        state.State.Should().Be(ResolutionTracker.Domain.ConcernState.Approved);
        state.ApprovedRevisionNumber.Should().Be(2);
    }

    private static async Task GoAsync(IPage page, string path)
    {
        var response = await page.GotoAsync(path);
        response.Should().NotBeNull();
        response!.Status.Should().Be(200, $"GET {path} should succeed");
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await GoAsync(page, "/account/sign-in");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(DemoSeeder.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }

    private static async Task SignOutAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
    }

    // Presses the mouse on the first letter of the words and releases it on the last, as a person selecting them would.
    private static async Task SelectWithMouseAsync(IPage page, ILocator text, string words)
    {
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

    private async Task ShotAsync(IPage page, string step)
    {
        _step++;
        var path = await BrowserApp.SaveScreenshotAsync(page, $"journey-{_step.ToString("00", CultureInfo.InvariantCulture)}-{step}");
        output.WriteLine(path);
    }

    private static async Task AxeAsync(IPage page, string what)
    {
        var result = await page.RunAxe();
        result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{what}: {v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}")
            .Should().BeEmpty();
    }
}

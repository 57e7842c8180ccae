using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ResolutionTracker.BrowserTests.PageObjects;
using ResolutionTracker.IntegrationTests.Fixture;
using ResolutionTracker.Web.Data;
using ResolutionTracker.Web.Data.Seeding;

namespace ResolutionTracker.BrowserTests.Fixture;

// Every browser test shares one app, one database and one browser. The tests in a collection run one after another,
// so each leaves records that only it looks for (its own headings, slugs and symbols).
[CollectionDefinition(nameof(BrowserGroup))]
public sealed class BrowserGroup : ICollectionFixture<BrowserApp>;

// The app on a real port (Kestrel at 127.0.0.1), with the demo data and its accounts (admin, lead and staff
// @demo.local) in a PostgreSQL database of its own, and Debian's Chromium driving it.
public sealed class BrowserApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public BrowserApp()
    {
        DatabaseName = TestDatabase.NameFor("browser");
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
        // Outside Development the app does not start without its public address; no test follows an absolute link.
        builder.UseSetting("Site:PublicUrl", "http://127.0.0.1");
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
            // Never a downloaded browser: Debian's chromium, or the one CI names.
            ExecutablePath = Environment.GetEnvironmentVariable("RT_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    // A page in a browser context of its own: its own cookies, so nobody is signed in yet.
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        return await context.NewPageAsync();
    }

    public async Task<IPage> OpenAsync(string path, int width = 1280, int height = 900)
    {
        var page = await NewPageAsync(width, height);
        await page.GoAsync(path);
        return page;
    }

    // Signs in at the default width, where the header shows "Sign out" (a phone's folds it behind the menu button),
    // then takes the size the test asked for.
    public async Task<IPage> SignedInAsync(string role, int width = 1280, int height = 900)
    {
        var page = await NewPageAsync();
        await SignInPage.SignInAsAsync(page, role);
        await page.SetViewportSizeAsync(width, height);
        return page;
    }

    public async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    // .data/screenshots/ at the repository root, where people look for them.
    public static async Task<string> SaveScreenshotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "ResolutionTracker.sln")))
            root = root.Parent;
        var folder = Path.Combine(root?.FullName ?? AppContext.BaseDirectory, ".data", "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
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

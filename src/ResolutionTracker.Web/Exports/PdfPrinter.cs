using Microsoft.Playwright;

namespace ResolutionTracker.Web.Exports;

// Prints HTML to PDF with the server's headless Chromium through Playwright (the package carries its own
// driver; the browser is the system's, never downloaded). Why Chromium rather than a .NET PDF library: the
// briefing's print layout is already HTML and CSS, so the PDF is the page as printed, with the same content,
// links and note markers, and no second layout to keep in step; none of the PDF libraries served here
// renders HTML without a browser.
//
// One browser per app, started on first use and closed on shutdown (the container disposes this singleton);
// each print gets its own context, so prints run side by side, at most MaxConcurrentPrints at a time.
// Configuration: Pdf:ChromiumPath (default /usr/bin/chromium when it exists); an empty value turns PDF off.
public sealed partial class PdfPrinter(IConfiguration configuration, ILogger<PdfPrinter> logger) : IAsyncDisposable
{
    public const string NotConfiguredMessage = "PDF export is not configured on this server: install Chromium and set Pdf__ChromiumPath.";
    public const int MaxConcurrentPrints = 2;
    private const string DefaultChromium = "/usr/bin/chromium";

    private static readonly string[] LaunchArguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage",
    ];

    private readonly SemaphoreSlim _start = new(1, 1);
    private readonly SemaphoreSlim _slots = new(MaxConcurrentPrints, MaxConcurrentPrints);
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private bool _disposed;

    public string? ChromiumPath
    {
        get
        {
            var configured = configuration["Pdf:ChromiumPath"];
            if (configured is not null)
                return string.IsNullOrWhiteSpace(configured) ? null : configured;
            return File.Exists(DefaultChromium) ? DefaultChromium : null;
        }
    }

    public bool IsConfigured => ChromiumPath is { } path && File.Exists(path);

    public async Task<byte[]> PrintAsync(string html, PrintOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(options);
        await _slots.WaitAsync(cancellationToken);
        try
        {
            var browser = await BrowserAsync(cancellationToken);
            await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
            {
                // The HTML is complete (styles inlined): nothing needs fetching, and scripts are not needed.
                JavaScriptEnabled = false,
                Offline = true,
                Locale = "en-GB",
            });
            var page = await context.NewPageAsync();
            await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load, Timeout = 30_000 });
            await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
            return await page.PdfAsync(new PagePdfOptions
            {
                Format = "A4",
                PrintBackground = true,
                PreferCSSPageSize = false,
                Margin = new Margin { Top = "20mm", Bottom = "20mm", Left = "20mm", Right = "20mm" },
                DisplayHeaderFooter = true,
                HeaderTemplate = "<span></span>",
                FooterTemplate = "<div style=\"width:100%;font-size:8px;color:#555;text-align:center;font-family:sans-serif\">"
                    + System.Net.WebUtility.HtmlEncode(options.FooterText)
                    + " · page <span class=\"pageNumber\"></span> of <span class=\"totalPages\"></span></div>",
                Outline = true,
                Tagged = true,
            });
        }
        catch (PlaywrightException ex)
        {
            LogPrintFailed(logger, ex);
            throw new PdfUnavailableException("The PDF could not be printed.", ex);
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task<IBrowser> BrowserAsync(CancellationToken cancellationToken)
    {
        if (_browser is { IsConnected: true } running)
            return running;
        await _start.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_browser is { IsConnected: true } started)
                return started;
            var path = ChromiumPath;
            if (path is null || !File.Exists(path))
                throw new PdfUnavailableException(NotConfiguredMessage);
            if (_browser is not null)
                await _browser.DisposeAsync();
            _playwright ??= await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = path,
                Headless = true,
                Args = LaunchArguments,
                Timeout = 60_000,
            });
            LogStarted(logger, path);
            return _browser;
        }
        catch (PlaywrightException ex)
        {
            LogLaunchFailed(logger, ex);
            throw new PdfUnavailableException(NotConfiguredMessage, ex);
        }
        finally
        {
            _start.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _start.WaitAsync();
        try
        {
            _disposed = true;
            if (_browser is not null)
                await _browser.DisposeAsync();
            _playwright?.Dispose();
            _browser = null;
            _playwright = null;
        }
        finally
        {
            _start.Release();
        }
        _start.Dispose();
        _slots.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Started headless Chromium for PDF exports from {Path}")]
    private static partial void LogStarted(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Headless Chromium could not be started for PDF exports")]
    private static partial void LogLaunchFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "A PDF export failed while printing")]
    private static partial void LogPrintFailed(ILogger logger, Exception exception);
}

public sealed record PrintOptions(string FooterText);

public sealed class PdfUnavailableException : Exception
{
    public PdfUnavailableException() { }
    public PdfUnavailableException(string message) : base(message) { }
    public PdfUnavailableException(string message, Exception innerException) : base(message, innerException) { }
}

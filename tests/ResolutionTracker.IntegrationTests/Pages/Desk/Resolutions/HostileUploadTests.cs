using System.Diagnostics;
using System.Net;
using System.Text;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.IntegrationTests.Fixture;
using ResolutionTracker.Web.Authorization;
using ResolutionTracker.Web.Pages.Desk.Resolutions;
using Xunit.Abstractions;

namespace ResolutionTracker.IntegrationTests.Pages.Desk.Resolutions;

// Files built to hurt the server, uploaded by a signed-in Staff user to a real server: each is refused quickly
// with a message that says why, in a page of ordinary size, without an error in the log and with nothing saved.
// Text that takes longer to read than the read time is sent to a second server whose read time is nothing.
public sealed class HostileUploadTests(AppFactory app, LoggedApp logged, HostileUploadTests.NoReadTime slow, ITestOutputHelper output)
    : AppTest(app), IClassFixture<LoggedApp>, IClassFixture<HostileUploadTests.NoReadTime>
{
    private const string Url = "/desk/resolutions/import";
    private static readonly TimeSpan Quickly = TimeSpan.FromSeconds(15);
    private const int OrdinaryPage = 64 * 1024;

    [Theory]
    [MemberData(nameof(HostileFiles.Names), MemberType = typeof(HostileFiles))]
    public async Task A_hostile_upload_is_refused_quickly_with_a_message_and_nothing_is_saved(string name)
    {
        var hostile = HostileFiles.All[name];
        var bytes = hostile.Make();
        using var client = await SignedInClientAsync(logged);

        var (status, html, elapsed) = await UploadAsync(client, hostile.FileName, bytes);

        output.WriteLine($"{name}: {bytes.Length:N0} bytes uploaded, answered {(int)status} in {elapsed.TotalMilliseconds:N0} ms, {html.Length:N0} characters");
        status.Should().Be(HttpStatusCode.BadRequest);
        html.Length.Should().BeLessThan(OrdinaryPage);
        var page = await new HtmlParser().ParseDocumentAsync(html);
        page.QuerySelector(".import-errors")!.TextContent.Should().Contain(hostile.Message);
        await NothingSavedAndNoErrorLoggedAsync(logged);
    }

    // 20 MB is over the import page's own limit, 30 MB over the server's.
    [Theory]
    [InlineData(20)]
    [InlineData(30)]
    public async Task An_upload_over_the_request_limit_is_answered_413_with_a_page_that_gives_the_limit(int megabytes)
    {
        using var client = await SignedInClientAsync(logged);

        var (status, html, elapsed) = await UploadAsync(client, "huge.docx", new byte[megabytes * 1024 * 1024]);

        output.WriteLine($"{megabytes} MB: answered {(int)status} in {elapsed.TotalMilliseconds:N0} ms, {html.Length:N0} characters");
        status.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        html.Length.Should().BeLessThan(OrdinaryPage);
        var page = await new HtmlParser().ParseDocumentAsync(html);
        page.QuerySelector("h1")!.TextContent.Should().Be("That file is too large");
        page.QuerySelector(".lede")!.TextContent.Should().Contain("5 MB").And.Contain("paste");
        await NothingSavedAndNoErrorLoggedAsync(logged);
    }

    // The text is read in one pass now, so only a read time of nothing makes it take too long.
    [Fact]
    public async Task A_paste_that_takes_longer_than_the_read_time_is_refused_with_a_message_and_nothing_is_saved()
    {
        using var client = await SignedInClientAsync(slow);

        using var response = await ImportTests.PasteAsync(client, HostileFiles.NumberedBlocks(400_000));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        page.QuerySelector(".import-errors")!.TextContent.Should().Contain("Reading the pasted text took longer than 0 seconds")
            .And.Contain("Paste only the resolution's text");
        await NothingSavedAndNoErrorLoggedAsync(slow);
    }

    [Fact]
    public async Task A_txt_file_that_takes_longer_than_the_read_time_is_refused_with_a_message_and_nothing_is_saved()
    {
        using var client = await SignedInClientAsync(slow);

        var (status, html, _) = await UploadAsync(client, "blocks.txt", Encoding.UTF8.GetBytes(HostileFiles.NumberedBlocks(400_000)));

        status.Should().Be(HttpStatusCode.BadRequest);
        html.Length.Should().BeLessThan(OrdinaryPage);
        var page = await new HtmlParser().ParseDocumentAsync(html);
        page.QuerySelector(".import-errors")!.TextContent.Should().Contain("Reading \"blocks.txt\" took longer than 0 seconds");
        await NothingSavedAndNoErrorLoggedAsync(slow);
    }

    public sealed class NoReadTime : LoggedApp
    {
        protected override void Configure(IWebHostBuilder builder) => builder.UseSetting(ImportReader.ReadTimeSetting, "00:00:00");
    }

    private async Task<HttpClient> SignedInClientAsync(LoggedApp server)
    {
        var address = server.Start(App);
        var user = await App.CreateUserAsync(Roles.Staff);
        // A client of its own: the factory's client for a Kestrel server follows redirects.
#pragma warning disable CA2000 // the client owns its handler
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = address, Timeout = Quickly * 2 };
#pragma warning restore CA2000
        (await AppFactory.SignInAsync(client, user.Email!, AppFactory.Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        server.Events.Clear();
        return client;
    }

    private static async Task<(HttpStatusCode Status, string Html, TimeSpan Elapsed)> UploadAsync(HttpClient client, string name, byte[] bytes)
    {
        var clock = Stopwatch.StartNew();
        using var response = await ImportTests.UploadAsync(client, name, bytes);
        var html = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, html, clock.Elapsed);
    }

    private async Task NothingSavedAndNoErrorLoggedAsync(LoggedApp server)
    {
        (await App.QueryAsync(db => db.Resolutions.CountAsync())).Should().Be(0);
        (await App.QueryAsync(db => db.Versions.CountAsync())).Should().Be(0);

        (await server.ErrorsAfterRequestAsync("POST", Url)).Should().BeEmpty();
    }
}

using Microsoft.Playwright;
using Xunit.Sdk;

namespace ResolutionTracker.BrowserTests.Fixture;

// The check every page goes through must fail when it should, and say where and why.
[Collection(nameof(BrowserGroup))]
public sealed class AccessibilityTests(BrowserApp app)
{
    private const string Dot = "data:image/gif;base64,R0lGODlhAQABAAAAACw=";

    [Fact]
    public async Task Serious_violations_fail_the_check_naming_the_page_the_rule_and_the_element_of_each()
    {
        var page = await PageWithAsync($"""<img id="no-alt" src="{Dot}"><a id="empty" href="#no-alt"></a>""");

        var check = () => page.ExpectNoSeriousViolationsAsync("a page with a bare image and an empty link");

        var failure = await check.Should().ThrowAsync<XunitException>();
        failure.Which.Message.Should().Contain("a page with a bare image and an empty link: image-alt (critical)").And.Contain("#no-alt")
            .And.Contain("a page with a bare image and an empty link: link-name (serious)", "every finding is listed, not only the first")
            .And.Contain("#empty");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_page_without_serious_violations_passes_the_check()
    {
        var page = await PageWithAsync($"""<img src="{Dot}" alt="A dot">""");

        (await page.SeriousViolationsAsync("a page with a described image")).Should().BeEmpty();
        await page.Context.CloseAsync();
    }

    // A page that is correct but for what the test puts in its <main>.
    private async Task<IPage> PageWithAsync(string main)
    {
        var page = await app.NewPageAsync();
        await page.SetContentAsync($"""
            <!doctype html>
            <html lang="en"><head><title>Test page</title></head>
            <body><main><h1>Test page</h1>{main}</main></body></html>
            """);
        return page;
    }
}

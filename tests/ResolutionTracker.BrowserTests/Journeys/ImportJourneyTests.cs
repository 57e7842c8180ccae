using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ResolutionTracker.BrowserTests.Fixture;
using ResolutionTracker.Web.Authorization;
using ResolutionTracker.Web.Data;

namespace ResolutionTracker.BrowserTests.Journeys;

// Staff import a draft, correct it, save it, import its revision as a new version and compare the two.
[Collection(nameof(BrowserGroup))]
public sealed class ImportJourneyTests(BrowserApp app)
{
    private const string Password = "Import-Journey-Password-1";

    // Our own text, in the layout PDF extraction gives a Human Rights Council draft.
    private const string Draft = """
        United Nations
        A/HRC/99/L.42

        General Assembly
        Distr.: Limited
        20 March 2099

        Original: English

        Human Rights Council
        Ninety-ninth session
        Agenda item 3
        Promotion and protection of all human rights

        Albania,* Chile and Examplestan: draft resolution

        99/...  Access to public libraries in rural areas

        The Human Rights Council,

        Recalling its resolution 97/11 of 5 October 2097 on access to information,

        Noting with concern that many rural communities have no public library,

        Encourages States to open libraries in every district,

        1.
        Calls upon States to fund public libraries in rural areas:

        (a)
        By setting aside a share of their cultural budgets;

        (b)
        By training librarians;

        2.
        Requests the Secretary-General to report on progress at its one hundred and first session;

        3.
        Decides to remain seized of the matter.
        """;

    private static string Revision => Draft
        .Replace("A/HRC/99/L.42", "A/HRC/99/L.42/Rev.1", StringComparison.Ordinal)
        .Replace("report on progress", "report in writing on progress", StringComparison.Ordinal);

    [Fact]
    public async Task Staff_import_a_draft_correct_it_add_its_revision_and_compare_the_two()
    {
        var email = await CreateStaffAsync();
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();
        await SignInAsync(page, email);

        await page.GotoAsync("/desk/resolutions");
        await page.GetByRole(AriaRole.Link, new() { Name = "Import a text" }).ClickAsync();
        await page.GetByLabel("Text of the resolution").FillAsync(Draft);
        await BrowserApp.SaveScreenshotAsync(page, "import-01-paste");
        await page.GetByRole(AriaRole.Button, new() { Name = "Read the text" }).ClickAsync();

        (await page.Locator(".import-counts").InnerTextAsync()).Should().Be("3 preambular and 3 operative paragraphs");
        (await page.Locator(".import-unmatched").InnerTextAsync()).Should().Contain("Examplestan");
        await BrowserApp.SaveScreenshotAsync(page, "import-02-preview");
        var axe = await page.RunAxe();
        axe.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}")
            .Should().BeEmpty();

        // "Encourages" opens an operative paragraph the draft forgot to number.
        await page.GetByLabel("Kind of pp.3").SelectOptionAsync("Operative");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check again" }).ClickAsync();
        (await page.Locator(".import-counts").InnerTextAsync()).Should().Be("2 preambular and 4 operative paragraphs");
        await page.GetByLabel("Kind of OP 1").ScrollIntoViewIfNeededAsync();
        await BrowserApp.SaveScreenshotAsync(page, "import-03-corrected");

        await page.GetByLabel("a new resolution").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/desk/resolutions/\d+$"));
        (await page.Locator(".alert-success").InnerTextAsync()).Should()
            .StartWith("Imported A/HRC/99/L.42: 2 preambular and 4 operative paragraphs");
        var working = page.Url;
        await BrowserApp.SaveScreenshotAsync(page, "import-04-saved");

        await page.GotoAsync("/desk/resolutions/import");
        await page.GetByLabel("Text of the resolution").FillAsync(Revision);
        await page.GetByRole(AriaRole.Button, new() { Name = "Read the text" }).ClickAsync();
        await page.GetByLabel("Kind of pp.3").SelectOptionAsync("Operative");
        (await page.GetByLabel("a new version of an existing resolution").IsCheckedAsync()).Should().BeTrue();
        (await page.GetByLabel("Version label").InputValueAsync()).Should().Be("L.42/Rev.1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(working);
        (await page.Locator(".alert-success").InnerTextAsync()).Should().StartWith("Added L.42/Rev.1 to A/HRC/99/L.42: 5 kept, 1 changed");
        await BrowserApp.SaveScreenshotAsync(page, "import-05-revision");

        await page.GotoAsync(working + "/compare");
        (await page.Locator("ins", new() { HasText = "in writing" }).CountAsync()).Should().BeGreaterThan(0, "the added words are marked as inserted");
        await BrowserApp.SaveScreenshotAsync(page, "import-06-compare");
        await context.CloseAsync();
    }

    [Fact]
    public async Task The_import_preview_fits_a_phone_screen()
    {
        var email = await CreateStaffAsync();
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 375, Height = 812 },
        });
        var page = await context.NewPageAsync();
        await SignInAsync(page, email);
        await page.GotoAsync("/desk/resolutions/import");
        await page.GetByLabel("Text of the resolution").FillAsync(Draft);
        await page.GetByRole(AriaRole.Button, new() { Name = "Read the text" }).ClickAsync();
        // The click only starts the form's navigation: measure the preview once it and its stylesheets are in.
        await page.Locator("#row-3").WaitForAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);

        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");

        var full = await BrowserApp.SaveScreenshotAsync(page, "import-07-phone");
        // One paragraph's row at phone width, legible without zooming into the whole page.
        await page.Locator("#row-3").ScreenshotAsync(new() { Path = Path.Combine(Path.GetDirectoryName(full)!, "import-08-phone-row.png") });
        scrollWidth.Should().BeLessThanOrEqualTo(375);
        await context.CloseAsync();
    }

    private async Task<string> CreateStaffAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = $"import-{Guid.NewGuid():N}@test.local";
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Import Staff" };
        (await users.CreateAsync(user, Password)).Succeeded.Should().BeTrue();
        (await users.AddToRoleAsync(user, Roles.Staff)).Succeeded.Should().BeTrue();
        return email;
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/sign-in");
        await page.Locator("input[name='Input.Email']").FillAsync(email);
        await page.Locator("input[name='Input.Password']").FillAsync(Password);
        await page.Locator("form:has(input[type=password]) button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));
    }
}

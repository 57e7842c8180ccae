using Microsoft.Playwright;
using ResolutionTracker.BrowserTests.Fixture;
using ResolutionTracker.Web.Authorization;
using ResolutionTracker.Web.Data.Seeding;
using static Microsoft.Playwright.Assertions;

namespace ResolutionTracker.BrowserTests.PageObjects;

// /account/sign-in. The one place a browser test signs in: as a role, through the demo account the seed makes for it.
public sealed class SignInPage(IPage page)
{
    public static string DemoAccountFor(string role) => role switch
    {
        Roles.Admin => DemoSeeder.AdminEmail,
        Roles.CoalitionLead => DemoSeeder.LeadEmail,
        Roles.Staff => DemoSeeder.StaffEmail,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "The demo seeds one account for each role in Roles."),
    };

    public static async Task SignInAsAsync(IPage page, string role)
    {
        var signIn = new SignInPage(page);
        await page.GoAsync("/account/sign-in");
        await signIn.SignInAsync(DemoAccountFor(role), DemoSeeder.DemoPassword);
        await Expect(new SiteHeader(page).SignOut).ToBeVisibleAsync();
    }

    private async Task SignInAsync(string email, string password)
    {
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }
}

using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ResolutionTracker.BrowserTests.PageObjects;

// The header every page shares: who is signed in, and the way out.
public sealed class SiteHeader(IPage page)
{
    public ILocator Header => page.Locator(".site-header");
    public ILocator SignIn => page.GetByRole(AriaRole.Link, new() { Name = "Sign in" });
    public ILocator SignOut => page.GetByRole(AriaRole.Button, new() { Name = "Sign out" });

    public async Task SignOutAsync()
    {
        await SignOut.ClickAsync();
        await Expect(SignIn).ToBeVisibleAsync();
    }
}

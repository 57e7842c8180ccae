using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ResolutionTracker.BrowserTests.Fixture;
using ResolutionTracker.BrowserTests.PageObjects;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Concerns;
using ResolutionTracker.Web.Authorization;
using ResolutionTracker.Web.Data;
using ResolutionTracker.Web.Data.Seeding;
using static Microsoft.Playwright.Assertions;

namespace ResolutionTracker.BrowserTests.Pages.Admin;

// The self-approval setting in Chromium: the Admin's settings page, and what a lead sees of a concern they wrote.
// Each test leaves the shared demo data as it found it: the setting off, the lead's concern withdrawn.
[Collection(nameof(BrowserGroup))]
public sealed class SelfApprovalPagesTests(BrowserApp app)
{
    private const string Heading = "Browser test: a concern the demo lead wrote";

    [Fact]
    public async Task An_admin_turns_self_approval_on_and_off_again_on_an_accessible_settings_page()
    {
        var page = await app.SignedInAsync(Roles.Admin);
        await page.GoAsync("/admin/settings");
        await page.ExpectNoSeriousViolationsAsync("settings page");
        var setting = page.GetByLabel("Allow a lead to approve a concern they wrote");
        var save = page.GetByRole(AriaRole.Button, new() { Name = "Save settings" });

        await setting.CheckAsync();
        await save.ClickAsync();
        await Expect(page.Locator("[role=status]")).ToContainTextAsync("Self-approval is on");
        await Expect(setting).ToBeCheckedAsync();
        await setting.UncheckAsync();
        await save.ClickAsync();

        await Expect(page.Locator("[role=status]")).ToContainTextAsync("Self-approval is off");
        await Expect(setting).Not.ToBeCheckedAsync();
        await Expect(page.Locator(".settings-changes li").First).ToContainTextAsync("turned self-approval off");
        await page.ExpectNoSeriousViolationsAsync("settings page after a change");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_lead_sees_that_their_own_concern_needs_another_reviewer_on_accessible_review_pages()
    {
        var id = await SubmitAsTheDemoLeadAsync();
        try
        {
            var page = await app.SignedInAsync(Roles.CoalitionLead);
            var queue = await ReviewPage.OpenQueueAsync(page);
            await Expect(page.Locator(".review-item").Filter(new() { HasText = Heading })).ToContainTextAsync("Needs another reviewer");
            await page.ExpectNoSeriousViolationsAsync("review queue with the lead's own concern");

            await queue.OpenFromQueueAsync(Heading);

            await Expect(page.Locator(".review-needs-another")).ToContainTextAsync("A concern needs a reviewer other than its author");
            await Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Approve") })).ToHaveCountAsync(0);
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send back to the author" })).ToBeVisibleAsync();
            await page.ExpectNoSeriousViolationsAsync("review page of the lead's own concern");
            await page.Context.CloseAsync();
        }
        finally
        {
            await WithdrawAsync(id);
        }
    }

    private async Task<int> SubmitAsTheDemoLeadAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var lead = await db.Users.Where(u => u.Email == DemoSeeder.LeadEmail).Select(u => u.Id).SingleAsync();
        var resolution = await db.Resolutions.SingleAsync(r => r.Symbol == FictionalCase.Symbol);
        var now = DateTimeOffset.UtcNow;
        var concern = new Concern(resolution, lead, Heading, "A summary.", "An argument.", Severity.Medium, now);
        concern.Submit(new Actor(lead, CanReview: true), now);
        db.Concerns.Add(concern);
        await db.SaveChangesAsync();
        return concern.Id;
    }

    private async Task WithdrawAsync(int id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var concern = await db.Concerns.SingleAsync(c => c.Id == id);
        concern.Withdraw(new Actor(concern.AuthorId, CanReview: true), DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
    }
}

using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain.Audit;
using ResolutionTracker.Domain.Settings;
using ResolutionTracker.IntegrationTests.Fixture;
using ResolutionTracker.Web.Authorization;

namespace ResolutionTracker.IntegrationTests.Pages.Admin;

// The coalition's settings: self-approval is off until an Admin turns it on; each change is confirmed, audited and
// listed; a form that says neither on nor off is a 400, and a second Admin saving from a stale page a 409.
public sealed class SettingsTests(AppFactory app) : AppTest(app)
{
    private const string Url = "/admin/settings";
    private const string Form = "main form[method=post]";
    private const string Field = "Input.SelfApprovalAllowed";

    private static Task<HttpResponseMessage> SaveAsync(HttpClient admin, IHtmlDocument page, bool allowed) =>
        admin.SubmitAsync(page, Url, Form, new Dictionary<string, string> { [Field] = allowed ? "true" : "false" });

    private static bool Ticked(IHtmlDocument page) =>
        page.QuerySelector<IHtmlInputElement>($"input[type=checkbox][name='{Field}']")!.IsChecked;

    private Task<CoalitionSettings?> SavedAsync() => App.QueryAsync(db => db.CoalitionSettings.AsNoTracking().SingleOrDefaultAsync());

    private Task<List<AuditEntry>> AuditAsync() =>
        App.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(CoalitionSettings)).OrderBy(a => a.Id).ToListAsync());

    // Two Admins open the page and the first turns self-approval on; the second, with the page as they opened it, is next.
    private async Task<(HttpClient Second, IHtmlDocument StalePage)> FirstOfTwoAdminsTurnsItOnAsync()
    {
        using var first = await App.CreateClientAsUserAsync(Roles.Admin);
        var second = await App.CreateClientAsUserAsync(Roles.Admin);
        var firstPage = await first.GetDocumentAsync(Url);
        var secondPage = await second.GetDocumentAsync(Url);
        (await SaveAsync(first, firstPage, allowed: true)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        return (second, secondPage);
    }

    [Fact]
    public async Task Self_approval_is_off_until_an_admin_turns_it_on_and_the_page_says_what_it_does()
    {
        using var admin = await App.CreateClientAsUserAsync(Roles.Admin);

        var page = await admin.GetDocumentAsync(Url);

        Ticked(page).Should().BeFalse();
        page.QuerySelector("label[for='Input_SelfApprovalAllowed']")!.TextContent.Should().Contain("approve a concern they wrote");
        var text = string.Join(' ', page.QuerySelector("main")!.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        text.Should().Contain("a concern needs a reviewer other than its author").And.Contain("Nobody has changed these settings");
    }

    [Fact]
    public async Task Turning_self_approval_on_is_saved_confirmed_and_recorded_in_the_audit_trail_with_the_admin()
    {
        var account = await App.CreateUserAsync(Roles.Admin);
        using var admin = App.CreateClient(new() { AllowAutoRedirect = false });
        (await AppFactory.SignInAsync(admin, account.Email!, AppFactory.Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        using var response = await SaveAsync(admin, await admin.GetDocumentAsync(Url), allowed: true);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be(Url);
        (await SavedAsync())!.SelfApprovalAllowed.Should().BeTrue();
        var entry = (await AuditAsync()).Should().ContainSingle().Which;
        entry.Field.Should().Be(nameof(CoalitionSettings.SelfApprovalAllowed));
        entry.NewValue.Should().Be("True");
        entry.ActorId.Should().Be(account.Id);
        var after = await admin.GetDocumentAsync(Url);
        after.QuerySelector("[role=status]")!.TextContent.Should().Contain("Self-approval is on");
        Ticked(after).Should().BeTrue();
        after.QuerySelector(".settings-changes")!.TextContent.Should().Contain("Test Admin").And.Contain("turned self-approval on");
    }

    [Fact]
    public async Task Turning_it_off_again_records_the_old_and_the_new_value()
    {
        using var admin = await App.CreateClientAsUserAsync(Roles.Admin);
        (await SaveAsync(admin, await admin.GetDocumentAsync(Url), allowed: true)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        using var response = await SaveAsync(admin, await admin.GetDocumentAsync(Url), allowed: false);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await SavedAsync())!.SelfApprovalAllowed.Should().BeFalse();
        (await AuditAsync()).Last().Should().Match<AuditEntry>(a =>
            a.Action == AuditAction.Modified && a.OldValue == "True" && a.NewValue == "False");
        var page = await admin.GetDocumentAsync(Url);
        page.QuerySelector("[role=status]")!.TextContent.Should().Contain("Self-approval is off");
        page.QuerySelectorAll(".settings-changes li").Select(li => li.TextContent).Should().SatisfyRespectively(
            newest => newest.Should().Contain("turned self-approval off"),
            oldest => oldest.Should().Contain("turned self-approval on"));
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData("")]
    public async Task A_post_that_says_neither_on_nor_off_is_refused_with_400_and_saves_nothing(string value)
    {
        using var admin = await App.CreateClientAsUserAsync(Roles.Admin);

        using var response = await admin.SubmitAsync(await admin.GetDocumentAsync(Url), Url, Form, new Dictionary<string, string> { [Field] = value });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ParseAsync()).QuerySelector(".alert-danger")!.TextContent.Should().Contain("Nothing was saved");
        (await SavedAsync()).Should().BeNull();
        (await AuditAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task A_post_without_the_setting_is_refused_with_400()
    {
        using var admin = await App.CreateClientAsUserAsync(Roles.Admin);
        var fields = AdminForms.FieldsOf((await admin.GetDocumentAsync(Url)).QuerySelector<IHtmlFormElement>(Form)!);
        fields.Remove(Field);

        using var response = await admin.PostFormAsync(Url, fields);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await SavedAsync()).Should().BeNull();
    }

    [Fact]
    public async Task The_second_of_two_admins_saving_from_the_same_page_gets_409_and_the_first_change_stands()
    {
        await App.ExecuteAsync(db =>
        {
            db.CoalitionSettings.Add(new CoalitionSettings());
            return Task.CompletedTask;
        });
        var (secondAdmin, secondPage) = await FirstOfTwoAdminsTurnsItOnAsync();
        using var second = secondAdmin;

        using var conflict = await SaveAsync(second, secondPage, allowed: false);

        conflict.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var page = await conflict.ParseAsync();
        page.QuerySelector(".alert-danger")!.TextContent.Should().Contain("Someone changed this after you opened the page");
        Ticked(page).Should().BeTrue("the page shows the settings as the first admin saved them");
        (await SavedAsync())!.SelfApprovalAllowed.Should().BeTrue();

        using var again = await SaveAsync(second, page, allowed: false);

        again.StatusCode.Should().Be(HttpStatusCode.Redirect, "saving again from the page as it is now goes through");
        (await SavedAsync())!.SelfApprovalAllowed.Should().BeFalse();
    }

    [Fact]
    public async Task Before_the_first_save_two_admins_from_the_same_page_make_one_record_and_the_second_gets_409()
    {
        var (secondAdmin, secondPage) = await FirstOfTwoAdminsTurnsItOnAsync();
        using var second = secondAdmin;

        using var conflict = await SaveAsync(second, secondPage, allowed: false);

        conflict.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await App.QueryAsync(db => db.CoalitionSettings.CountAsync())).Should().Be(1);
        (await SavedAsync())!.SelfApprovalAllowed.Should().BeTrue();
    }
}

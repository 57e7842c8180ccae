using AngleSharp.Dom;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain.Audit;
using ResolutionTracker.IntegrationTests.Fixture;
using ResolutionTracker.Web.Authorization;
using ResolutionTracker.Web.Data;
using ResolutionTracker.Web.Pages.Admin.Users;

namespace ResolutionTracker.IntegrationTests.Pages.Admin.Users;

public sealed class DetailTests(AppFactory app) : AppTest(app)
{
    private async Task<(HttpClient Client, string Id)> AdminAsync()
    {
        var user = await App.CreateUserAsync(Roles.Admin);
        var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        (await AppFactory.SignInAsync(client, user.Email!, AppFactory.Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        return (client, user.Id);
    }

    private Task<List<string>> RolesOfAsync(string userId) =>
        App.QueryAsync(db => db.UserRoles.Where(ur => ur.UserId == userId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToListAsync());

    private static Task<HttpResponseMessage> ChangeRoleAsync(HttpClient admin, string userId, string role) =>
        admin.SubmitAsync($"/admin/users/{userId}", "form[action*='handler=Role']", new Dictionary<string, string> { ["Input.Role"] = role });

    [Fact]
    public async Task Changing_a_role_is_saved_and_recorded_in_the_audit_trail_with_the_admin_as_actor()
    {
        var (admin, adminId) = await AdminAsync();
        using var _ = admin;
        var staff = await App.CreateUserAsync(Roles.Staff);

        using var response = await ChangeRoleAsync(admin, staff.Id, Roles.CoalitionLead);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await RolesOfAsync(staff.Id)).Should().Equal(Roles.CoalitionLead);
        var entries = await App.QueryAsync(db => db.AuditEntries.Where(e => e.EntityType == "UserRole" && e.RootType == "User" && e.RootId == staff.Id && e.ActorId == adminId).ToListAsync());
        entries.Should().Contain(e => e.Action == AuditAction.Deleted).And.Contain(e => e.Action == AuditAction.Added);
        (await admin.GetDocumentAsync($"/admin/users/{staff.Id}")).QuerySelector(".alert-success")!.TextContent.Should().Contain("Coalition lead");
    }

    [Fact]
    public async Task Changing_a_role_from_a_stale_page_is_a_conflict_and_changes_nothing()
    {
        var (admin, _) = await AdminAsync();
        using var __ = admin;
        var staff = await App.CreateUserAsync(Roles.Staff);
        var stale = await admin.GetDocumentAsync($"/admin/users/{staff.Id}");
        (await ChangeRoleAsync(admin, staff.Id, Roles.Admin)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        using var response = await admin.SubmitAsync(stale, $"/admin/users/{staff.Id}", "form[action*='handler=Role']",
            new Dictionary<string, string> { ["Input.Role"] = Roles.CoalitionLead });

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await response.ParseAsync()).QuerySelector(".conflict-notice").Should().NotBeNull();
        (await RolesOfAsync(staff.Id)).Should().Equal(Roles.Admin);
    }

    [Fact]
    public async Task An_admin_cannot_take_away_their_own_admin_role()
    {
        var (admin, adminId) = await AdminAsync();
        using var _ = admin;
        var token = await admin.AntiforgeryTokenAsync($"/admin/users/{adminId}");

        using var response = await admin.PostFormAsync($"/admin/users/{adminId}?handler=Role", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Role"] = Roles.Staff,
            ["Input.ConcurrencyStamp"] = (await App.QueryAsync(db => db.Users.SingleAsync(u => u.Id == adminId))).ConcurrencyStamp!,
        });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ParseAsync()).QuerySelector(".alert-danger")!.TextContent.Should().Contain(DetailModel.SelfDemotionMessage);
        (await RolesOfAsync(adminId)).Should().Equal(Roles.Admin);
    }

    [Fact]
    public async Task Choosing_a_role_that_does_not_exist_is_refused_with_400()
    {
        var (admin, _) = await AdminAsync();
        using var __ = admin;
        var staff = await App.CreateUserAsync(Roles.Staff);

        using var response = await ChangeRoleAsync(admin, staff.Id, "Root");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await RolesOfAsync(staff.Id)).Should().Equal(Roles.Staff);
    }

    [Fact]
    public async Task A_locked_user_cannot_sign_in_and_can_again_once_unlocked()
    {
        var (admin, adminId) = await AdminAsync();
        using var _ = admin;
        var staff = await App.CreateUserAsync(Roles.Staff);

        using var locked = await admin.SubmitAsync($"/admin/users/{staff.Id}", "form[action*='handler=Lock']");

        locked.StatusCode.Should().Be(HttpStatusCode.Redirect);
        using var attempt = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var refused = await AppFactory.SignInAsync(attempt, staff.Email!, AppFactory.Password);
        refused.StatusCode.Should().NotBe(HttpStatusCode.Redirect);
        (await refused.ParseAsync()).QuerySelector("[role=alert]")!.TextContent.Should().Contain("locked");
        (await App.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == "User" && e.EntityId == staff.Id && e.Field == nameof(ApplicationUser.LockoutEnd) && e.ActorId == adminId)))
            .Should().BeTrue("locking is recorded in the audit trail");
        (await admin.GetDocumentAsync($"/admin/users/{staff.Id}")).QuerySelector(".badge")!.TextContent.Should().Be("Locked by an administrator");

        using var unlocked = await admin.SubmitAsync($"/admin/users/{staff.Id}", "form[action*='handler=Unlock']");

        unlocked.StatusCode.Should().Be(HttpStatusCode.Redirect);
        using var again = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        (await AppFactory.SignInAsync(again, staff.Email!, AppFactory.Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Locking_ends_the_sessions_the_user_already_has()
    {
        var (admin, _) = await AdminAsync();
        using var _a = admin;
        var staff = await App.CreateUserAsync(Roles.Staff);
        var before = (await App.QueryAsync(db => db.Users.SingleAsync(u => u.Id == staff.Id))).SecurityStamp;

        (await admin.SubmitAsync($"/admin/users/{staff.Id}", "form[action*='handler=Lock']")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await App.QueryAsync(db => db.Users.SingleAsync(u => u.Id == staff.Id))).SecurityStamp.Should().NotBe(before,
            "a new security stamp makes the cookie check refuse their open sessions");
    }

    [Fact]
    public async Task An_admin_cannot_lock_themselves_out()
    {
        var (admin, adminId) = await AdminAsync();
        using var _ = admin;
        var token = await admin.AntiforgeryTokenAsync($"/admin/users/{adminId}");

        using var response = await admin.PostFormAsync($"/admin/users/{adminId}?handler=Lock", new Dictionary<string, string> { ["__RequestVerificationToken"] = token });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ParseAsync()).QuerySelector(".alert-danger")!.TextContent.Should().Contain(DetailModel.SelfLockMessage);
        (await App.QueryAsync(db => db.Users.SingleAsync(u => u.Id == adminId))).LockoutEnd.Should().BeNull();
    }

    [Fact]
    public async Task Locking_without_the_antiforgery_token_gives_400()
    {
        var (admin, _) = await AdminAsync();
        using var _a = admin;
        var staff = await App.CreateUserAsync(Roles.Staff);

        using var response = await admin.PostFormAsync($"/admin/users/{staff.Id}?handler=Lock", new Dictionary<string, string>());

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await App.QueryAsync(db => db.Users.SingleAsync(u => u.Id == staff.Id))).LockoutEnd.Should().BeNull();
    }

    [Fact]
    public async Task An_unknown_user_is_404()
    {
        var (admin, _) = await AdminAsync();
        using var _a = admin;

        (await admin.GetStatusAsync("/admin/users/no-such-user")).Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_user_list_shows_each_user_with_role_and_status_and_filters_by_role()
    {
        var (admin, _) = await AdminAsync();
        using var _a = admin;
        var lead = await App.CreateUserAsync(Roles.CoalitionLead);
        await App.CreateUserAsync(Roles.Staff);

        var all = await admin.GetDocumentAsync("/admin/users");
        var leads = await admin.GetDocumentAsync("/admin/users?role=coalitionlead");

        all.QuerySelectorAll("tbody tr").Should().HaveCount(3);
        leads.QuerySelectorAll("tbody tr").Should().ContainSingle().Which.TextContent.Should().Contain(lead.Email!).And.Contain("Coalition lead").And.Contain("Active");
        (await admin.GetStatusAsync("/admin/users?role=root")).Should().Be(HttpStatusCode.BadRequest);
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Organisations;
using ResolutionTracker.IntegrationTests.Fixture;
using ResolutionTracker.Web.Authorization;

namespace ResolutionTracker.IntegrationTests.Pages.Admin;

// Only Admins reach the admin pages; Staff and Coalition leads get 403 on every page and every forged post,
// and nothing changes.
public sealed class AccessTests(AppFactory app) : AppTest(app)
{
    private async Task<(string UserId, int OrganisationId)> TargetsAsync()
    {
        var user = await App.CreateUserAsync(Roles.Staff);
        var organisation = new Organisation("Target Organisation", OrganisationKind.Ngo);
        await App.ExecuteAsync(db =>
        {
            db.Organisations.Add(organisation);
            return Task.CompletedTask;
        });
        return (user.Id, organisation.Id);
    }

    private static IEnumerable<string> Pages(string userId, int organisationId) =>
    [
        "/admin/users",
        "/admin/users/invite",
        $"/admin/users/{userId}",
        "/admin/organisations",
        "/admin/organisations/new",
        $"/admin/organisations/{organisationId}/edit",
        $"/admin/organisations/{organisationId}/delete",
        "/admin/settings",
    ];

    private static IEnumerable<(string Url, Dictionary<string, string> Fields)> Posts(string userId, int organisationId) =>
    [
        ("/admin/users/invite", new() { ["Input.Email"] = "forged@example.org", ["Input.DisplayName"] = "Forged", ["Input.Role"] = Roles.Admin }),
        ($"/admin/users/{userId}?handler=Role", new() { ["Input.Role"] = Roles.Admin, ["Input.ConcurrencyStamp"] = "x" }),
        ($"/admin/users/{userId}?handler=Lock", new()),
        ($"/admin/users/{userId}?handler=Unlock", new()),
        ($"/admin/users/{userId}?handler=Reinvite", new()),
        ("/admin/organisations/new", new() { ["Input.Name"] = "Forged Org", ["Input.Kind"] = "Ngo" }),
        ($"/admin/organisations/{organisationId}/edit", new() { ["Input.Name"] = "Renamed", ["Input.RowVersion"] = "0" }),
        ($"/admin/organisations/{organisationId}/delete", new()),
        ("/admin/settings", new() { ["Input.SelfApprovalAllowed"] = "true", ["Input.RowVersion"] = "0" }),
    ];

    [Theory]
    [InlineData(Roles.Staff)]
    [InlineData(Roles.CoalitionLead)]
    public async Task Every_admin_page_is_forbidden_to(string role)
    {
        var (userId, organisationId) = await TargetsAsync();
        using var client = await App.CreateClientAsUserAsync(role);

        foreach (var url in Pages(userId, organisationId))
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            await AdminForms.ShouldBeForbiddenAsync(client, response, url);
        }
    }

    [Theory]
    [InlineData(Roles.Staff)]
    [InlineData(Roles.CoalitionLead)]
    public async Task Every_forged_admin_post_is_forbidden_and_changes_nothing(string role)
    {
        var (userId, organisationId) = await TargetsAsync();
        using var client = await App.CreateClientAsUserAsync(role);
        var token = await client.AntiforgeryTokenAsync("/account/change-password");
        var auditBefore = await App.QueryAsync(db => db.AuditEntries.CountAsync());

        foreach (var (url, fields) in Posts(userId, organisationId))
        {
            fields["__RequestVerificationToken"] = token;
            using var response = await client.PostFormAsync(url, fields);
            await AdminForms.ShouldBeForbiddenAsync(client, response, url);
        }

        (await App.QueryAsync(db => db.AuditEntries.CountAsync())).Should().Be(auditBefore, "no forged post changed anything");
        (await App.QueryAsync(db => db.Organisations.SingleAsync(o => o.Id == organisationId))).Name.Should().Be("Target Organisation");
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        var (userId, organisationId) = await TargetsAsync();
        using var client = App.CreateClient(new() { AllowAutoRedirect = false });

        foreach (var url in Pages(userId, organisationId))
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            response.StatusCode.Should().Be(HttpStatusCode.Redirect, url);
            response.Headers.Location!.OriginalString.Should().Contain("/account/sign-in", url);
        }
    }

    [Fact]
    public async Task There_is_no_self_registration_page()
    {
        using var client = await App.CreateClientAsUserAsync(Roles.Admin);

        foreach (var url in new[] { "/account/register", "/identity/account/register", "/account/sign-up" })
            (await client.GetStatusAsync(url)).Should().Be(HttpStatusCode.NotFound, url);
    }
}

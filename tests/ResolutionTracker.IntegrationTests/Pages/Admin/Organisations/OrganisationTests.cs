using System.Net;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Organisations;
using ResolutionTracker.IntegrationTests.Fixture;
using ResolutionTracker.Web.Authorization;

namespace ResolutionTracker.IntegrationTests.Pages.Admin.Organisations;

public sealed class NewTests(AppFactory app) : AppTest(app)
{
    private static Task<HttpResponseMessage> CreateAsync(HttpClient admin, string name, string kind = "Ngo", string? group = null, string? website = null) =>
        admin.SubmitAsync("/admin/organisations/new", "main form[method=post]", new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.Kind"] = kind,
            ["Input.RegionalGroup"] = group ?? "",
            ["Input.Website"] = website ?? "",
        });

    [Fact]
    public async Task Creating_an_organisation_saves_it_and_lists_it()
    {
        using var admin = await App.CreateClientAsUserAsync(Roles.Admin);

        using var response = await CreateAsync(admin, "Défense des Droits Humains", "State", "African", "https://example.org");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var saved = await App.QueryAsync(db => db.Organisations.SingleAsync());
        saved.Slug.Should().Be("defense-des-droits-humains");
        saved.RegionalGroup.Should().Be(RegionalGroup.African);
        (await admin.GetDocumentAsync("/admin/organisations")).QuerySelector("tbody")!.TextContent.Should().Contain("Défense des Droits Humains");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("!!!")]
    public async Task An_empty_name_is_refused_with_400(string name)
    {
        using var admin = await App.CreateClientAsUserAsync(Roles.Admin);

        using var response = await CreateAsync(admin, name);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await App.QueryAsync(db => db.Organisations.AnyAsync())).Should().BeFalse();
    }

    [Fact]
    public async Task An_over_long_name_is_refused_with_400()
    {
        using var admin = await App.CreateClientAsUserAsync(Roles.Admin);

        using var response = await CreateAsync(admin, new string('x', Limits.Name + 1));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ParseAsync()).QuerySelector("[data-valmsg-for='Input.Name']")!.TextContent.Should().Contain("at most 200");
        (await App.QueryAsync(db => db.Organisations.AnyAsync())).Should().BeFalse();
    }

    [Fact]
    public async Task A_name_that_makes_the_same_address_as_another_is_refused_with_400()
    {
        using var admin = await App.CreateClientAsUserAsync(Roles.Admin);
        (await CreateAsync(admin, "Human Rights Watch")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        using var response = await CreateAsync(admin, "human rights-watch!");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ParseAsync()).QuerySelector("[data-valmsg-for='Input.Name']")!.TextContent.Should().Contain("“Human Rights Watch” already exists");
        (await App.QueryAsync(db => db.Organisations.CountAsync())).Should().Be(1);
    }

    [Theory]
    [InlineData("Ngo", "African", null)]
    [InlineData("Ngo", null, "javascript:alert(1)")]
    [InlineData("Planet", null, null)]
    public async Task Input_the_rules_refuse_is_answered_with_400(string kind, string? group, string? website)
    {
        using var admin = await App.CreateClientAsUserAsync(Roles.Admin);

        using var response = await CreateAsync(admin, "Some Organisation", kind, group, website);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await App.QueryAsync(db => db.Organisations.AnyAsync())).Should().BeFalse();
    }
}

public sealed class EditTests(AppFactory app) : AppTest(app)
{
    private async Task<int> AddAsync(string name, OrganisationKind kind = OrganisationKind.Ngo)
    {
        var organisation = new Organisation(name, kind);
        await App.ExecuteAsync(db =>
        {
            db.Organisations.Add(organisation);
            return Task.CompletedTask;
        });
        return organisation.Id;
    }

    [Fact]
    public async Task Renaming_saves_and_is_audited()
    {
        var id = await AddAsync("Old Name");
        using var admin = await App.CreateClientAsUserAsync(Roles.Admin);

        using var response = await admin.SubmitAsync($"/admin/organisations/{id}/edit", "main form[method=post]",
            new Dictionary<string, string> { ["Input.Name"] = "New Name", ["Input.ShortName"] = "NN" });

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var saved = await App.QueryAsync(db => db.Organisations.SingleAsync(o => o.Id == id));
        (saved.Name, saved.ShortName, saved.Slug).Should().Be(("New Name", "NN", "new-name"));
        (await App.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == "Organisation" && e.Field == "Name" && e.OldValue == "Old Name" && e.NewValue == "New Name")))
            .Should().BeTrue();
    }

    [Fact]
    public async Task The_second_of_two_editors_gets_409_with_both_versions_and_nothing_is_overwritten()
    {
        var id = await AddAsync("Shared Name");
        using var first = await App.CreateClientAsUserAsync(Roles.Admin);
        using var second = await App.CreateClientAsUserAsync(Roles.Admin);
        var url = $"/admin/organisations/{id}/edit";
        var firstPage = await first.GetDocumentAsync(url);
        var secondPage = await second.GetDocumentAsync(url);
        (await first.SubmitAsync(firstPage, url, "main form[method=post]", new Dictionary<string, string> { ["Input.Name"] = "First Editor" }))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);

        using var conflict = await second.SubmitAsync(secondPage, url, "main form[method=post]", new Dictionary<string, string> { ["Input.Name"] = "Second Editor" });

        conflict.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var page = await conflict.ParseAsync();
        page.QuerySelector(".conflict-notice")!.TextContent.Should().Contain("First Editor").And.Contain("Second Editor");
        (await App.QueryAsync(db => db.Organisations.SingleAsync(o => o.Id == id))).Name.Should().Be("First Editor");

        using var merged = await second.SubmitAsync(page, url, "main form[method=post]", new Dictionary<string, string> { ["Input.Name"] = "Merged Name" });

        merged.StatusCode.Should().Be(HttpStatusCode.Redirect, "saving again after reading the other version goes through");
        (await App.QueryAsync(db => db.Organisations.SingleAsync(o => o.Id == id))).Name.Should().Be("Merged Name");
    }

    [Fact]
    public async Task Renaming_to_another_organisations_address_is_refused_with_400()
    {
        await AddAsync("Amnesty International");
        var id = await AddAsync("Other");
        using var admin = await App.CreateClientAsUserAsync(Roles.Admin);

        using var response = await admin.SubmitAsync($"/admin/organisations/{id}/edit", "main form[method=post]",
            new Dictionary<string, string> { ["Input.Name"] = "AMNESTY  international" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await App.QueryAsync(db => db.Organisations.SingleAsync(o => o.Id == id))).Name.Should().Be("Other");
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public async Task An_empty_or_over_long_name_is_refused_with_400(string? name)
    {
        var id = await AddAsync("Keep Me");
        using var admin = await App.CreateClientAsUserAsync(Roles.Admin);

        using var response = await admin.SubmitAsync($"/admin/organisations/{id}/edit", "main form[method=post]",
            new Dictionary<string, string> { ["Input.Name"] = name ?? new string('y', Limits.Name + 1) });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await App.QueryAsync(db => db.Organisations.SingleAsync(o => o.Id == id))).Name.Should().Be("Keep Me");
    }

    [Fact]
    public async Task An_unknown_organisation_is_404()
    {
        using var admin = await App.CreateClientAsUserAsync(Roles.Admin);

        (await admin.GetStatusAsync("/admin/organisations/999999/edit")).Should().Be(HttpStatusCode.NotFound);
        (await admin.GetStatusAsync("/admin/organisations/999999/delete")).Should().Be(HttpStatusCode.NotFound);
    }
}

public sealed class DeleteTests(AppFactory app) : AppTest(app)
{
    [Fact]
    public async Task Deleting_an_unreferenced_organisation_removes_it()
    {
        var organisation = new Organisation("Short-lived NGO", OrganisationKind.Ngo);
        await App.ExecuteAsync(db =>
        {
            db.Organisations.Add(organisation);
            return Task.CompletedTask;
        });
        using var admin = await App.CreateClientAsUserAsync(Roles.Admin);

        using var response = await admin.SubmitAsync($"/admin/organisations/{organisation.Id}/delete", "main form[method=post]");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await App.QueryAsync(db => db.Organisations.AnyAsync(o => o.Id == organisation.Id))).Should().BeFalse();
    }

    [Fact]
    public async Task Deleting_a_state_that_sponsored_and_voted_is_refused_with_400_and_a_clear_message()
    {
        await App.SeedDemoAsync();
        var china = await App.QueryAsync(db => db.Organisations.SingleAsync(o => o.Name == "China"));
        using var admin = await App.CreateClientAsUserAsync(Roles.Admin);
        var confirm = await admin.GetDocumentAsync($"/admin/organisations/{china.Id}/delete");
        var token = await admin.AntiforgeryTokenAsync("/admin/organisations/new");

        using var response = await admin.PostFormAsync($"/admin/organisations/{china.Id}/delete", new Dictionary<string, string> { ["__RequestVerificationToken"] = token });

        confirm.QuerySelector("main form[method=post]").Should().BeNull("a referenced organisation offers no delete button");
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ParseAsync()).QuerySelector(".alert-danger")!.TextContent.Should().Contain("cannot be deleted").And.Contain("sponsorship");
        (await App.QueryAsync(db => db.Organisations.AnyAsync(o => o.Id == china.Id))).Should().BeTrue();
    }

    [Fact]
    public async Task Deleting_an_organisation_that_users_belong_to_is_refused_with_400()
    {
        var organisation = new Organisation("Employer NGO", OrganisationKind.Ngo);
        await App.ExecuteAsync(db =>
        {
            db.Organisations.Add(organisation);
            return Task.CompletedTask;
        });
        var staff = await App.CreateUserAsync(Roles.Staff);
        await App.ExecuteAsync(async db => (await db.Users.SingleAsync(u => u.Id == staff.Id)).OrganisationId = organisation.Id);
        using var admin = await App.CreateClientAsUserAsync(Roles.Admin);
        var token = await admin.AntiforgeryTokenAsync("/admin/organisations/new");

        using var response = await admin.PostFormAsync($"/admin/organisations/{organisation.Id}/delete", new Dictionary<string, string> { ["__RequestVerificationToken"] = token });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ParseAsync()).QuerySelector(".alert-danger")!.TextContent.Should().Contain("1 user account");
        (await App.QueryAsync(db => db.Organisations.AnyAsync(o => o.Id == organisation.Id))).Should().BeTrue();
    }

    [Fact]
    public async Task Deleting_without_the_antiforgery_token_gives_400()
    {
        var organisation = new Organisation("Protected NGO", OrganisationKind.Ngo);
        await App.ExecuteAsync(db =>
        {
            db.Organisations.Add(organisation);
            return Task.CompletedTask;
        });
        using var admin = await App.CreateClientAsUserAsync(Roles.Admin);

        using var response = await admin.PostFormAsync($"/admin/organisations/{organisation.Id}/delete", new Dictionary<string, string>());

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await App.QueryAsync(db => db.Organisations.AnyAsync(o => o.Id == organisation.Id))).Should().BeTrue();
    }
}

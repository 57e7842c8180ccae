using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ResolutionTracker.IntegrationTests.Fixture;
using ResolutionTracker.Web.Authorization;
using ResolutionTracker.Web.Email;

namespace ResolutionTracker.IntegrationTests.Pages.Admin.Users;

public sealed class InviteTests(AppFactory app) : AppTest(app)
{
    [Fact]
    public async Task Inviting_creates_the_account_without_a_password_and_shows_the_link_once()
    {
        using var admin = await App.CreateClientAsUserAsync(Roles.Admin);

        var (userUrl, link, _) = await admin.InviteAsync("new.person@example.org", Roles.CoalitionLead, "New Person");

        link.Should().Contain("/account/invitation?").And.Contain("token=");
        var user = await App.QueryAsync(db => db.Users.SingleAsync(u => u.Email == "new.person@example.org"));
        user.PasswordHash.Should().BeNull();
        user.DisplayName.Should().Be("New Person");
        (await App.QueryAsync(db => db.UserRoles.Where(ur => ur.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).ToListAsync()))
            .Should().Equal(Roles.CoalitionLead);
        var again = await admin.GetDocumentAsync(userUrl);
        again.QuerySelector("#invitation-url").Should().BeNull("the link is shown once, right after it is made");
    }

    [Fact]
    public async Task Inviting_an_email_address_already_in_use_is_refused_with_400()
    {
        using var admin = await App.CreateClientAsUserAsync(Roles.Admin);
        var existing = await App.CreateUserAsync(Roles.Staff);

        using var response = await admin.SubmitAsync("/admin/users/invite", "main form[method=post]", new Dictionary<string, string>
        {
            ["Input.Email"] = existing.Email!.ToUpperInvariant(),
            ["Input.DisplayName"] = "Someone else",
            ["Input.Role"] = Roles.Admin,
        });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ParseAsync()).QuerySelector("[data-valmsg-for='Input.Email']")!.TextContent.Should().Contain("already exists");
        (await App.QueryAsync(db => db.Users.CountAsync())).Should().Be(2, "no account was added");
    }

    [Theory]
    [InlineData("", "Name", "Staff")]
    [InlineData("not-an-address", "Name", "Staff")]
    [InlineData("someone@example.org", "", "Staff")]
    [InlineData("someone@example.org", "Name", "Superuser")]
    public async Task Inviting_with_bad_input_is_refused_with_400_and_creates_nothing(string email, string name, string role)
    {
        using var admin = await App.CreateClientAsUserAsync(Roles.Admin);

        using var response = await admin.SubmitAsync("/admin/users/invite", "main form[method=post]", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.DisplayName"] = name,
            ["Input.Role"] = role,
        });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await App.QueryAsync(db => db.Users.CountAsync())).Should().Be(1);
    }

    [Fact]
    public async Task Inviting_with_an_over_long_name_is_refused_with_400()
    {
        using var admin = await App.CreateClientAsUserAsync(Roles.Admin);

        using var response = await admin.SubmitAsync("/admin/users/invite", "main form[method=post]", new Dictionary<string, string>
        {
            ["Input.Email"] = "long@example.org",
            ["Input.DisplayName"] = new string('n', 201),
            ["Input.Role"] = Roles.Staff,
        });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await App.QueryAsync(db => db.Users.AnyAsync(u => u.Email == "long@example.org"))).Should().BeFalse();
    }

    [Fact]
    public async Task Inviting_without_the_antiforgery_token_gives_400()
    {
        using var admin = await App.CreateClientAsUserAsync(Roles.Admin);

        using var response = await admin.PostFormAsync("/admin/users/invite", new Dictionary<string, string>
        {
            ["Input.Email"] = "forged@example.org",
            ["Input.DisplayName"] = "Forged",
            ["Input.Role"] = Roles.Admin,
        });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await App.QueryAsync(db => db.Users.AnyAsync(u => u.Email == "forged@example.org"))).Should().BeFalse();
    }

    [Fact]
    public void Invitation_links_expire_after_seven_days()
    {
        var options = App.Services.GetRequiredService<IOptions<InvitationTokenProviderOptions>>().Value;
        var identity = App.Services.GetRequiredService<IOptions<IdentityOptions>>().Value;

        options.TokenLifespan.Should().Be(TimeSpan.FromDays(7));
        identity.Tokens.ProviderMap.Should().ContainKey(InvitationTokenProvider.ProviderName);
    }

    [Fact]
    public async Task When_the_mail_server_cannot_be_reached_the_admin_is_warned_and_shown_the_link()
    {
        await using var withSmtp = App.WithWebHostBuilder(b =>
        {
            b.UseSetting("Smtp:Host", "127.0.0.1");
            b.UseSetting("Smtp:Port", "9");
            b.UseSetting("Smtp:UseTls", "false");
        });
        var adminUser = await App.CreateUserAsync(Roles.Admin);
        using var admin = withSmtp.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        (await AppFactory.SignInAsync(admin, adminUser.Email!, AppFactory.Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var (_, link, page) = await admin.InviteAsync("by.mail@example.org", Roles.Staff);

        link.Should().Contain("token=");
        page.QuerySelector(".alert-warning")!.TextContent.Should().Contain("could not be sent");
    }
}

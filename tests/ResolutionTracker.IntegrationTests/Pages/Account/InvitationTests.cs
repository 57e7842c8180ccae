using AngleSharp.Dom;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.IntegrationTests.Fixture;
using ResolutionTracker.IntegrationTests.Pages.Admin;
using ResolutionTracker.Web.Authorization;
using ResolutionTracker.Web.Pages.Account;

namespace ResolutionTracker.IntegrationTests.Pages.Account;

public sealed class InvitationTests(AppFactory app) : AppTest(app)
{
    private const string GoodPassword = "Correct-Horse-Battery-9";

    private HttpClient Anonymous() => App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<string> InviteAsync(string email, string role)
    {
        using var admin = await App.CreateClientAsUserAsync(Roles.Admin);
        var (_, link, _) = await admin.InviteAsync(email, role);
        return AdminForms.Local(link);
    }

    private static Task<HttpResponseMessage> AcceptAsync(HttpClient client, string link, string password, string? confirm = null) =>
        client.SubmitAsync(link, "main form[method=post]", new Dictionary<string, string>
        {
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = confirm ?? password,
        });

    [Fact]
    public async Task Accepting_an_invitation_with_a_good_password_signs_the_user_in_with_their_role()
    {
        var link = await InviteAsync("invited.admin@example.org", Roles.Admin);
        using var invited = Anonymous();

        using var response = await AcceptAsync(invited, link, GoodPassword);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be("/desk");
        (await invited.GetStatusAsync("/admin/users")).Should().Be(HttpStatusCode.OK, "the new user is signed in as an Admin");
        var user = await App.QueryAsync(db => db.Users.SingleAsync(u => u.Email == "invited.admin@example.org"));
        user.PasswordHash.Should().NotBeNull();
        user.EmailConfirmed.Should().BeTrue();
    }

    [Fact]
    public async Task An_accepted_staff_member_signs_in_as_staff_and_not_as_admin()
    {
        var link = await InviteAsync("invited.staff@example.org", Roles.Staff);
        using var invited = Anonymous();

        (await AcceptAsync(invited, link, GoodPassword)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await invited.GetStatusAsync("/account/change-password")).Should().Be(HttpStatusCode.OK);
        await AdminForms.ShouldBeForbiddenAsync(invited, await invited.GetAsync(new Uri("/admin/users", UriKind.Relative)));
        using var again = Anonymous();
        (await AppFactory.SignInAsync(again, "invited.staff@example.org", GoodPassword)).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_used_invitation_link_is_refused_with_400_and_a_clear_message()
    {
        var link = await InviteAsync("once@example.org", Roles.Staff);
        using var first = Anonymous();
        (await AcceptAsync(first, link, GoodPassword)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        using var second = Anonymous();
        using var opened = await second.GetAsync(new Uri(link, UriKind.Relative));

        opened.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await opened.ParseAsync()).QuerySelector("[role=alert]")!.TextContent.Should().Contain(InvitationModel.InvalidLinkMessage);
        (await opened.ParseAsync()).QuerySelector("input[type=password]").Should().BeNull("there is no form to fill in");
    }

    [Fact]
    public async Task Posting_a_used_invitation_again_with_a_fresh_form_is_refused_with_400()
    {
        var link = await InviteAsync("twice@example.org", Roles.Staff);
        using var client = Anonymous();
        (await AcceptAsync(client, link, GoodPassword)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://x" + link).Query);

        using var anonymous = Anonymous();
        var freshToken = await anonymous.AntiforgeryTokenAsync();
        using var response = await anonymous.PostFormAsync("/account/invitation", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = freshToken,
            ["Input.Email"] = query["email"]!,
            ["Input.Token"] = query["token"]!,
            ["Input.Password"] = "Another-Password-123",
            ["Input.ConfirmPassword"] = "Another-Password-123",
        });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ParseAsync()).QuerySelector("[role=alert]")!.TextContent.Should().Contain("already been used");
    }

    [Fact]
    public async Task A_short_password_is_refused_with_400_for_its_length_and_no_rule_about_kinds_of_characters()
    {
        var link = await InviteAsync("weak@example.org", Roles.Staff);
        using var client = Anonymous();

        using var response = await AcceptAsync(client, link, "short");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var message = (await response.ParseAsync()).QuerySelector(".validation-summary-errors")!.TextContent;
        message.Should().Contain("at least 12 characters").And.NotContain("digit").And.NotContain("uppercase");
        (await App.QueryAsync(db => db.Users.SingleAsync(u => u.Email == "weak@example.org"))).PasswordHash.Should().BeNull();
        (await client.GetStatusAsync(link)).Should().Be(HttpStatusCode.OK, "the link still works after a refused password");
    }

    [Theory]
    [InlineData("Password1234", PasswordPolicy.CommonMessage)]
    [InlineData("Welcome@2025", PasswordPolicy.CommonMessage)]
    [InlineData("common.sense lighthouse", PasswordPolicy.PersonalMessage)]
    public async Task A_common_or_personal_password_is_refused_with_400_and_a_message_that_says_why(string password, string why)
    {
        const string email = "common.sense@example.org";
        using var client = Anonymous();

        using var response = await AcceptAsync(client, await InviteAsync(email, Roles.Staff), password);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ParseAsync()).QuerySelector(".validation-summary-errors")!.TextContent.Should().Contain(why);
        (await App.QueryAsync(db => db.Users.SingleAsync(u => u.Email == email))).PasswordHash.Should().BeNull();
    }

    [Fact]
    public async Task A_long_passphrase_without_digits_or_capitals_is_accepted()
    {
        const string phrase = "quiet lighthouse keepers read by lamplight every winter evening here";
        using var client = Anonymous();

        using var response = await AcceptAsync(client, await InviteAsync("phrase@example.org", Roles.Staff), phrase);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        using var again = Anonymous();
        (await AppFactory.SignInAsync(again, "phrase@example.org", phrase)).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Passwords_that_differ_are_refused_with_400()
    {
        var link = await InviteAsync("differ@example.org", Roles.Staff);
        using var client = Anonymous();

        using var response = await AcceptAsync(client, link, GoodPassword, GoodPassword + "x");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await App.QueryAsync(db => db.Users.SingleAsync(u => u.Email == "differ@example.org"))).PasswordHash.Should().BeNull();
    }

    [Theory]
    [InlineData("/account/invitation")]
    [InlineData("/account/invitation?email=nobody@example.org&token=abc")]
    public async Task A_bad_link_is_refused_with_400_and_a_clear_message(string url)
    {
        using var client = Anonymous();

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ParseAsync()).QuerySelector("[role=alert]")!.TextContent.Should().Contain("not valid");
    }

    [Fact]
    public async Task A_tampered_token_is_refused_with_400()
    {
        var link = await InviteAsync("tampered@example.org", Roles.Staff);
        using var client = Anonymous();

        var status = await client.GetStatusAsync(link.Replace("token=", "token=x", StringComparison.Ordinal));

        status.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_new_invitation_link_replaces_the_earlier_one()
    {
        using var admin = await App.CreateClientAsUserAsync(Roles.Admin);
        var (userUrl, first, _) = await admin.InviteAsync("again@example.org", Roles.Staff);

        using var reinvite = await admin.SubmitAsync(userUrl, "form[action*='handler=Reinvite']");
        reinvite.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var second = (await admin.GetDocumentAsync(userUrl)).QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#invitation-url")!.Value;

        using var client = Anonymous();
        (await client.GetStatusAsync(AdminForms.Local(first))).Should().Be(HttpStatusCode.BadRequest);
        (await client.GetStatusAsync(AdminForms.Local(second))).Should().Be(HttpStatusCode.OK);
    }
}

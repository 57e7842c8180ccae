using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using ResolutionTracker.IntegrationTests.Fixture;
using ResolutionTracker.IntegrationTests.Pages.Admin;
using ResolutionTracker.Web.Authorization;
using ResolutionTracker.Web.Pages.Account;

namespace ResolutionTracker.IntegrationTests.Pages.Account;

public sealed class ChangePasswordTests(AppFactory app) : AppTest(app)
{
    private const string NewPassword = "Brand-New-Password-42";

    private async Task<(HttpClient Client, string Email)> SignedInAsync()
    {
        var user = await App.CreateUserAsync(Roles.Staff);
        var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        (await AppFactory.SignInAsync(client, user.Email!, AppFactory.Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        return (client, user.Email!);
    }

    private static Task<HttpResponseMessage> ChangeAsync(HttpClient client, string current, string next, string? confirm = null) =>
        client.SubmitAsync("/account/change-password", "main form[method=post]", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = current,
            ["Input.NewPassword"] = next,
            ["Input.ConfirmPassword"] = confirm ?? next,
        });

    private async Task<bool> CanSignInAsync(string email, string password)
    {
        using var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await AppFactory.SignInAsync(client, email, password);
        return response.StatusCode == HttpStatusCode.Redirect;
    }

    [Fact]
    public async Task Changing_the_password_keeps_the_user_signed_in_and_the_new_one_works()
    {
        var (client, email) = await SignedInAsync();
        using var _ = client;

        using var response = await ChangeAsync(client, AppFactory.Password, NewPassword);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await client.GetStatusAsync("/account/change-password")).Should().Be(HttpStatusCode.OK, "this session stays signed in");
        (await CanSignInAsync(email, NewPassword)).Should().BeTrue();
        (await CanSignInAsync(email, AppFactory.Password)).Should().BeFalse();
    }

    [Fact]
    public async Task A_wrong_current_password_is_refused_with_400_and_nothing_changes()
    {
        var (client, email) = await SignedInAsync();
        using var _ = client;

        using var response = await ChangeAsync(client, "Not-My-Password-1", NewPassword);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ParseAsync()).QuerySelector("[data-valmsg-for='Input.CurrentPassword']")!.TextContent.Should().Contain(ChangePasswordModel.WrongCurrentPasswordMessage);
        (await CanSignInAsync(email, AppFactory.Password)).Should().BeTrue();
    }

    // {0} is the user's email address.
    [Theory]
    [InlineData("Password1234", PasswordPolicy.CommonMessage)]
    [InlineData("Summer2025!!", PasswordPolicy.CommonMessage)]
    [InlineData("My address is {0}", PasswordPolicy.PersonalMessage)]
    public async Task A_common_or_personal_new_password_is_refused_with_400_a_message_that_says_why_and_nothing_changes(string password, string why)
    {
        var (client, email) = await SignedInAsync();
        using var _ = client;
        var chosen = string.Format(CultureInfo.InvariantCulture, password, email);

        using var response = await ChangeAsync(client, AppFactory.Password, chosen);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ParseAsync()).QuerySelector(".validation-summary-errors")!.TextContent.Should().Contain(why);
        (await CanSignInAsync(email, AppFactory.Password)).Should().BeTrue();
        (await CanSignInAsync(email, chosen)).Should().BeFalse();
    }

    [Fact]
    public async Task A_new_password_longer_than_128_characters_is_refused_with_400()
    {
        var (client, email) = await SignedInAsync();
        using var _ = client;

        using var response = await ChangeAsync(client, AppFactory.Password, new string('x', 64) + new string('y', 65));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ParseAsync()).QuerySelector("[data-valmsg-for='Input.NewPassword']")!.TextContent.Should().Contain("at most 128 characters");
        (await CanSignInAsync(email, AppFactory.Password)).Should().BeTrue();
    }

    [Fact]
    public async Task A_long_passphrase_without_digits_or_capitals_is_accepted()
    {
        var (client, email) = await SignedInAsync();
        using var _ = client;
        const string phrase = "quiet lighthouse keepers read by lamplight every winter evening";

        using var response = await ChangeAsync(client, AppFactory.Password, phrase);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await CanSignInAsync(email, phrase)).Should().BeTrue();
    }

    [Fact]
    public async Task Confirmation_that_differs_is_refused_with_400()
    {
        var (client, _) = await SignedInAsync();
        using var __ = client;

        using var response = await ChangeAsync(client, AppFactory.Password, NewPassword, NewPassword + "!");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        using var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri("/account/change-password", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Contain("/account/sign-in");
    }

    [Fact]
    public async Task Posting_without_the_antiforgery_token_gives_400()
    {
        var (client, email) = await SignedInAsync();
        using var _ = client;

        using var response = await client.PostFormAsync("/account/change-password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = AppFactory.Password,
            ["Input.NewPassword"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await CanSignInAsync(email, AppFactory.Password)).Should().BeTrue();
    }
}

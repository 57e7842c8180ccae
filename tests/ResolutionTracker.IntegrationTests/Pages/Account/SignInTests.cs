using System.Net;
using ResolutionTracker.IntegrationTests.Fixture;
using ResolutionTracker.Web.Authorization;

namespace ResolutionTracker.IntegrationTests.Pages.Account;

public sealed class SignInTests(AppFactory app) : AppTest(app)
{
    [Fact]
    public async Task Signing_in_with_the_right_password_sets_the_auth_cookie_and_redirects()
    {
        var user = await App.CreateUserAsync(Roles.Staff);
        using var client = App.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await AppFactory.SignInAsync(client, user.Email!, AppFactory.Password);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.GetValues("Set-Cookie").Should().Contain(c => c.StartsWith("rt.auth=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Signing_in_with_a_wrong_password_is_refused_on_the_form()
    {
        var user = await App.CreateUserAsync(Roles.Staff);
        using var client = App.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await AppFactory.SignInAsync(client, user.Email!, "Not-the-password-1");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ParseAsync()).QuerySelector("[role=alert]")!.TextContent.Should().Contain("incorrect");
    }

    [Fact]
    public async Task Posting_the_form_without_its_antiforgery_token_gives_400()
    {
        var user = await App.CreateUserAsync(Roles.Staff);
        using var client = App.CreateClient(new() { AllowAutoRedirect = false });
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email!,
            ["Input.Password"] = AppFactory.Password,
        });

        using var response = await client.PostAsync(new Uri("/account/sign-in", UriKind.Relative), form);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_signed_in_user_is_offered_the_sign_out_button()
    {
        using var client = await App.CreateClientAsUserAsync(Roles.Staff);

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.ParseAsync()).QuerySelector("form[action*='sign-out'] button").Should().NotBeNull();
    }
}

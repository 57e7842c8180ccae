using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ResolutionTracker.IntegrationTests.Fixture;
using ResolutionTracker.Web.Authorization;
using ResolutionTracker.Web.Data;
using ResolutionTracker.Web.Pages.Account;

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

    public enum Refusal
    {
        WrongPassword,
        UnknownEmail,
        LockedByAdministrator,
        LockedAfterFailedAttempts,
        InvitedWithoutPassword,
    }

    // The account (if any) and the password for each kind of refusal; a locked account is given its right password.
    private async Task<(string Email, string Password)> AttemptForAsync(Refusal refusal)
    {
        switch (refusal)
        {
            case Refusal.UnknownEmail:
                return ($"nobody-{Guid.NewGuid():N}@test.local", AppFactory.Password);
            case Refusal.InvitedWithoutPassword:
                await using (var scope = App.Services.CreateAsyncScope())
                {
                    var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
                    var email = $"invited-{Guid.NewGuid():N}@test.local";
                    (await users.CreateAsync(new ApplicationUser { UserName = email, Email = email, DisplayName = "Invited" })).Succeeded.Should().BeTrue();
                    return (email, AppFactory.Password);
                }
        }
        var user = await App.CreateUserAsync(Roles.Staff);
        switch (refusal)
        {
            case Refusal.LockedByAdministrator:
                await using (var scope = App.Services.CreateAsyncScope())
                {
                    var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
                    var stored = await users.FindByIdAsync(user.Id);
                    (await users.SetLockoutEndDateAsync(stored!, new DateTimeOffset(2999, 12, 31, 0, 0, 0, TimeSpan.Zero))).Succeeded.Should().BeTrue();
                }
                return (user.Email!, AppFactory.Password);
            case Refusal.LockedAfterFailedAttempts:
                using (var client = App.CreateClient(new() { AllowAutoRedirect = false }))
                {
                    for (var i = 0; i < 5; i++)
                        (await AppFactory.SignInAsync(client, user.Email!, "Not-the-password-1")).Dispose();
                }
                return (user.Email!, AppFactory.Password);
            default:
                return (user.Email!, "Not-the-password-1");
        }
    }

    [Theory]
    [InlineData(Refusal.UnknownEmail)]
    [InlineData(Refusal.LockedByAdministrator)]
    [InlineData(Refusal.LockedAfterFailedAttempts)]
    [InlineData(Refusal.InvitedWithoutPassword)]
    public async Task A_refused_sign_in_answers_as_a_wrong_password_does_so_it_tells_nothing_about_the_account(Refusal refusal)
    {
        var (wrongEmail, wrongPassword) = await AttemptForAsync(Refusal.WrongPassword);
        var (email, password) = await AttemptForAsync(refusal);
        using var client = App.CreateClient(new() { AllowAutoRedirect = false });

        using var wrong = await AppFactory.SignInAsync(client, wrongEmail, wrongPassword);
        using var response = await AppFactory.SignInAsync(client, email, password);

        wrong.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.StatusCode.Should().Be(wrong.StatusCode);
        var expected = (await wrong.ParseAsync()).QuerySelector("[role=alert]")!.TextContent.Trim();
        expected.Should().Be(SignInModel.IncorrectMessage);
        (await response.ParseAsync()).QuerySelector("[role=alert]")!.TextContent.Trim().Should().Be(expected);
    }

    // Timing is not measured here (the machine is shared); what makes the times alike is that every refusal checks
    // the password with the app's hasher, which is what takes the time.
    [Theory]
    [InlineData(Refusal.WrongPassword)]
    [InlineData(Refusal.UnknownEmail)]
    [InlineData(Refusal.LockedByAdministrator)]
    [InlineData(Refusal.LockedAfterFailedAttempts)]
    [InlineData(Refusal.InvitedWithoutPassword)]
    public async Task A_refused_sign_in_checks_the_password_with_the_hasher_once_as_a_wrong_password_does(Refusal refusal)
    {
        var (email, password) = await AttemptForAsync(refusal);
        var hasher = new CountingHasher();
        await using var counted = App.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IPasswordHasher<ApplicationUser>>();
            services.AddScoped<IPasswordHasher<ApplicationUser>>(_ => hasher);
        }));
        using var client = counted.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var before = hasher.Verified;
        using var response = await AppFactory.SignInAsync(client, email, password);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (hasher.Verified - before).Should().Be(1);
    }

    private sealed class CountingHasher : IPasswordHasher<ApplicationUser>
    {
        private readonly PasswordHasher<ApplicationUser> _inner = new();
        private int _verified;

        public int Verified => Volatile.Read(ref _verified);

        public string HashPassword(ApplicationUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verified);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
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

using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ResolutionTracker.IntegrationTests.Fixture;
using ResolutionTracker.Web.Authorization;
using ResolutionTracker.Web.Data;
using ResolutionTracker.Web.Data.Seeding;

namespace ResolutionTracker.IntegrationTests.Authorization;

// The password rules as the app applies them: every validator its UserManager runs when a password is set.
public sealed class PasswordPolicyTests(AppFactory app) : AppTest(app)
{
    private async Task<IReadOnlyList<string>> ProblemsAsync(string password, string email = "jane.smith@example.org", string displayName = "Jane Smith")
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, DisplayName = displayName };
        var problems = new List<string>();
        foreach (var validator in users.PasswordValidators)
            problems.AddRange((await validator.ValidateAsync(users, user, password)).Errors.Select(e => e.Description));
        return problems;
    }

    [Theory]
    [InlineData("Password1234")]
    [InlineData("password1234")]
    [InlineData("PASSWORD2024!")]
    [InlineData("P@ssw0rd2024!")]
    [InlineData("Pa$$word-2025")]
    [InlineData("Welcome@2025")]
    [InlineData("Letmein123456")]
    [InlineData("letmein!!!!!")]
    [InlineData("September2024")]
    [InlineData("Summer2024!!")]
    [InlineData("iloveyou2024")]
    [InlineData("Michael19851985")]
    [InlineData("Qwerty123456")]
    [InlineData("qwertyuiop123")]
    [InlineData("1q2w3e4r5t6y")]
    [InlineData("1qaz2wsx3edc")]
    [InlineData("2024Password!")]
    [InlineData("MyPassword123")]
    [InlineData("Pass-Word-2024")]
    [InlineData("passwordpassword")]
    [InlineData("aaaaaaaaaaaa")]
    [InlineData("abcabcabcabc")]
    [InlineData("abcdefghijkl")]
    [InlineData("Abcd12345678")]
    [InlineData("123456789012")]
    [InlineData("987654321098")]
    [InlineData("111111111111")]
    [InlineData("ResolutionTracker1")]
    [InlineData("resolutiontracker")]
    [InlineData("Correcthorsebatterystaple")]
    public async Task A_common_password_or_pattern_is_refused(string password)
    {
        (await ProblemsAsync(password)).Should().Contain(PasswordPolicy.CommonMessage);
    }

    [Theory]
    [InlineData("Lighthouse keepers archive")]
    [InlineData("all lower case words here")]
    [InlineData("ALL CAPITALS AND NO DIGITS")]
    [InlineData("Été à Genève, sous la pluie")]
    [InlineData("火车站的灯塔管理员在读书呢")]
    [InlineData("Correct-Horse-Battery-9")]
    [InlineData(AppFactory.Password)]
    public async Task A_long_uncommon_password_is_accepted_whatever_characters_it_is_made_of(string password)
    {
        (await ProblemsAsync(password)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_passphrase_of_128_characters_is_accepted_and_one_of_129_is_refused()
    {
        var phrase = string.Concat(Enumerable.Repeat("quiet lighthouse ", 8))[..128];

        (await ProblemsAsync(phrase)).Should().BeEmpty();
        (await ProblemsAsync(phrase + "s")).Should().Contain(PasswordPolicy.TooLongMessage);
    }

    [Fact]
    public async Task A_password_shorter_than_twelve_characters_is_refused_for_its_length_alone()
    {
        var problems = await ProblemsAsync("quiet bird!");

        problems.Should().ContainSingle().Which.Should().Contain("at least 12 characters");
    }

    [Theory]
    [InlineData("JaneSmith-lighthouse")]
    [InlineData("lighthouse jane smith")]
    [InlineData("Smith lighthouse keeper")]
    [InlineData("the Jane.Smith lighthouse")]
    [InlineData("My Resolution Tracker login")]
    public async Task A_password_holding_the_users_address_or_name_or_the_applications_name_is_refused(string password)
    {
        (await ProblemsAsync(password)).Should().Equal(PasswordPolicy.PersonalMessage);
    }

    [Theory]
    [InlineData(DemoSeeder.AdminEmail, "Demo admin")]
    [InlineData(DemoSeeder.LeadEmail, "Demo coalition lead")]
    [InlineData(DemoSeeder.StaffEmail, "Demo staff member")]
    public async Task The_published_demo_password_stays_valid_for_the_demo_accounts(string email, string displayName)
    {
        (await ProblemsAsync(DemoSeeder.DemoPassword, email, displayName)).Should().BeEmpty();
    }
}

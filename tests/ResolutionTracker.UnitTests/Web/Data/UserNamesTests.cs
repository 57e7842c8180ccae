using ResolutionTracker.Web.Data;

namespace ResolutionTracker.UnitTests.Web.Data;

public class UserNamesTests
{
    [Fact]
    public void A_user_is_named_by_their_display_name()
    {
        UserNames.Of("Amina Diallo", "amina@example.org").Should().Be("Amina Diallo");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Without_a_display_name_the_email_address_is_shown(string? displayName)
    {
        UserNames.Of(displayName, "amina@example.org").Should().Be("amina@example.org");
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", "")]
    [InlineData(" ", "\t")]
    public void Without_either_the_user_is_a_former_member(string? displayName, string? email)
    {
        UserNames.Of(displayName, email).Should().Be("a former member");
    }

    [Fact]
    public void An_account_that_is_gone_is_a_former_member()
    {
        UserNames.Of((ApplicationUser?)null).Should().Be(UserNames.FormerMember);
    }

    [Fact]
    public void An_account_is_named_by_the_same_rule()
    {
        UserNames.Of(new ApplicationUser { DisplayName = "", Email = "lead@example.org" }).Should().Be("lead@example.org");
        UserNames.Of(new ApplicationUser { DisplayName = "Lead", Email = "lead@example.org" }).Should().Be("Lead");
    }

    [Fact]
    public void An_id_missing_from_the_names_loaded_is_a_former_member()
    {
        var names = new Dictionary<string, string> { ["u1"] = "Amina Diallo" };

        names.NameOf("u1").Should().Be("Amina Diallo");
        names.NameOf("u2").Should().Be(UserNames.FormerMember);
        names.NameOf(null).Should().Be(UserNames.FormerMember);
    }
}

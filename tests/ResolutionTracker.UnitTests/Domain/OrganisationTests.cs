using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Organisations;

namespace ResolutionTracker.UnitTests.Domain;

public class OrganisationTests
{
    [Fact]
    public void An_organisation_gets_a_slug_from_its_name()
    {
        new Organisation("International Service for Human Rights", OrganisationKind.Ngo, shortName: "ISHR")
            .Slug.Should().Be("international-service-for-human-rights");
    }

    [Fact]
    public void Renaming_an_organisation_changes_its_slug()
    {
        var ngo = Examples.Ngo("Human Rights Watch");

        ngo.Rename("  Amnesty International  ", "AI");

        ngo.Name.Should().Be("Amnesty International");
        ngo.Slug.Should().Be("amnesty-international");
        ngo.DisplayName.Should().Be("Amnesty International (AI)");
    }

    [Fact]
    public void The_display_name_is_the_name_alone_without_a_short_name()
    {
        Examples.Ngo("CIVICUS").DisplayName.Should().Be("CIVICUS");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("—")]
    public void A_name_without_letters_or_digits_is_refused(string name)
    {
        var act = () => new Organisation(name, OrganisationKind.Ngo);

        act.Should().Throw<DomainException>();
    }

    [Fact]
    public void A_state_belongs_to_a_regional_group()
    {
        var china = new Organisation("China", OrganisationKind.State, RegionalGroup.AsiaPacific);

        china.RegionalGroup.Should().Be(RegionalGroup.AsiaPacific);
    }

    [Theory]
    [InlineData(OrganisationKind.Ngo)]
    [InlineData(OrganisationKind.UnBody)]
    [InlineData(OrganisationKind.Nhri)]
    public void Only_a_state_belongs_to_a_regional_group(OrganisationKind kind)
    {
        var act = () => new Organisation("Some organisation", kind, RegionalGroup.African);

        act.Should().Throw<DomainException>().WithMessage("*regional group*");
    }

    [Fact]
    public void Setting_a_regional_group_on_an_ngo_is_refused()
    {
        var ngo = Examples.Ngo("Human Rights Watch");

        var act = () => ngo.SetRegionalGroup(RegionalGroup.WesternEuropeanAndOthers);

        act.Should().Throw<DomainException>();
        ngo.RegionalGroup.Should().BeNull();
    }

    [Fact]
    public void A_state_may_have_its_regional_group_cleared()
    {
        var state = Examples.State("Denmark", RegionalGroup.WesternEuropeanAndOthers);

        state.SetRegionalGroup(null);

        state.RegionalGroup.Should().BeNull();
    }

    [Theory]
    [InlineData("https://www.hrw.org")]
    [InlineData("http://example.org/ngo")]
    public void A_website_is_an_http_address(string website)
    {
        new Organisation("Human Rights Watch", OrganisationKind.Ngo, website: website).Website.Should().Be(website);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://example.org")]
    [InlineData("www.hrw.org")]
    public void A_website_that_is_not_an_http_address_is_refused(string website)
    {
        var act = () => new Organisation("Human Rights Watch", OrganisationKind.Ngo, website: website);

        act.Should().Throw<DomainException>();
    }

    [Fact]
    public void Only_a_state_can_be_a_member_of_a_UN_body()
    {
        var act = () => new Membership(Examples.Ngo("Human Rights Watch"), UnBody.HumanRightsCouncil, 2018);

        act.Should().Throw<DomainException>();
    }

    [Theory]
    [InlineData(1944)]
    [InlineData(2201)]
    public void A_membership_year_out_of_range_is_refused(int year)
    {
        var act = () => new Membership(Examples.State("China"), UnBody.HumanRightsCouncil, year);

        act.Should().Throw<DomainException>();
    }

    [Fact]
    public void A_state_is_a_member_of_a_body_in_a_year()
    {
        var membership = new Membership(Examples.State("China"), UnBody.HumanRightsCouncil, 2018);

        membership.Body.Should().Be(UnBody.HumanRightsCouncil);
        membership.Year.Should().Be(2018);
    }
}

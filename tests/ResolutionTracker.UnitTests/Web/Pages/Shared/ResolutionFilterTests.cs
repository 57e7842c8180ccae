using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Resolutions;
using ResolutionTracker.Web.Pages.Shared;

namespace ResolutionTracker.UnitTests.Web.Pages.Shared;

public class ResolutionFilterTests
{
    private static readonly Resolution Hrc43Draft = new("A/HRC/43/L.31", "Cooperation", UnBody.HumanRightsCouncil,
        new Session(UnBody.HumanRightsCouncil, 43, new DateOnly(2020, 2, 24)));

    private static readonly Resolution Hrc37Adopted = new("A/HRC/RES/37/23", "Cooperation", UnBody.HumanRightsCouncil,
        new Session(UnBody.HumanRightsCouncil, 37, new DateOnly(2018, 2, 26)), ResolutionStatus.Adopted);

    private static readonly Resolution Ga75Adopted = new("A/RES/75/1", "Declaration", UnBody.GeneralAssembly,
        new Session(UnBody.GeneralAssembly, 75, new DateOnly(2020, 9, 15)), ResolutionStatus.Adopted);

    private static readonly IQueryable<Resolution> All = new[] { Hrc37Adopted, Hrc43Draft, Ga75Adopted }.AsQueryable();

    [Fact]
    public void The_three_filters_are_read_from_the_query_string_values()
    {
        var filter = ResolutionFilter.Read(new ListFilters(), "generalassembly", "75", "Adopted");

        filter.Should().Be(new ResolutionFilter(UnBody.GeneralAssembly, 75, ResolutionStatus.Adopted));
        filter.Any.Should().BeTrue();
    }

    [Fact]
    public void Unknown_values_are_ignored_body_status_then_session()
    {
        var filters = new ListFilters();

        var filter = ResolutionFilter.Read(filters, "Mars", " abc", "Lost");

        filter.Should().Be(ResolutionFilter.None);
        filter.Any.Should().BeFalse();
        filters.Ignored.Should().Equal("body \u201cMars\u201d", "status \u201cLost\u201d", "session \u201cabc\u201d");
    }

    [Fact]
    public void No_filter_lists_every_resolution_newest_session_first()
    {
        ResolutionFilter.None.Apply(All).Select(r => r.Symbol).Should().Equal("A/RES/75/1", "A/HRC/43/L.31", "A/HRC/RES/37/23");
    }

    [Fact]
    public void Each_filter_narrows_the_list()
    {
        new ResolutionFilter(UnBody.HumanRightsCouncil, null, null).Apply(All).Select(r => r.Symbol)
            .Should().Equal("A/HRC/43/L.31", "A/HRC/RES/37/23");
        new ResolutionFilter(null, 37, null).Apply(All).Select(r => r.Symbol).Should().Equal("A/HRC/RES/37/23");
        new ResolutionFilter(null, null, ResolutionStatus.Adopted).Apply(All).Select(r => r.Symbol)
            .Should().Equal("A/RES/75/1", "A/HRC/RES/37/23");
        new ResolutionFilter(UnBody.GeneralAssembly, 43, null).Apply(All).Should().BeEmpty();
    }
}

using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Concerns;
using ResolutionTracker.UnitTests.Domain;
using ResolutionTracker.Web.Data;

namespace ResolutionTracker.UnitTests.Web.Data;

public class SeverityOrderTests
{
    [Fact]
    public void Concerns_come_most_severe_first_not_in_alphabetical_order()
    {
        var resolution = Examples.L31();
        var concerns = new[] { Severity.Low, Severity.Critical, Severity.Medium, Severity.High, Severity.Low }
            .Select((s, i) => new Concern(resolution, "staff-1", $"Concern {i}", null, null, s, Examples.Now))
            .ToList();

        var ordered = concerns.AsQueryable().MostSevereFirst().ThenBy(c => c.Heading).ToList();

        ordered.Select(c => c.Severity).Should().Equal(Severity.Critical, Severity.High, Severity.Medium, Severity.Low, Severity.Low);
        ordered.Select(c => c.Heading).TakeLast(2).Should().Equal("Concern 0", "Concern 4");
    }
}

using Microsoft.AspNetCore.Http;
using ResolutionTracker.Web.Infrastructure;
using Serilog.Events;

namespace ResolutionTracker.IntegrationTests.Infrastructure;

// Which requests make a line in the production log (Information and above) and at what level.
public sealed class RequestLogLevelTests
{
    [Theory]
    [InlineData("/briefings/a", 200, 12.0, LogEventLevel.Debug)]
    [InlineData("/briefings/a", 304, 1.0, LogEventLevel.Debug)]
    [InlineData("/desk/concerns/1", 302, 30.0, LogEventLevel.Debug)]
    [InlineData("/briefings/unknown", 404, 3.0, LogEventLevel.Information)]
    [InlineData("/search", 400, 3.0, LogEventLevel.Information)]
    [InlineData("/briefings/a", 200, 1000.0, LogEventLevel.Warning)]
    [InlineData("/briefings/unknown", 404, 2500.0, LogEventLevel.Warning)]
    [InlineData("/briefings/a", 500, 5.0, LogEventLevel.Error)]
    [InlineData("/health/live", 200, 0.1, LogEventLevel.Verbose)]
    [InlineData("/health/ready", 200, 1500.0, LogEventLevel.Verbose)]
    [InlineData("/health/ready", 503, 5.0, LogEventLevel.Error)]
    public void A_request_is_logged_at_the_level_its_outcome_deserves(string path, int status, double milliseconds, LogEventLevel expected) =>
        Logging.RequestLevel(new PathString(path), status, milliseconds, exception: null).Should().Be(expected);

    [Fact]
    public void A_request_that_threw_is_an_error_even_when_its_status_looks_fine() =>
        Logging.RequestLevel(new PathString("/about"), 200, 2.0, new InvalidOperationException("boom")).Should().Be(LogEventLevel.Error);
}

using System.Net;
using ResolutionTracker.IntegrationTests.Fixture;

namespace ResolutionTracker.IntegrationTests.Infrastructure;

public sealed class HealthTests(AppFactory app) : AppTest(app)
{
    [Fact]
    public async Task Liveness_answers_200()
    {
        using var client = App.CreateClient();

        var status = await client.GetStatusAsync("/health/live");

        status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Readiness_answers_200_when_the_database_is_up()
    {
        using var client = App.CreateClient();

        using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("Healthy");
    }
}

using Npgsql;
using ResolutionTracker.Web.Data;

namespace ResolutionTracker.IntegrationTests.Data;

public sealed class ConnectionSettingsTests
{
    [Fact]
    public void A_plain_connection_string_gets_prepared_statements_no_reset_and_a_pool_near_the_cpu_count()
    {
        var tuned = new NpgsqlConnectionStringBuilder(AppDbContext.Tuned("Host=db;Database=rt;Username=app;Password=secret"));

        tuned.MaxAutoPrepare.Should().Be(64);
        tuned.NoResetOnClose.Should().BeTrue();
        tuned.MaxPoolSize.Should().Be(Math.Max(8, 4 * Environment.ProcessorCount));
        tuned.Host.Should().Be("db");
        tuned.Database.Should().Be("rt");
        tuned.Password.Should().Be("secret");
    }

    [Fact]
    public void Settings_the_connection_string_gives_are_kept()
    {
        var tuned = new NpgsqlConnectionStringBuilder(AppDbContext.Tuned(
            "Host=db;Database=rt;Username=app;Max Auto Prepare=0;No Reset On Close=false;Maximum Pool Size=50"));

        tuned.MaxAutoPrepare.Should().Be(0);
        tuned.NoResetOnClose.Should().BeFalse();
        tuned.MaxPoolSize.Should().Be(50);
    }

    [Fact]
    public void A_malformed_connection_string_is_refused_with_the_providers_message()
    {
        var act = () => AppDbContext.Tuned("Host=db;Database=rt;Max Auto Prepare=many");

        act.Should().Throw<Exception>();
    }
}

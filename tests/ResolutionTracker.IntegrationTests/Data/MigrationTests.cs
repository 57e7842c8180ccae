using Microsoft.EntityFrameworkCore;
using ResolutionTracker.IntegrationTests.Fixture;

namespace ResolutionTracker.IntegrationTests.Data;

public sealed class MigrationTests
{
    [Fact]
    public void The_model_has_no_changes_missing_from_the_migrations()
    {
        // Comparing the model with the migrations' snapshot needs no connection.
        using var db = TestDatabase.CreateContext(TestDatabase.ConnectionStringFor(TestDatabase.NameFor("it_model")));

        db.Database.HasPendingModelChanges().Should().BeFalse("run `dotnet ef migrations add <Name>` after changing the model");
    }

    [Fact]
    public async Task The_migrations_apply_to_an_empty_database()
    {
        await using var database = await ScratchDatabase.CreateAsync("it_empty");

        await TestDatabase.MigrateAsync(database.ConnectionString);

        await using var db = TestDatabase.CreateContext(database.ConnectionString);
        (await db.Database.GetAppliedMigrationsAsync()).Should().Equal(db.Database.GetMigrations());
    }
}

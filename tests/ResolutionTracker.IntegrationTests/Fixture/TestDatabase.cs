using Microsoft.EntityFrameworkCore;
using Npgsql;
using ResolutionTracker.Web.Data;

namespace ResolutionTracker.IntegrationTests.Fixture;

// Every test project gets databases of its own on the server scripts/test starts: `dotnet test` runs
// projects in parallel, and a shared database would be reset under another project's feet.
public static class TestDatabase
{
    private const string Variable = "ConnectionStrings__Default";

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{Variable} is not set. Run the tests with scripts/test, which starts PostgreSQL and sets it, " +
                $"or export {Variable}=\"Host=...;Port=...;Database=...;Username=...;Password=...\" for a role that may create databases.");

    // "resolutiontracker_test" + "_it" -> "resolutiontracker_test_it".
    public static string NameFor(string suffix)
    {
        var baseName = new NpgsqlConnectionStringBuilder(ServerConnectionString).Database;
        if (string.IsNullOrEmpty(baseName))
            throw new InvalidOperationException($"{Variable} names no database (Database=...).");
        return $"{baseName}_{suffix}";
    }

    public static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database, Pooling = false }.ConnectionString;

    // Drops the database when it exists (closing any leftover connections) and creates it empty.
    public static async Task<string> RecreateAsync(string database)
    {
        await DropAsync(database);
        await ExecuteOnServerAsync($"CREATE DATABASE {Quote(database)}");
        return ConnectionStringFor(database);
    }

    // FORCE closes the connections of our own role. An autovacuum worker, which PostgreSQL starts in a database
    // moments after a migration filled it, belongs to no role, and a role without pg_signal_backend may not end it:
    // the drop fails (42501) until the worker is done, which takes well under a second on these small databases.
    public static async Task DropAsync(string database)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {Quote(database)} WITH (FORCE)");
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 50)
            {
                await Task.Delay(200);
            }
        }
    }

    public static async Task MigrateAsync(string connectionString)
    {
        await using var db = CreateContext(connectionString);
        await db.Database.MigrateAsync();
    }

    public static AppDbContext CreateContext(string connectionString)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        AppDbContext.Configure(options, connectionString);
        return new AppDbContext(options.Options);
    }

    private static async Task ExecuteOnServerAsync(string sql)
    {
        // The server connection string's own database is only a place to stand while creating ours.
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

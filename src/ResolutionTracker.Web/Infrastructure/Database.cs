using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ResolutionTracker.Web.Authorization;
using ResolutionTracker.Web.Data;
using ResolutionTracker.Web.Data.Auditing;
using ResolutionTracker.Web.Data.Seeding;

namespace ResolutionTracker.Web.Infrastructure;

internal static partial class Database
{
    // Development migrates and seeds on start; elsewhere the schema moves only by `dotnet ResolutionTracker.Web.dll migrate`.
    // Returns false when the app must not start.
    public static async Task<bool> PrepareAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(Database));
        try
        {
            return await PrepareAsync(app, scope.ServiceProvider, logger);
        }
        catch (Npgsql.NpgsqlException ex)
        {
            LogUnreachable(logger, ex);
            return false;
        }
    }

    private static async Task<bool> PrepareAsync(WebApplication app, IServiceProvider services, ILogger logger)
    {
        services.GetRequiredService<CurrentActor>().ActAs("system:start-up");
        var db = services.GetRequiredService<AppDbContext>();
        if (app.Environment.IsDevelopment() || app.Configuration.GetValue<bool>("Database:MigrateOnStart"))
        {
            await MigrateAsync(db, logger);
            await EnsureRolesAsync(services);
            if (app.Environment.IsDevelopment() && app.Configuration.GetValue("Database:SeedDemo", true))
                await services.GetRequiredService<DemoSeeder>().SeedAsync(includeDemoAccounts: true);
            return true;
        }

        var pending = await PendingMigrationsAsync(db);
        if (pending.Count > 0)
        {
            var names = string.Join(", ", pending);
            LogUnmigrated(logger, pending.Count, names);
            return false;
        }
        await EnsureRolesAsync(services);
        return true;
    }

    // The `migrate` and `seed-demo` commands; null when the arguments name no command.
    public static async Task<int?> RunCommandAsync(WebApplication app, string? command)
    {
        if (command is null)
            return null;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(Database));
        try
        {
            return await RunAsync(scope.ServiceProvider, db, logger, command, app.Environment.IsDevelopment());
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or InvalidOperationException or DbUpdateException)
        {
            LogCommandFailed(logger, ex, command);
            return 1;
        }
    }

    private static async Task<int> RunAsync(IServiceProvider services, AppDbContext db, ILogger logger, string command, bool isDevelopment)
    {
        services.GetRequiredService<CurrentActor>().ActAs($"system:{command}");
        switch (command)
        {
            case "migrate":
                await MigrateAsync(db, logger);
                await EnsureRolesAsync(services);
                return 0;
            case "seed-demo":
                await MigrateAsync(db, logger);
                await EnsureRolesAsync(services);
                // Demo accounts have a published password: never outside Development.
                await services.GetRequiredService<DemoSeeder>().SeedAsync(includeDemoAccounts: isDevelopment);
                return 0;
            default:
                LogUnknownCommand(logger, command);
                return 2;
        }
    }

    // Asking EF for pending migrations on an empty database logs a failed query against the missing history table; look first.
    private static async Task<List<string>> PendingMigrationsAsync(AppDbContext db)
    {
        var exists = await db.Database
            .SqlQuery<bool>($"SELECT to_regclass('\"__EFMigrationsHistory\"') IS NOT NULL AS \"Value\"")
            .SingleAsync();
        return exists
            ? (await db.Database.GetPendingMigrationsAsync()).ToList()
            : db.Database.GetMigrations().ToList();
    }

    public static async Task MigrateAsync(AppDbContext db, ILogger logger)
    {
        var pending = await PendingMigrationsAsync(db);
        if (pending.Count == 0)
        {
            LogUpToDate(logger);
            return;
        }
        // EF's migrator reads the history table before creating it and logs that failure on a new database.
        await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync();
        await db.Database.MigrateAsync();
        var names = string.Join(", ", pending);
        LogMigrated(logger, pending.Count, names);
    }

    public static async Task EnsureRolesAsync(IServiceProvider services)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "The database is not migrated ({PendingCount} pending: {PendingMigrations}). Run `dotnet ResolutionTracker.Web.dll migrate` first; refusing to start.")]
    private static partial void LogUnmigrated(ILogger logger, int pendingCount, string pendingMigrations);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Cannot reach the database; check ConnectionStrings__Default and that PostgreSQL is running. Refusing to start.")]
    private static partial void LogUnreachable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The {Command} command failed")]
    private static partial void LogCommandFailed(ILogger logger, Exception exception, string command);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unknown command {Command}: use `migrate` or `seed-demo`, or no argument to serve the app.")]
    private static partial void LogUnknownCommand(ILogger logger, string command);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema is up to date")]
    private static partial void LogUpToDate(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied {Count} migrations: {Migrations}")]
    private static partial void LogMigrated(ILogger logger, int count, string migrations);
}

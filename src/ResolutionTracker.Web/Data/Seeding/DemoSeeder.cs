namespace ResolutionTracker.Web.Data.Seeding;

internal sealed class DemoSeeder(AppDbContext db)
{
    public Task SeedAsync(bool includeDemoAccounts)
    {
        _ = db;
        _ = includeDemoAccounts;
        return Task.CompletedTask;
    }
}

namespace ResolutionTracker.IntegrationTests.Fixture;

[CollectionDefinition(nameof(AppGroup))]
public sealed class AppGroup : ICollectionFixture<AppFactory>;

// Tests share one app and one database, so they run one after another and each starts from empty tables.
[Collection(nameof(AppGroup))]
public abstract class AppTest(AppFactory app) : IAsyncLifetime
{
    protected AppFactory App { get; } = app;

    public Task InitializeAsync() => App.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}

namespace ResolutionTracker.IntegrationTests.Fixture;

// An empty database for one test, dropped afterwards.
public sealed class ScratchDatabase : IAsyncDisposable
{
    private readonly string _name;

    private ScratchDatabase(string name, string connectionString)
    {
        _name = name;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static async Task<ScratchDatabase> CreateAsync(string suffix)
    {
        var name = TestDatabase.NameFor(suffix);
        return new ScratchDatabase(name, await TestDatabase.RecreateAsync(name));
    }

    public async ValueTask DisposeAsync() => await TestDatabase.DropAsync(_name);
}

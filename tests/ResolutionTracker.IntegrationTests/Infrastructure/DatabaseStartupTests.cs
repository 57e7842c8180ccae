using System.Diagnostics;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.IntegrationTests.Fixture;

namespace ResolutionTracker.IntegrationTests.Infrastructure;

// Runs the built app as operators do (`dotnet ResolutionTracker.Web.dll ...`), each test on a fresh empty database.
public sealed class DatabaseStartupTests
{
    [Fact]
    public async Task Production_refuses_to_start_on_an_unmigrated_database()
    {
        await using var database = await ScratchDatabase.CreateAsync("it_unmigrated");

        var run = await RunAppAsync(database.ConnectionString);

        run.ExitCode.Should().NotBe(0, run.Output);
        run.Output.Should().Contain("not migrated");
    }

    [Theory]
    [InlineData("", "Refusing to start: no public address")]
    [InlineData("tracker.example.org", "is not the address of a site's root")]
    [InlineData("https://tracker.example.org/app?x=1", "is not the address of a site's root")]
    public async Task Production_refuses_to_start_without_a_usable_public_address(string publicUrl, string logged)
    {
        await using var database = await ScratchDatabase.CreateAsync("it_public_url");

        // The command line overrides the environment's Site__PublicUrl.
        var run = await RunAppAsync(database.ConnectionString, "--Site:PublicUrl=" + publicUrl);

        run.ExitCode.Should().Be(4, run.Output);
        run.Output.Should().Contain(logged).And.Contain("Site__PublicUrl");
    }

    [Fact]
    public async Task The_migrate_command_applies_every_migration_and_exits_0()
    {
        await using var database = await ScratchDatabase.CreateAsync("it_migrate");

        var run = await RunAppAsync(database.ConnectionString, "migrate");

        run.ExitCode.Should().Be(0, run.Output);
        await using var db = TestDatabase.CreateContext(database.ConnectionString);
        (await db.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
    }

    private sealed record Run(int ExitCode, string Output);

    private static async Task<Run> RunAppAsync(string connectionString, params string[] arguments)
    {
        var dll = AppDll();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        start.Environment["ConnectionStrings__Default"] = connectionString;
        start.Environment["Site__PublicUrl"] = "https://tracker.example.org";
        // Should the app start after all, it must not collide with anything: any free port.
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            output.Append("(killed after 60 s: the app kept running)\n");
        }
        output.Append(await stdout).Append(await stderr);
        return new Run(process.ExitCode, output.ToString());
    }

    // The app's own build output next to this project's: src/ResolutionTracker.Web/bin/<Configuration>/<tfm>/.
    private static string AppDll()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testBin.Name;
        var configuration = testBin.Parent!.Name;
        var root = testBin;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "ResolutionTracker.sln")))
            root = root.Parent;
        root.Should().NotBeNull("the tests run from inside the repository");
        var dll = Path.Combine(root!.FullName, "src", "ResolutionTracker.Web", "bin", configuration, framework, "ResolutionTracker.Web.dll");
        File.Exists(dll).Should().BeTrue($"the app is built before its tests ({dll})");
        return dll;
    }
}

using ResolutionTracker.Web.Infrastructure;

// `dotnet ResolutionTracker.Web.dll migrate` and `... seed-demo` run a command and exit; no argument serves the app.
// Only a first argument that is not an option names a command, so `--urls http://...` stays an option.
var command = args.Length > 0 && !args[0].StartsWith('-') && !args[0].Contains('=', StringComparison.Ordinal) ? args[0] : null;
var builder = WebApplication.CreateBuilder(command is null ? args : args[1..]);
builder.AddAppLogging();
builder.AddAppServices();

// Disposed on every way out, so the log (written from a background queue) is flushed before the process ends.
await using var app = builder.Build();
if (await Database.RunCommandAsync(app, command) is { } exitCode)
    return exitCode;
if (!PublicSite.CheckOnStart(app))
    return 4;
if (!await Database.PrepareAsync(app))
    return 3;

app.UseAppPipeline();
await app.RunAsync();
return 0;

public partial class Program;

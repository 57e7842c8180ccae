using ResolutionTracker.Web.Infrastructure;

// `dotnet ResolutionTracker.Web.dll migrate` and `... seed-demo` run a command and exit; no argument serves the app.
var command = args.FirstOrDefault(a => !a.StartsWith('-') && !a.Contains('=', StringComparison.Ordinal));
var builder = WebApplication.CreateBuilder(args.Where(a => a != command).ToArray());
builder.AddAppLogging();
builder.AddAppServices();

var app = builder.Build();
if (await Database.RunCommandAsync(app, command) is { } exitCode)
    return exitCode;
if (!await Database.PrepareAsync(app))
    return 3;

app.UseAppPipeline();
await app.RunAsync();
return 0;

public partial class Program;

using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Respawn;
using ResolutionTracker.Web.Data;
using ResolutionTracker.Web.Data.Seeding;

namespace ResolutionTracker.IntegrationTests.Fixture;

// The app as production runs it (not Development: no auto-seed, the real error pages), on a real
// PostgreSQL database created and migrated once per run and emptied by Respawn before each test.
public sealed class AppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Integration-Test-1";
    public const string PublicUrl = "http://localhost";

    private Respawner? _respawner;

    public AppFactory()
    {
        DatabaseName = TestDatabase.NameFor("it");
        ConnectionString = TestDatabase.ConnectionStringFor(DatabaseName);
    }

    public string DatabaseName { get; }
    public string ConnectionString { get; }

    // Starts at the real time so cookie lifetimes stay sensible; tests move it when time matters.
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Default", ConnectionString);
        // Outside Development the app does not start without its public address: the test server's.
        builder.UseSetting("Site:PublicUrl", PublicUrl);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    public async Task InitializeAsync()
    {
        await TestDatabase.RecreateAsync(DatabaseName);
        await TestDatabase.MigrateAsync(ConnectionString);
        // Starting the host runs the app's own start-up checks, which create the roles.
        _ = Services;

        await using var db = TestDatabase.CreateContext(ConnectionString);
        string Table<T>() => db.Model.FindEntityType(typeof(T))!.GetTableName()!;
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        _respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ["public"],
            // Roles are reference data the app creates at start; the key ring must outlive a test
            // or the cookies of clients created earlier would stop decrypting.
            TablesToIgnore = ["__EFMigrationsHistory", Table<IdentityRole>(), Table<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>()],
        });
    }

    public async Task ResetAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await _respawner!.ResetAsync(connection);
        // The output cache lives in memory and would outlast the data a test cached it from.
        await ResolutionTracker.Web.Infrastructure.PublicCache.EvictAsync(Services, CancellationToken.None);
    }

    public async Task SeedDemoAsync(bool includeDemoAccounts = false)
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(includeDemoAccounts);
    }

    public async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task ExecuteAsync(Func<AppDbContext, Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await action(db);
        await db.SaveChangesAsync();
    }

    public async Task<ApplicationUser> CreateUserAsync(string role)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.local";
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"Test {role}" };
        var created = await users.CreateAsync(user, Password);
        created.Succeeded.Should().BeTrue(string.Join("; ", created.Errors.Select(e => e.Description)));
        (await users.AddToRoleAsync(user, role)).Succeeded.Should().BeTrue();
        return user;
    }

    // Signs in through the real form, antiforgery token and all, so the cookie is the one users get.
    public async Task<HttpClient> CreateClientAsUserAsync(string role)
    {
        var user = await CreateUserAsync(role);
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await SignInAsync(client, user.Email!, Password);
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.Redirect, "a successful sign-in redirects");
        return client;
    }

    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password)
    {
        ArgumentNullException.ThrowIfNull(client);
        var signInPage = await client.GetDocumentAsync("/account/sign-in");
        var form = signInPage.Forms.Single(f => f.QuerySelector("input[type=password]") is not null);
        var fields = form.QuerySelectorAll<IHtmlInputElement>("input[name]")
            .Where(i => i.Type is not ("checkbox" or "submit"))
            .ToDictionary(i => i.Name!, i => i.Type switch
            {
                "email" => email,
                "password" => password,
                _ when i.Name!.EndsWith("Email", StringComparison.OrdinalIgnoreCase) => email,
                _ => i.Value,
            });
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? "/account/sign-in" : form.GetAttribute("action")!;
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(action, UriKind.Relative), content);
    }

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResolutionTracker.IntegrationTests.Fixture;
using ResolutionTracker.Web.Briefings;
using ResolutionTracker.Web.Data;
using static ResolutionTracker.IntegrationTests.Pages.Public.Briefings.PublishedBriefings;

namespace ResolutionTracker.IntegrationTests.Data;

// A publish saved inside a caller's transaction (the demo seeder's, for one) evicts the cached public pages when
// that transaction commits: evicted earlier, a visitor in between would cache the old page again.
public sealed class EvictOnCommitTests(AppFactory app) : AppTest(app)
{
    private const string Url = "/briefings/" + DemoSlug;

    private async Task<HttpClient> CachedAsync()
    {
        await App.SeedDemoAsync(includeDemoAccounts: true);
        await EvictAsync(App);
        var client = App.CreateClient();
        (await client.GetDocumentAsync(Url)).QuerySelector("h1")!.TextContent.Should().NotContain("ZqxCommit");
        return client;
    }

    private async Task PublishNewTitleAsync(AppDbContext db, string lead)
    {
        var id = await db.Briefings.Where(b => b.Slug == DemoSlug).Select(b => b.Id).SingleAsync();
        var briefing = (await BriefingDocumentBuilder.LoadAsync(db, id))!;
        var now = App.Clock.GetUtcNow();
        briefing.Edit("Second version ZqxCommit", briefing.Introduction, briefing.Stance, briefing.PositionStatement, now);
        BriefingDocumentBuilder.Publish(briefing, lead, now);
        await db.SaveChangesAsync();
    }

    private static async Task<bool> ServedFromCacheAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri(Url, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return response.Headers.Age is not null;
    }

    [Fact]
    public async Task The_cache_is_kept_until_the_callers_transaction_commits_then_the_new_version_shows()
    {
        using var client = await CachedAsync();
        var lead = await LeadIdAsync(App);
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();

        await PublishNewTitleAsync(db, lead);

        (await ServedFromCacheAsync(client)).Should().BeTrue("nothing is committed yet, so the cached page is still the truth");
        await transaction.CommitAsync();
        (await ServedFromCacheAsync(client)).Should().BeFalse("the commit evicted the cached page");
        (await client.GetDocumentAsync(Url)).QuerySelector("h1")!.TextContent.Should().Contain("ZqxCommit");
    }

    [Fact]
    public async Task A_rolled_back_transaction_evicts_nothing_and_the_page_stays_as_it_was()
    {
        using var client = await CachedAsync();
        var lead = await LeadIdAsync(App);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await PublishNewTitleAsync(db, lead);
            await transaction.RollbackAsync();
        }

        (await ServedFromCacheAsync(client)).Should().BeTrue();
        await EvictAsync(App);
        (await client.GetDocumentAsync(Url)).QuerySelector("h1")!.TextContent.Should().NotContain("ZqxCommit");
        (await App.QueryAsync(db => db.BriefingSnapshots.CountAsync())).Should().Be(1);
    }

    [Fact]
    public async Task A_save_in_its_own_transaction_still_evicts_at_once()
    {
        using var client = await CachedAsync();
        var lead = await LeadIdAsync(App);
        await using (var scope = App.Services.CreateAsyncScope())
            await PublishNewTitleAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), lead);

        (await client.GetDocumentAsync(Url)).QuerySelector("h1")!.TextContent.Should().Contain("ZqxCommit");
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Organisations;
using ResolutionTracker.IntegrationTests.Fixture;
using ResolutionTracker.Web.Data;
using ResolutionTracker.Web.Pages.Shared;

namespace ResolutionTracker.IntegrationTests.Data;

// Two people load the same record, both change it, both save: the second save is refused (xmin), nothing is lost.
public class ConcurrencyTests(AppFactory app) : AppTest(app)
{
    [Fact]
    public async Task The_second_of_two_concurrent_edits_of_a_concern_is_refused_and_the_first_is_kept()
    {
        await App.SeedDemoAsync();
        var id = await App.QueryAsync(db => db.Concerns.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
        await using var first = App.Services.CreateAsyncScope();
        await using var second = App.Services.CreateAsyncScope();
        var db1 = first.ServiceProvider.GetRequiredService<AppDbContext>();
        var db2 = second.ServiceProvider.GetRequiredService<AppDbContext>();
        var mine = await db1.Concerns.SingleAsync(c => c.Id == id);
        var theirs = await db2.Concerns.SingleAsync(c => c.Id == id);
        var lead = new Actor(mine.AuthorId, CanReview: true);

        mine.Edit(lead, "Saved first", mine.Summary, mine.Body, mine.Severity, App.Clock.GetUtcNow());
        await db1.SaveChangesAsync();
        theirs.Edit(lead, "Saved second", theirs.Summary, theirs.Body, theirs.Severity, App.Clock.GetUtcNow());
        var act = () => db2.SaveChangesAsync();

        await act.Should().ThrowAsync<DbUpdateConcurrencyException>();
        (await App.QueryAsync(db => db.Concerns.Where(c => c.Id == id).Select(c => c.Heading).SingleAsync())).Should().Be("Saved first");
    }

    [Fact]
    public async Task Each_save_moves_the_row_version_on()
    {
        await App.SeedDemoAsync();
        var id = await App.QueryAsync(db => db.Organisations.OrderBy(o => o.Id).Select(o => o.Id).FirstAsync());
        var before = await App.QueryAsync(db => db.Organisations.Where(o => o.Id == id).Select(o => o.RowVersion).SingleAsync());

        await App.ExecuteAsync(async db => (await db.Organisations.SingleAsync(o => o.Id == id)).SetWebsite("https://example.org"));

        var after = await App.QueryAsync(db => db.Organisations.Where(o => o.Id == id).Select(o => o.RowVersion).SingleAsync());
        after.Should().NotBe(before);
    }

    // A form that changes nothing on the record's own row (the same UpdatedAt, only a child row) must still be
    // checked against the version it was loaded with. This once passed a stale version one time in ten,
    // whenever the clock fell on a whole microsecond.
    [Fact]
    public async Task A_stale_version_is_a_conflict_even_when_the_row_itself_is_unchanged()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var organisation = await FirstOrganisationAsync(db);
        var current = organisation.RowVersion;

        db.ExpectVersion(organisation, current - 1);
        organisation.SetWebsite(organisation.Website);
        var saved = await db.TrySaveAsync(organisation);

        saved.Conflicted.Should().BeTrue();
        saved.Theirs!.RowVersion.Should().Be(current);
    }

    [Fact]
    public async Task The_current_version_with_nothing_changed_saves_and_moves_the_version_on()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var organisation = await FirstOrganisationAsync(db);
        var current = organisation.RowVersion;
        var audit = await App.QueryAsync(d => d.AuditEntries.CountAsync());

        db.ExpectVersion(organisation, current);
        var saved = await db.TrySaveAsync(organisation);

        saved.Conflicted.Should().BeFalse();
        (await App.QueryAsync(d => d.Organisations.Where(o => o.Id == organisation.Id).Select(o => o.RowVersion).SingleAsync())).Should().NotBe(current);
        (await App.QueryAsync(d => d.AuditEntries.CountAsync())).Should().Be(audit, "nothing changed, so nothing is audited");
    }

    private async Task<Organisation> FirstOrganisationAsync(AppDbContext db)
    {
        await App.SeedDemoAsync();
        return await db.Organisations.OrderBy(o => o.Id).FirstAsync();
    }
}

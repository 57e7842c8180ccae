using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Audit;
using ResolutionTracker.Domain.Concerns;
using ResolutionTracker.IntegrationTests.Fixture;
using ResolutionTracker.Web.Data;
using ResolutionTracker.Web.Data.Auditing;

namespace ResolutionTracker.IntegrationTests.Data.Auditing;

public class AuditTrailTests(AppFactory app) : AppTest(app)
{
    private static readonly DateTimeOffset Later = new(2026, 1, 5, 12, 0, 0, TimeSpan.Zero);

    // Runs a change in its own scope, acting as the given (system) actor, as a request would as its user.
    private async Task ActAsync(string actor, Func<AppDbContext, Task> change)
    {
        await using var scope = App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAs(actor);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await change(db);
        await db.SaveChangesAsync();
    }

    private Task<int> FirstConcernIdAsync() =>
        App.QueryAsync(db => db.Concerns.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());

    [Fact]
    public async Task Changing_a_field_records_who_when_and_both_values()
    {
        await App.SeedDemoAsync();
        var id = await FirstConcernIdAsync();
        var before = await App.QueryAsync(db => db.Concerns.Where(c => c.Id == id).Select(c => new { c.Heading, c.AuthorId }).SingleAsync());

        await ActAsync("tester", async db =>
        {
            var concern = await db.Concerns.SingleAsync(c => c.Id == id);
            concern.Edit(new Actor(before.AuthorId, CanReview: true), "A new heading", concern.Summary, concern.Body, concern.Severity, Later);
        });

        var entry = await App.QueryAsync(db => db.AuditEntries
            .SingleAsync(a => a.EntityType == "Concern" && a.Field == nameof(Concern.Heading) && a.NewValue == "A new heading"));
        entry.ActorId.Should().Be("tester");
        entry.Action.Should().Be(AuditAction.Modified);
        entry.OldValue.Should().Be(before.Heading);
        entry.RootType.Should().Be("Concern");
        entry.RootId.Should().Be(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_new_footnote_is_recorded_on_its_concerns_history_with_its_real_id()
    {
        await App.SeedDemoAsync();
        var id = await FirstConcernIdAsync();
        var authorId = await App.QueryAsync(db => db.Concerns.Where(c => c.Id == id).Select(c => c.AuthorId).SingleAsync());

        await ActAsync("tester", async db =>
        {
            var concern = await db.Concerns.Include(c => c.Footnotes).SingleAsync(c => c.Id == id);
            concern.AddFootnote(new Actor(authorId, CanReview: true), "A further note.", [new CitationInput("A/RES/60/251", null)], Later);
        });

        var footnoteId = await App.QueryAsync(db => db.Footnotes.Where(f => f.Text == "A further note.").Select(f => f.Id).SingleAsync());
        var entries = await App.QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == "Footnote" && a.Action == AuditAction.Added).ToListAsync());
        entries.Should().Contain(e => e.Field == "Text" && e.NewValue == "A further note.");
        entries.Should().OnlyContain(e => e.EntityId == footnoteId.ToString(System.Globalization.CultureInfo.InvariantCulture) || e.RootId != "");
        var citationEntries = await App.QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == "Citation" && a.Field == "Symbol").ToListAsync());
        citationEntries.Should().ContainSingle(e => e.NewValue == "A/RES/60/251" && e.RootType == "Concern"
            && e.RootId == id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_database_refuses_to_change_an_audit_entry()
    {
        await App.SeedDemoAsync();

        var act = () => App.ExecuteAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET new_value = 'forged'"));

        (await act.Should().ThrowAsync<PostgresException>()).Which.MessageText.Should().Contain("append-only");
        (await App.QueryAsync(db => db.AuditEntries.CountAsync(a => a.NewValue == "forged"))).Should().Be(0);
    }

    [Fact]
    public async Task The_database_refuses_to_delete_an_audit_entry()
    {
        await App.SeedDemoAsync();
        var count = await App.QueryAsync(db => db.AuditEntries.CountAsync());

        var act = () => App.ExecuteAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_entries"));

        await act.Should().ThrowAsync<PostgresException>();
        (await App.QueryAsync(db => db.AuditEntries.CountAsync())).Should().Be(count);
    }

    [Fact]
    public async Task A_save_that_fails_leaves_no_audit_entry_behind()
    {
        await App.SeedDemoAsync();
        var count = await App.QueryAsync(db => db.AuditEntries.CountAsync());

        // A second organisation with the same name breaks the unique slug index.
        var act = () => ActAsync("tester", db =>
        {
            db.Organisations.Add(new Domain.Organisations.Organisation("Amnesty International", OrganisationKind.Ngo));
            return Task.CompletedTask;
        });

        await act.Should().ThrowAsync<DbUpdateException>();
        (await App.QueryAsync(db => db.AuditEntries.CountAsync())).Should().Be(count);
    }
}

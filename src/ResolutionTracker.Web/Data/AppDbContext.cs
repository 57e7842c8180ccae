using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain.Annotations;
using ResolutionTracker.Domain.Audit;
using ResolutionTracker.Domain.Briefings;
using ResolutionTracker.Domain.Concerns;
using ResolutionTracker.Domain.Organisations;
using ResolutionTracker.Domain.Resolutions;
using ResolutionTracker.Domain.Settings;
using ResolutionTracker.Domain.Votes;
using ResolutionTracker.Web.Data.Auditing;

namespace ResolutionTracker.Web.Data;

// Contexts are pooled (see Infrastructure/Services.cs): building one from scratch for every request was most of
// the cost of a simple page. What a context needs from the request is handed to it each time it is rented (Use).
public sealed class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    private bool _writingAudit;
    private CurrentActor? actor;
    private TimeProvider? clock;
    private IOutputCacheStore? publicCache;
    private IOutputCacheStore? _staleCache;

    // Who is acting, the clock and this instance's public-page cache, for the request that rented this context.
    // Without them (tools, tests) audit entries have no actor, time is the system's and no cache is evicted.
    internal AppDbContext Use(CurrentActor? currentActor, TimeProvider? timeProvider, IOutputCacheStore? cache)
    {
        actor = currentActor;
        clock = timeProvider;
        publicCache = cache;
        _writingAudit = false;
        _staleCache = null;
        return this;
    }

    // Called by EvictOnCommit when the transaction that saved a public record commits, or is rolled back.
    internal ValueTask EvictStalePublicCacheAsync(CancellationToken cancellationToken)
    {
        var stale = _staleCache;
        _staleCache = null;
        return stale is null ? ValueTask.CompletedTask : ResolutionTracker.Web.Infrastructure.PublicCache.EvictAsync(stale, cancellationToken);
    }

    internal void ForgetStalePublicCache() => _staleCache = null;

    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<Session> Sessions => Set<Session>();
    public DbSet<Resolution> Resolutions => Set<Resolution>();
    public DbSet<ResolutionLink> ResolutionLinks => Set<ResolutionLink>();
    public DbSet<ResolutionVersion> Versions => Set<ResolutionVersion>();
    public DbSet<Paragraph> Paragraphs => Set<Paragraph>();
    public DbSet<ParagraphSubItem> ParagraphSubItems => Set<ParagraphSubItem>();
    public DbSet<Sponsorship> Sponsorships => Set<Sponsorship>();
    public DbSet<Concern> Concerns => Set<Concern>();
    public DbSet<ConcernParagraph> ConcernParagraphs => Set<ConcernParagraph>();
    public DbSet<ConcernRevision> ConcernRevisions => Set<ConcernRevision>();
    public DbSet<ReviewComment> ReviewComments => Set<ReviewComment>();
    public DbSet<Footnote> Footnotes => Set<Footnote>();
    public DbSet<Citation> Citations => Set<Citation>();
    public DbSet<Briefing> Briefings => Set<Briefing>();
    public DbSet<BriefingConcern> BriefingConcerns => Set<BriefingConcern>();
    public DbSet<Recommendation> Recommendations => Set<Recommendation>();
    public DbSet<BriefingSignatory> BriefingSignatories => Set<BriefingSignatory>();
    public DbSet<BriefingSnapshot> BriefingSnapshots => Set<BriefingSnapshot>();
    public DbSet<Vote> Votes => Set<Vote>();
    public DbSet<VoteRow> VoteRows => Set<VoteRow>();
    public DbSet<StatePosition> StatePositions => Set<StatePosition>();
    public DbSet<ContactLogEntry> ContactLogEntries => Set<ContactLogEntry>();
    public DbSet<Annotation> Annotations => Set<Annotation>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<CoalitionSettings> CoalitionSettings => Set<CoalitionSettings>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    // The one place the provider is set up, shared by the app and the design-time factory.
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseNpgsql(Tuned(connectionString), npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory"))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(EvictOnCommit.Instance);

    // Three Npgsql settings suit this app, unless the connection string says otherwise. The same few statements
    // run again and again, so they are prepared once per connection (Max Auto Prepare) and PostgreSQL skips
    // parsing and planning them. A pooled connection is handed back without a reset (No Reset On Close): the
    // app sets no session state, so the reset would only cost a statement per request. And the pool is kept
    // near the CPU count (Maximum Pool Size, 4 per core, at least 8) rather than Npgsql's 100: EF Core holds a
    // connection only while a statement runs, and under load a few busy backends finish sooner than dozens
    // taking turns on the same cores (docs/benchmarks.md, run 5: p99 of the fresh resolution page).
    internal static string Tuned(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        bool Given(params string[] keys) => keys.Any(given.ContainsKey);
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!Given("Max Auto Prepare", "MaxAutoPrepare"))
            builder.MaxAutoPrepare = 64;
        if (!Given("No Reset On Close", "NoResetOnClose"))
            builder.NoResetOnClose = true;
        if (!Given("Maximum Pool Size", "Max Pool Size", "MaxPoolSize"))
            builder.MaxPoolSize = Math.Max(8, 4 * Environment.ProcessorCount);
        return builder.ConnectionString;
    }

    // Every save writes its audit entries in the same transaction as the change (see AuditTrail).
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (_writingAudit)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        DeleteOrphanedFootnotes();
        var pending = AuditTrail.Collect(ChangeTracker);
        if (pending.Count == 0)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var result = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            var now = (clock ?? TimeProvider.System).GetUtcNow();
            AuditEntries.AddRange(AuditTrail.ToEntries(pending, actor?.UserId, now));
            _writingAudit = true;
            await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            // Public pages are output-cached in every instance; any saved change to what they show refreshes them all.
            // The other instances hear of it when this transaction commits, and this one evicts its own cache then
            // too (EvictOnCommit), whether the transaction is this save's or a caller's.
            if (publicCache is not null && pending.Any(p => AuditTrail.IsPublic(p.Entry.Entity)))
            {
                await ResolutionTracker.Web.Infrastructure.PublicCache.NotifyOtherInstancesAsync(Database, publicCache, cancellationToken);
                _staleCache = publicCache;
            }
            if (ownTransaction is not null)
                await ownTransaction.CommitAsync(cancellationToken);
            return result;
        }
        finally
        {
            _writingAudit = false;
            if (ownTransaction is not null)
                await ownTransaction.DisposeAsync();
        }
    }

    // A footnote taken out of its concern or briefing has no owner left: it is deleted, not kept ownerless.
    private void DeleteOrphanedFootnotes()
    {
        ChangeTracker.DetectChanges();
        foreach (var entry in ChangeTracker.Entries<Footnote>())
        {
            if (entry.State == EntityState.Modified && entry.Entity.ConcernId is null && entry.Entity.BriefingId is null)
                entry.State = EntityState.Deleted;
        }
    }

    // Only framework stores that keep unaudited rows (data-protection keys) save synchronously.
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        AuditTrail.Collect(ChangeTracker).Count == 0
            ? base.SaveChanges(acceptAllChangesOnSuccess)
            : throw new NotSupportedException("Use SaveChangesAsync, which writes the audit trail.");

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // Enums are stored by name so the database reads on its own and reordering members is safe.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }
}

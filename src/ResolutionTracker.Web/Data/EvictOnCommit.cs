using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ResolutionTracker.Web.Data;

// A save of a public record evicts this instance's public cache once its transaction commits, and not before:
// a page rendered between the eviction and the commit would otherwise be cached from the old data. This holds
// whether the save made its own transaction or ran inside a caller's (the demo seeder's, for one); a rollback
// evicts nothing. The other instances hear of it from PostgreSQL, which delivers the NOTIFY at the same commit.
internal sealed class EvictOnCommit : DbTransactionInterceptor
{
    public static readonly EvictOnCommit Instance = new();

    private EvictOnCommit()
    {
    }

    public override async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData?.Context is AppDbContext db)
            await db.EvictStalePublicCacheAsync(cancellationToken);
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        // The in-memory store evicts synchronously; waiting here only matters for a store that does not.
        if (eventData?.Context is AppDbContext db)
            db.EvictStalePublicCacheAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
    }

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData?.Context as AppDbContext)?.ForgetStalePublicCache();
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        (eventData?.Context as AppDbContext)?.ForgetStalePublicCache();
}

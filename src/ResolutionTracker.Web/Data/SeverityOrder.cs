using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Concerns;

namespace ResolutionTracker.Web.Data;

// Severity is stored by name, so ordering by the column would sort it alphabetically ("Critical", "High",
// "Low", "Medium"). This orders by rank in SQL: critical, high, medium, then low.
public static class SeverityOrder
{
    public static IOrderedQueryable<Concern> MostSevereFirst(this IQueryable<Concern> concerns) =>
        concerns
            .OrderByDescending(c => c.Severity == Severity.Critical)
            .ThenByDescending(c => c.Severity == Severity.High)
            .ThenByDescending(c => c.Severity == Severity.Medium);
}

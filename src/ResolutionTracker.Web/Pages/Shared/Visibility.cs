using System.Linq.Expressions;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore.Query;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Briefings;
using ResolutionTracker.Domain.Concerns;

namespace ResolutionTracker.Web.Pages.Shared;

// Who may see what, in one place. Anonymous readers see only published work: a concern once it is
// approved and in a published briefing, a briefing once it is published. Signed-in users see everything
// (resolutions, versions, paragraphs, sponsors, votes and organisations are public anyway).
public static class Visibility
{
    public static bool SeesUnpublished(this ClaimsPrincipal user) =>
        user?.Identity?.IsAuthenticated == true;

    public static IQueryable<Concern> VisibleTo(this IQueryable<Concern> concerns, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(concerns);
        if (user.SeesUnpublished())
            return concerns;
        var briefingConcerns = Sibling<Concern, BriefingConcern>(concerns);
        return concerns.Where(c => c.State == ConcernState.Approved
            && briefingConcerns.Any(bc => bc.ConcernId == c.Id && bc.Briefing.Status == BriefingStatus.Published));
    }

    public static IQueryable<Briefing> VisibleTo(this IQueryable<Briefing> briefings, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(briefings);
        return user.SeesUnpublished() ? briefings : briefings.Where(b => b.Status == BriefingStatus.Published);
    }

    // Concern has no navigation to the briefings that hold it, so the subquery starts from the same
    // DbContext's BriefingConcern set, found through the query's own root. That keeps the signature free
    // of the DbContext and the filter one SQL statement.
    private static IQueryable<TOther> Sibling<T, TOther>(IQueryable<T> query)
    {
        var root = RootFinder.Find(query.Expression)
            ?? throw new InvalidOperationException("Visibility filters apply to Entity Framework queries only.");
        var entityType = root.EntityType.Model.FindEntityType(typeof(TOther))
            ?? throw new InvalidOperationException($"{typeof(TOther).Name} is not in the model.");
        return ((IQueryProvider)root.QueryProvider!).CreateQuery<TOther>(new EntityQueryRootExpression(root.QueryProvider!, entityType));
    }

    private sealed class RootFinder : ExpressionVisitor
    {
        private EntityQueryRootExpression? _root;

        public static EntityQueryRootExpression? Find(Expression expression)
        {
            var finder = new RootFinder();
            finder.Visit(expression);
            return finder._root;
        }

        protected override Expression VisitExtension(Expression node)
        {
            if (node is EntityQueryRootExpression root && root.QueryProvider is not null)
            {
                _root ??= root;
                return node;
            }
            return base.VisitExtension(node);
        }
    }
}

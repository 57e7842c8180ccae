using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ResolutionTracker.Web.Infrastructure;

// A request that names no handler the page has (a POST to a read-only page, ?handler=NoSuch) would
// otherwise render the page without running any handler, with its model never loaded: a 500. It is
// answered here instead: 404 for an unknown named handler, 405 (with Allow) for a method the page
// does not take. A page without any handler still renders on GET, as Razor Pages intends.
internal sealed class UnknownHandlers : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.HandlerMethod is not null)
            return next();

        var request = context.HttpContext.Request;
        // Where Razor Pages looks for a handler's name: the route, then the query string.
        var named = context.RouteData.Values.TryGetValue("handler", out var routed) && routed is string { Length: > 0 }
            || request.Query.ContainsKey("handler");
        var reading = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
        if (reading && !named)
            return next();

        if (named)
        {
            context.Result = new NotFoundResult();
            return Task.CompletedTask;
        }

        var allowed = context.ActionDescriptor.HandlerMethods
            .Where(h => h.Name is null)
            .Select(h => h.HttpMethod.ToUpperInvariant())
            .Append("GET").Append("HEAD")
            .Distinct()
            .Order(StringComparer.Ordinal);
        context.HttpContext.Response.Headers.Allow = string.Join(", ", allowed);
        context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
        return Task.CompletedTask;
    }
}

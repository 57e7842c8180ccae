using System.Globalization;
using System.Net;
using System.Reflection;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResolutionTracker.Domain;
using ResolutionTracker.IntegrationTests.Fixture;
using ResolutionTracker.Web.Data.Seeding;

namespace ResolutionTracker.IntegrationTests.Authorization;

// A page the app maps: its view path ("/Desk/Concerns/Edit") and its route ("desk/concerns/{id:int}/edit").
public sealed record PageEndpoint(string Page, RoutePattern Route);

// A form handler found on a page model: "" is the unnamed OnPost(Async), otherwise the name after OnPost.
public sealed record FormHandler(string Page, string Handler)
{
    public override string ToString() => Handler.Length == 0 ? $"POST {Page}" : $"POST {Page}?handler={Handler}";
}

// What the app maps, found from the app itself, so the tests see a page the day it is added.
public static class PageCatalog
{
    public static IReadOnlyList<PageEndpoint> Pages(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Page: e.Metadata.GetMetadata<PageActionDescriptor>()))
            .Where(x => x.Page is not null)
            .Select(x => new PageEndpoint(x.Page!.ViewEnginePath, x.Endpoint.RoutePattern))
            .DistinctBy(p => p.Page, StringComparer.Ordinal)
            .OrderBy(p => p.Page, StringComparer.Ordinal)
            .ToList();

    // "/Desk/Concerns/Edit" -> ResolutionTracker.Web.Pages.Desk.Concerns.EditModel, the convention every page follows.
    public static Type? ModelTypeFor(string page)
    {
        var name = "ResolutionTracker.Web.Pages" + page.Replace('/', '.') + "Model";
        return typeof(Program).Assembly.GetType(name, throwOnError: false);
    }

    // Every public OnPost... method of the page model is a handler a form (or a forger) can reach.
    public static IReadOnlyList<FormHandler> Handlers(string page, Type model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Select(m => m.Name)
            .Where(n => n.StartsWith("OnPost", StringComparison.Ordinal)
                || n.StartsWith("OnPut", StringComparison.Ordinal)
                || n.StartsWith("OnDelete", StringComparison.Ordinal)
                || n.StartsWith("OnPatch", StringComparison.Ordinal))
            .Select(n =>
            {
                var rest = n.StartsWith("OnPost", StringComparison.Ordinal) ? n["OnPost".Length..] : n;
                return rest.EndsWith("Async", StringComparison.Ordinal) ? rest[..^"Async".Length] : rest;
            })
            .Distinct(StringComparer.Ordinal)
            .Select(h => new FormHandler(page, h))
            .ToList();
    }

    // Fills the route's parameters from the values given; a required one without a value is an error in the caller.
    public static string UrlFor(RoutePattern route, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(values);
        var segments = new List<string>();
        foreach (var segment in route.PathSegments)
        {
            var text = string.Concat(segment.Parts.Select(part => part switch
            {
                RoutePatternLiteralPart literal => literal.Content,
                RoutePatternSeparatorPart separator => separator.Content,
                RoutePatternParameterPart parameter when values.TryGetValue(parameter.Name, out var value) =>
                    parameter.IsCatchAll ? value : Uri.EscapeDataString(value),
                RoutePatternParameterPart parameter when parameter.IsOptional || parameter.Default is not null => "",
                RoutePatternParameterPart parameter => throw new InvalidOperationException(
                    $"No value for the route parameter {{{parameter.Name}}} of /{route.RawText}."),
                _ => "",
            }));
            if (text.Length > 0)
                segments.Add(text);
        }
        return "/" + string.Join('/', segments);
    }

    // Every address the app maps a page to (a page with two routes gives two), its route values taken from the demo data
    // (seed it first): the route's first literal says what a parameter names, /resolutions/{symbol}, /briefings/{slug}...
    // The error page, /Error, is among them.
    public static async Task<List<string>> DemoPageUrlsAsync(AppFactory app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var samples = await app.QueryAsync(async db => new DemoSamples(
            Demo.L31,
            await db.Concerns.Where(c => c.Heading == Demo.ConcernHeadings[0]).Select(c => c.Id).SingleAsync(),
            await db.Briefings.Where(b => b.Resolution.Symbol == Demo.L31).Select(b => b.Slug).SingleAsync(),
            await db.Organisations.Where(o => o.Kind == OrganisationKind.State).OrderBy(o => o.Name).Select(o => o.Slug).FirstAsync(),
            await db.Resolutions.Select(r => r.Id).FirstAsync()));

        return app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => UrlFor(e.RoutePattern, e.RoutePattern.Parameters
                .Select(p => (p.Name, Value: DemoValueFor(e.RoutePattern, p, samples)))
                .Where(p => p.Value is not null)
                .ToDictionary(p => p.Name, p => p.Value!, StringComparer.Ordinal)))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private sealed record DemoSamples(string Symbol, int ConcernId, string BriefingSlug, string OrganisationSlug, int ResolutionId);

    private static string? DemoValueFor(RoutePattern pattern, RoutePatternParameterPart parameter, DemoSamples samples)
    {
        var area = pattern.PathSegments.SelectMany(s => s.Parts).OfType<RoutePatternLiteralPart>().FirstOrDefault()?.Content.ToLowerInvariant();
        var name = parameter.Name.ToLowerInvariant();
        return (area, name) switch
        {
            ("resolutions", "symbol") => samples.Symbol,
            ("concerns", "id") => Id(samples.ConcernId),
            ("briefings", "slug") => samples.BriefingSlug,
            ("organisations", "slug") => samples.OrganisationSlug,
            ("status", "code") => "404",
            (_, "id") => Id(samples.ResolutionId),
            _ when parameter.IsOptional || parameter.Default is not null => null,
            _ => "1",
        };
    }

    public static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    // The demo accounts sign in through the real form; the seed made staff@demo.local the author of the fictional drafts.
    public static async Task<HttpClient> SignInAsDemoAsync(AppFactory app, string email)
    {
        ArgumentNullException.ThrowIfNull(app);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await AppFactory.SignInAsync(client, email, DemoSeeder.DemoPassword);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, $"{email} signs in with the demo password");
        return client;
    }

    // A token for this client's own identity (tokens are bound to the signed-in user), from a page every visitor may see.
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        // Signed in, the sign-out page offers its button; signed out, the sign-in page its form.
        foreach (var url in new[] { "/account/sign-out", "/account/sign-in" })
        {
            var page = await client.GetDocumentAsync(url);
            if (page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")?.Value is { Length: > 0 } token)
                return token;
        }
        throw new InvalidOperationException("Neither /account/sign-out nor /account/sign-in has a form with an antiforgery token.");
    }

    public static bool IsRedirectToSignIn(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if ((int)response.StatusCode is not (301 or 302 or 303 or 307 or 308) || response.Headers.Location is not { } location)
            return false;
        var absolute = location.IsAbsoluteUri ? location : new Uri(new Uri("http://localhost"), location);
        return string.Equals(absolute.AbsolutePath, "/account/sign-in", StringComparison.OrdinalIgnoreCase);
    }
}

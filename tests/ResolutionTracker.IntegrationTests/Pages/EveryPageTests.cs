using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResolutionTracker.Domain;
using ResolutionTracker.IntegrationTests.Fixture;
using ResolutionTracker.Web.Authorization;

namespace ResolutionTracker.IntegrationTests.Pages;

// Every Razor page the app maps, with its route values filled from the demo data, answers without a server error.
public sealed class EveryPageTests(AppFactory app) : AppTest(app)
{
    [Fact]
    public async Task Every_page_answers_anonymous_readers_without_a_server_error()
    {
        await App.SeedDemoAsync();
        var urls = await PageUrlsAsync();
        using var client = App.CreateClient();

        var failures = await ServerErrorsAsync(client, urls);

        urls.Should().Contain("/resolutions/A/HRC/43/L.31", "the pages are found from the app's endpoints");
        failures.Should().BeEmpty();
    }

    [Fact]
    public async Task Every_page_answers_a_signed_in_admin_without_a_server_error()
    {
        await App.SeedDemoAsync();
        var urls = await PageUrlsAsync();
        using var client = await App.CreateClientAsUserAsync(Roles.Admin);

        var failures = await ServerErrorsAsync(client, urls);

        failures.Should().BeEmpty();
    }

    private static async Task<List<string>> ServerErrorsAsync(HttpClient client, IEnumerable<string> urls)
    {
        var failures = new List<string>();
        foreach (var url in urls)
        {
            var status = await client.GetStatusAsync(url);
            if ((int)status >= 500)
                failures.Add($"GET {url} answered {(int)status} {status}");
        }
        return failures;
    }

    private async Task<List<string>> PageUrlsAsync()
    {
        var samples = await App.QueryAsync(async db => new Samples(
            Demo.L31,
            await db.Concerns.Where(c => c.Heading == Demo.ConcernHeadings[0]).Select(c => c.Id).SingleAsync(),
            await db.Briefings.Where(b => b.Resolution.Symbol == Demo.L31).Select(b => b.Slug).SingleAsync(),
            await db.Organisations.Where(o => o.Kind == OrganisationKind.State).OrderBy(o => o.Name).Select(o => o.Slug).FirstAsync(),
            await db.Resolutions.Select(r => r.Id).FirstAsync()));

        var endpoints = App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null);
        return endpoints
            .Select(e => UrlFor(e.RoutePattern, samples))
            // The exception handler's page answers 500 by design: it is what a server error looks like.
            .Where(url => !string.Equals(url, "/Error", StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private sealed record Samples(string Symbol, int ConcernId, string BriefingSlug, string OrganisationSlug, int ResolutionId);

    private static string UrlFor(RoutePattern pattern, Samples samples)
    {
        var segments = new List<string>();
        foreach (var segment in pattern.PathSegments)
        {
            var text = string.Concat(segment.Parts.Select(part => part switch
            {
                RoutePatternLiteralPart literal => literal.Content,
                RoutePatternSeparatorPart separator => separator.Content,
                RoutePatternParameterPart parameter => ValueFor(pattern, parameter, samples) ?? "",
                _ => "",
            }));
            if (text.Length > 0)
                segments.Add(text);
        }
        return "/" + string.Join('/', segments);
    }

    // The route's first literal says what the parameter names: /resolutions/{symbol}, /organisations/{slug}...
    private static string? ValueFor(RoutePattern pattern, RoutePatternParameterPart parameter, Samples samples)
    {
        var area = pattern.PathSegments.SelectMany(s => s.Parts).OfType<RoutePatternLiteralPart>().FirstOrDefault()?.Content.ToLowerInvariant();
        var name = parameter.Name.ToLowerInvariant();
        return (area, name) switch
        {
            ("resolutions", "symbol") => samples.Symbol,
            ("concerns", "id") => samples.ConcernId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ("briefings", "slug") => samples.BriefingSlug,
            ("organisations", "slug") => samples.OrganisationSlug,
            ("status", "code") => "404",
            (_, "id") => samples.ResolutionId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ when parameter.IsOptional || parameter.Default is not null => null,
            _ => "1",
        };
    }
}

using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Briefings;
using ResolutionTracker.Domain.Concerns;
using ResolutionTracker.IntegrationTests.Fixture;
using ResolutionTracker.Web.Briefings;
using ResolutionTracker.Web.Data.Seeding;
using ResolutionTracker.Web.Infrastructure;

namespace ResolutionTracker.IntegrationTests.Pages.Public.Briefings;

// Helpers for the public-page tests: publishing through the same builder the composer uses, making
// briefings of a given size, evicting the output cache the way a publish does, and counting SQL commands.
public static class PublishedBriefings
{
    public const string DemoSlug = "a-hrc-43-l-31-key-concerns";

    // The cache outlives the database reset between tests; every test here starts from an empty one.
    public static Task EvictAsync(AppFactory app) => PublicCache.EvictAsync(app.Services, CancellationToken.None);

    public static async Task<string> LeadIdAsync(AppFactory app) =>
        await app.QueryAsync(db => db.Users.Where(u => u.Email == DemoSeeder.LeadEmail).Select(u => u.Id).SingleAsync());

    // Changes the live briefing (and whatever else `change` touches), then publishes the next snapshot and evicts.
    public static async Task PublishAsync(AppFactory app, string slug, Action<Briefing, DateTimeOffset>? change = null)
    {
        var lead = await LeadIdAsync(app);
        await app.ExecuteAsync(async db =>
        {
            var id = await db.Briefings.Where(b => b.Slug == slug).Select(b => b.Id).SingleAsync();
            var briefing = (await BriefingDocumentBuilder.LoadAsync(db, id))!;
            var now = app.Clock.GetUtcNow();
            change?.Invoke(briefing, now);
            BriefingDocumentBuilder.Publish(briefing, lead, now);
        });
        await EvictAsync(app);
    }

    // A published briefing on L.31 with `concerns` approved concerns and `footnotes` notes spread over them.
    public static async Task<string> CreateAsync(AppFactory app, string title, int concerns, int footnotes)
    {
        var lead = await LeadIdAsync(app);
        var slug = "";
        await app.ExecuteAsync(async db =>
        {
            var now = app.Clock.GetUtcNow();
            var reviewer = new Actor(lead, CanReview: true);
            // The lead writes the concerns, so another lead approves them: a concern needs a reviewer other than its author.
            var approver = new Actor("another-lead", CanReview: true);
            var l31 = await db.Resolutions.Include(r => r.Session).Include(r => r.Versions).ThenInclude(v => v.Paragraphs)
                .SingleAsync(r => r.Symbol == Demo.L31);
            var paragraphs = l31.Versions.OrderBy(v => v.Sequence).Last().Paragraphs.OrderBy(p => p.Position).ToList();
            var briefing = new Briefing(l31, title, "An introduction.", BriefingStance.Oppose, "We oppose it.", now);
            var made = new List<Concern>();
            for (var i = 0; i < concerns; i++)
            {
                var concern = new Concern(l31, lead, $"{title} concern {i + 1}", "A summary.", "A **body**.", Severity.High, now);
                concern.LinkParagraph(paragraphs[i % paragraphs.Count]);
                db.Concerns.Add(concern);
                made.Add(concern);
            }
            for (var n = 0; n < footnotes; n++)
                made[n % made.Count].AddFootnote(reviewer, $"Note {n + 1} citing A/RES/60/251.", [new CitationInput("A/RES/60/251", null, null)], now);
            foreach (var concern in made)
            {
                concern.Submit(reviewer, now);
                concern.Approve(approver, now);
                briefing.AddConcern(concern);
            }
            briefing.AddFootnote("The signatories.");
            db.Briefings.Add(briefing);
            await db.SaveChangesAsync();
            slug = briefing.Slug;
        });
        await PublishAsync(app, slug);
        return slug;
    }

    // Counts the SQL commands run against this test database while `action` runs, as Npgsql reports them (its
    // tracing ActivitySource, checked live for every command; EF Core's own diagnostics are checked only now
    // and then by a pooled context, so a short window could miss them).
    public static async Task<int> CountCommandsAsync(AppFactory app, Func<Task> action)
    {
        using var counter = new CommandCounter(app.DatabaseName);
        await action();
        return counter.Count;
    }

    private sealed class CommandCounter : IDisposable
    {
        private readonly ActivityListener _listener;
        private int _count;

        public CommandCounter(string database)
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == "Npgsql",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
                ActivityStopped = activity =>
                {
                    // Commands carry their text; opening a physical connection ("CONNECT") is not a command.
                    if (activity.GetTagItem("db.query.text") is not null
                        && string.Equals(activity.GetTagItem("db.namespace") as string, database, StringComparison.Ordinal))
                        Interlocked.Increment(ref _count);
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public int Count => Volatile.Read(ref _count);

        public void Dispose() => _listener.Dispose();
    }
}

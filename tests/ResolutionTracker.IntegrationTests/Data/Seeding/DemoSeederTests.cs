using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.IntegrationTests.Fixture;
using ResolutionTracker.Web.Authorization;
using ResolutionTracker.Web.Data;

namespace ResolutionTracker.IntegrationTests.Data.Seeding;

public sealed class DemoSeederTests(AppFactory app) : AppTest(app)
{
    [Fact]
    public async Task The_demo_has_the_47_members_of_the_council_in_2018()
    {
        await App.SeedDemoAsync();

        var members = await App.QueryAsync(db => db.Memberships.CountAsync(m => m.Body == UnBody.HumanRightsCouncil && m.Year == 2018));

        members.Should().Be(47);
    }

    [Fact]
    public async Task The_vote_on_37_23_counts_28_in_favour_1_against_17_abstentions_and_1_not_voting()
    {
        await App.SeedDemoAsync();

        var vote = await App.QueryAsync(db => db.Votes.AsNoTracking().Include(v => v.Rows)
            .SingleAsync(v => v.Version.Resolution.Symbol == Demo.Predecessor));

        new { vote.Yes, vote.No, vote.Abstentions, vote.NonVoting }
            .Should().BeEquivalentTo(new { Yes = 28, No = 1, Abstentions = 17, NonVoting = 1 });
    }

    [Fact]
    public async Task The_L31_briefing_has_16_signatories()
    {
        await App.SeedDemoAsync();

        var signatories = await App.QueryAsync(db => db.BriefingSignatories.CountAsync(s => s.Briefing.Resolution.Symbol == Demo.L31));

        signatories.Should().Be(16);
    }

    [Fact]
    public async Task L31_has_the_five_concerns_of_the_annex()
    {
        await App.SeedDemoAsync();

        var headings = await App.QueryAsync(db => db.Concerns.Where(c => c.Resolution.Symbol == Demo.L31).Select(c => c.Heading).ToListAsync());

        headings.Should().BeEquivalentTo(Demo.ConcernHeadings);
    }

    [Fact]
    public async Task The_L31_case_has_the_seven_footnotes_of_the_annex()
    {
        await App.SeedDemoAsync();

        var footnotes = await App.QueryAsync(db => db.Footnotes.CountAsync(f =>
            (f.Concern != null && f.Concern.Resolution.Symbol == Demo.L31) || (f.Briefing != null && f.Briefing.Resolution.Symbol == Demo.L31)));

        footnotes.Should().Be(7);
    }

    [Fact]
    public async Task Seeding_twice_adds_nothing_the_second_time()
    {
        await App.SeedDemoAsync();
        var first = await App.QueryAsync(CountRowsAsync);

        await App.SeedDemoAsync();

        (await App.QueryAsync(CountRowsAsync)).Should().Equal(first);
    }

    [Fact]
    public async Task Seeding_without_demo_accounts_creates_none()
    {
        await App.SeedDemoAsync(includeDemoAccounts: false);

        var emails = await App.QueryAsync(db => db.Users.Select(u => u.NormalizedEmail).ToListAsync());

        emails.Should().NotIntersectWith(Demo.AccountEmails.Select(e => e.ToUpperInvariant()));
    }

    [Fact]
    public async Task Seeding_with_demo_accounts_gives_each_its_role()
    {
        await App.SeedDemoAsync(includeDemoAccounts: true);

        var roles = await App.QueryAsync(db => (
            from user in db.Users
            join userRole in db.UserRoles on user.Id equals userRole.UserId
            join role in db.Roles on userRole.RoleId equals role.Id
            where EF.Functions.Like(user.Email, "%@demo.local")
            select new { user.Email, role.Name }).ToListAsync());

        roles.Should().BeEquivalentTo(new[]
        {
            new { Email = (string?)"admin@demo.local", Name = (string?)Roles.Admin },
            new { Email = (string?)"lead@demo.local", Name = (string?)Roles.CoalitionLead },
            new { Email = (string?)"staff@demo.local", Name = (string?)Roles.Staff },
        });
    }

    private static async Task<Dictionary<string, int>> CountRowsAsync(AppDbContext db) => new()
    {
        ["organisations"] = await db.Organisations.CountAsync(),
        ["memberships"] = await db.Memberships.CountAsync(),
        ["sessions"] = await db.Sessions.CountAsync(),
        ["resolutions"] = await db.Resolutions.CountAsync(),
        ["resolution links"] = await db.ResolutionLinks.CountAsync(),
        ["versions"] = await db.Versions.CountAsync(),
        ["paragraphs"] = await db.Paragraphs.CountAsync(),
        ["sponsorships"] = await db.Sponsorships.CountAsync(),
        ["concerns"] = await db.Concerns.CountAsync(),
        ["concern paragraphs"] = await db.ConcernParagraphs.CountAsync(),
        ["footnotes"] = await db.Footnotes.CountAsync(),
        ["citations"] = await db.Citations.CountAsync(),
        ["briefings"] = await db.Briefings.CountAsync(),
        ["briefing concerns"] = await db.BriefingConcerns.CountAsync(),
        ["recommendations"] = await db.Recommendations.CountAsync(),
        ["signatories"] = await db.BriefingSignatories.CountAsync(),
        ["snapshots"] = await db.BriefingSnapshots.CountAsync(),
        ["votes"] = await db.Votes.CountAsync(),
        ["vote rows"] = await db.VoteRows.CountAsync(),
        ["annotations"] = await db.Annotations.CountAsync(),
        ["users"] = await db.Users.CountAsync(),
    };
}

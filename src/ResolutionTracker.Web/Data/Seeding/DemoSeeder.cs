using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Web.Briefings;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Organisations;
using ResolutionTracker.Domain.Resolutions;
using ResolutionTracker.Web.Authorization;

namespace ResolutionTracker.Web.Data.Seeding;

// Seeds the demo once: the L.31 case from the seed annex, the states and organisations it needs, and a fictional case.
// Running it again changes nothing: accounts are checked one by one, the data as a whole by the L.31 resolution.
internal sealed partial class DemoSeeder(AppDbContext db, UserManager<ApplicationUser> users, ILogger<DemoSeeder> logger)
{
    public const string DemoPassword = "ChangeMe-Demo-1";
    public const string AdminEmail = "admin@demo.local";
    public const string LeadEmail = "lead@demo.local";
    public const string StaffEmail = "staff@demo.local";
    public const string SecretariatEmail = "coalition-secretariat@demo.local";

    private static readonly (string Email, string Role, string DisplayName)[] DemoAccounts =
    [
        (AdminEmail, Roles.Admin, "Demo admin"),
        (LeadEmail, Roles.CoalitionLead, "Demo coalition lead"),
        (StaffEmail, Roles.Staff, "Demo staff member"),
    ];

    public async Task SeedAsync(bool includeDemoAccounts)
    {
        CouncilStates.Check();

        var secretariat = await EnsureSecretariatAsync();
        if (includeDemoAccounts)
        {
            foreach (var (email, role, displayName) in DemoAccounts)
                await EnsureDemoAccountAsync(email, role, displayName);
        }
        var lead = await users.FindByEmailAsync(LeadEmail);
        var staff = await users.FindByEmailAsync(StaffEmail);

        if (await db.Resolutions.AnyAsync(r => r.Symbol == L31Case.Symbol))
        {
            LogAlreadySeeded(logger, L31Case.Symbol);
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var context = new SeedContext(db, secretariat.Id, lead?.Id ?? secretariat.Id, staff?.Id);
        var (states, organisations) = await AddOrganisationsAsync(context);
        var members = await AddMembershipsAsync(context);
        await AddSessionsAsync(context);

        var predecessor = await db.Resolutions.FirstOrDefaultAsync(r => r.Symbol == L31Case.PredecessorSymbol)
            ?? L31Case.BuildPredecessor(context);
        var (draft, briefing) = L31Case.Build(context, predecessor);
        var fictional = await db.Resolutions.AnyAsync(r => r.Symbol == FictionalCase.Symbol)
            ? null
            : FictionalCase.Build(context);

        await db.SaveChangesAsync();
        // Published once everything has its id, so the snapshot names real records, as a lead's publication would.
        BriefingDocumentBuilder.Publish(briefing, context.ApproverId, L31Case.PublishedAt);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();

        LogSeeded(logger, states, organisations, members, CouncilStates.MembershipYear, draft.Symbol, predecessor.Symbol, briefing.Slug);
        if (fictional is not null)
            LogFictionalSeeded(logger, fictional.Symbol, staff is not null);
    }

    // The author of the real case's concerns. It has no password and stays locked out, so nobody can sign in as it.
    private async Task<ApplicationUser> EnsureSecretariatAsync()
    {
        if (await users.FindByEmailAsync(SecretariatEmail) is { } existing)
            return existing;
        var account = new ApplicationUser
        {
            UserName = SecretariatEmail,
            Email = SecretariatEmail,
            EmailConfirmed = true,
            DisplayName = "Coalition secretariat (demo data)",
            LockoutEnabled = true,
            LockoutEnd = new DateTimeOffset(2999, 12, 31, 0, 0, 0, TimeSpan.Zero),
        };
        Check(await users.CreateAsync(account), SecretariatEmail);
        LogSecretariatCreated(logger, SecretariatEmail, account.Id);
        return account;
    }

    private async Task EnsureDemoAccountAsync(string email, string role, string displayName)
    {
        if (await users.FindByEmailAsync(email) is not null)
        {
            LogAccountExists(logger, email);
            return;
        }
        var account = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
        Check(await users.CreateAsync(account, DemoPassword), email);
        Check(await users.AddToRoleAsync(account, role), email);
        LogAccountCreated(logger, email, account.Id, role);
    }

    private static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Could not create the demo account {email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }

    // States and organisations are matched by slug, so any that already exist are reused rather than duplicated.
    private async Task<(int States, int Organisations)> AddOrganisationsAsync(SeedContext context)
    {
        var existing = await db.Organisations.ToDictionaryAsync(o => o.Slug, StringComparer.Ordinal);
        var added = (States: 0, Organisations: 0);

        void Add(string name, OrganisationKind kind, RegionalGroup? group, string? shortName)
        {
            if (!existing.TryGetValue(Slug.From(name), out var organisation))
            {
                organisation = new Organisation(name, kind, group, shortName);
                db.Organisations.Add(organisation);
                existing[organisation.Slug] = organisation;
                if (kind == OrganisationKind.State)
                    added.States++;
                else
                    added.Organisations++;
            }
            context.Remember(organisation);
        }

        foreach (var state in CouncilStates.All)
            Add(state.Name, OrganisationKind.State, state.Group, null);
        foreach (var signatory in L31Case.Signatories)
            Add(signatory.Name, OrganisationKind.Ngo, null, signatory.ShortName);
        Add(L31Case.AdvisoryCommittee, OrganisationKind.UnBody, null, null);
        return added;
    }

    private async Task<int> AddMembershipsAsync(SeedContext context)
    {
        var seated = (await db.Memberships
                .Where(m => m.Body == UnBody.HumanRightsCouncil && m.Year == CouncilStates.MembershipYear)
                .Select(m => m.OrganisationId)
                .ToListAsync())
            .ToHashSet();
        var added = 0;
        foreach (var member in CouncilStates.Members2018)
        {
            var state = context.Organisation(member.Name);
            if (state.Id != 0 && seated.Contains(state.Id))
                continue;
            db.Memberships.Add(new Membership(state, UnBody.HumanRightsCouncil, CouncilStates.MembershipYear));
            added++;
        }
        return added;
    }

    private async Task AddSessionsAsync(SeedContext context)
    {
        var wanted = new[] { 37, 43, FictionalCase.SessionNumber };
        var existing = await db.Sessions
            .Where(s => s.Body == UnBody.HumanRightsCouncil && wanted.Contains(s.Number))
            .ToDictionaryAsync(s => s.Number);

        Session GetOrAdd(int number, Func<Session> create)
        {
            if (!existing.TryGetValue(number, out var session))
            {
                session = create();
                db.Sessions.Add(session);
            }
            context.Remember(session);
            return session;
        }

        GetOrAdd(37, () => new Session(UnBody.HumanRightsCouncil, 37, new DateOnly(2018, 2, 26), new DateOnly(2018, 3, 23)));
        GetOrAdd(43, () => new Session(UnBody.HumanRightsCouncil, 43, new DateOnly(2020, 2, 24), new DateOnly(2020, 6, 23),
            "Suspended on 13 March 2020; resumed 15–23 June 2020."));
        GetOrAdd(FictionalCase.SessionNumber, FictionalCase.NewSession);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data already present ({ResolutionSymbol} exists); nothing to seed")]
    private static partial void LogAlreadySeeded(ILogger logger, string resolutionSymbol);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Seeded demo data: {StateCount} states, {OrganisationCount} other organisations, {MembershipCount} Council memberships of {MembershipYear}, draft {ResolutionSymbol} with predecessor {PredecessorSymbol}, published briefing {BriefingSlug}")]
    private static partial void LogSeeded(ILogger logger, int stateCount, int organisationCount, int membershipCount, int membershipYear,
        string resolutionSymbol, string predecessorSymbol, string briefingSlug);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the fictional demonstration case {ResolutionSymbol} (staff notes and concerns: {WithStaffWork})")]
    private static partial void LogFictionalSeeded(ILogger logger, string resolutionSymbol, bool withStaffWork);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created demo account {Email} ({UserId}) with role {Role}")]
    private static partial void LogAccountCreated(ILogger logger, string email, string userId, string role);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the passwordless account {Email} ({UserId}) that authors the demo concerns; it cannot sign in")]
    private static partial void LogSecretariatCreated(ILogger logger, string email, string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo account {Email} already exists; left unchanged")]
    private static partial void LogAccountExists(ILogger logger, string email);
}

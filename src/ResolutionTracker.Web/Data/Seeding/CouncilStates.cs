using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Votes;

namespace ResolutionTracker.Web.Data.Seeding;

// Facts of record (docs: ../shared/design/demo-facts.md): the Human Rights Council's 47 members of 2018 with their
// UN regional group and their vote on A/HRC/RES/37/23, and 37/23's sponsors. Names are spelled as the record spells them.
internal static class CouncilStates
{
    public const int MembershipYear = 2018;

    private const RegionalGroup African = RegionalGroup.African;
    private const RegionalGroup AsiaPacific = RegionalGroup.AsiaPacific;
    private const RegionalGroup Eastern = RegionalGroup.EasternEuropean;
    private const RegionalGroup LatinAmerican = RegionalGroup.LatinAmericanAndCaribbean;
    private const RegionalGroup Western = RegionalGroup.WesternEuropeanAndOthers;

    public sealed record Member(string Name, RegionalGroup Group, VoteChoice VoteOnPredecessor);

    public sealed record State(string Name, RegionalGroup Group);

    // Recorded vote on 37/23, 23 March 2018: 28 in favour, 1 against, 17 abstaining; Tunisia, a member, did not vote.
    public static readonly IReadOnlyList<Member> Members2018 =
    [
        new("Angola", African, VoteChoice.Yes),
        new("Brazil", LatinAmerican, VoteChoice.Yes),
        new("Burundi", African, VoteChoice.Yes),
        new("Chile", LatinAmerican, VoteChoice.Yes),
        new("China", AsiaPacific, VoteChoice.Yes),
        new("Côte d'Ivoire", African, VoteChoice.Yes),
        new("Cuba", LatinAmerican, VoteChoice.Yes),
        new("Democratic Republic of the Congo", African, VoteChoice.Yes),
        new("Ecuador", LatinAmerican, VoteChoice.Yes),
        new("Egypt", African, VoteChoice.Yes),
        new("Ethiopia", African, VoteChoice.Yes),
        new("Iraq", AsiaPacific, VoteChoice.Yes),
        new("Kenya", African, VoteChoice.Yes),
        new("Kyrgyzstan", AsiaPacific, VoteChoice.Yes),
        new("Mexico", LatinAmerican, VoteChoice.Yes),
        new("Mongolia", AsiaPacific, VoteChoice.Yes),
        new("Nepal", AsiaPacific, VoteChoice.Yes),
        new("Nigeria", African, VoteChoice.Yes),
        new("Pakistan", AsiaPacific, VoteChoice.Yes),
        new("Panama", LatinAmerican, VoteChoice.Yes),
        new("Philippines", AsiaPacific, VoteChoice.Yes),
        new("Qatar", AsiaPacific, VoteChoice.Yes),
        new("Saudi Arabia", AsiaPacific, VoteChoice.Yes),
        new("Senegal", African, VoteChoice.Yes),
        new("South Africa", African, VoteChoice.Yes),
        new("Togo", African, VoteChoice.Yes),
        new("United Arab Emirates", AsiaPacific, VoteChoice.Yes),
        new("Venezuela (Bolivarian Republic of)", LatinAmerican, VoteChoice.Yes),

        new("United States of America", Western, VoteChoice.No),

        new("Afghanistan", AsiaPacific, VoteChoice.Abstain),
        new("Australia", Western, VoteChoice.Abstain),
        new("Belgium", Western, VoteChoice.Abstain),
        new("Croatia", Eastern, VoteChoice.Abstain),
        new("Georgia", Eastern, VoteChoice.Abstain),
        new("Germany", Western, VoteChoice.Abstain),
        new("Hungary", Eastern, VoteChoice.Abstain),
        new("Japan", AsiaPacific, VoteChoice.Abstain),
        new("Republic of Korea", AsiaPacific, VoteChoice.Abstain),
        new("Peru", LatinAmerican, VoteChoice.Abstain),
        new("Rwanda", African, VoteChoice.Abstain),
        new("Slovakia", Eastern, VoteChoice.Abstain),
        new("Slovenia", Eastern, VoteChoice.Abstain),
        new("Spain", Western, VoteChoice.Abstain),
        new("Switzerland", Western, VoteChoice.Abstain),
        new("Ukraine", Eastern, VoteChoice.Abstain),
        new("United Kingdom", Western, VoteChoice.Abstain),

        new("Tunisia", African, VoteChoice.NonVoting),
    ];

    // Co-sponsors of 37/23 that did not sit on the Council in 2018.
    public static readonly IReadOnlyList<State> NonMemberSponsors =
    [
        new("Algeria", African),
        new("Azerbaijan", Eastern),
        new("Bahrain", AsiaPacific),
        new("Belarus", Eastern),
        new("Benin", African),
        new("Bolivia (Plurinational State of)", LatinAmerican),
        new("Cambodia", AsiaPacific),
        new("Congo", African),
        new("Djibouti", African),
        new("Eritrea", African),
        new("Indonesia", AsiaPacific),
        new("Libya", African),
        new("Malaysia", AsiaPacific),
        new("Maldives", AsiaPacific),
        new("Morocco", African),
        new("Mozambique", African),
        new("Myanmar", AsiaPacific),
        new("Namibia", African),
        new("Russian Federation", Eastern),
        new("Sierra Leone", African),
        new("Sudan", African),
        new("Syrian Arab Republic", AsiaPacific),
        new("Thailand", AsiaPacific),
        new("Yemen", AsiaPacific),
        new("Zimbabwe", African),
    ];

    public const string PredecessorMainSponsor = "China";

    // In the order the record lists them.
    public static readonly IReadOnlyList<string> PredecessorCoSponsors =
    [
        "Algeria", "Angola", "Azerbaijan", "Bahrain", "Belarus", "Benin", "Bolivia (Plurinational State of)", "Burundi",
        "Cambodia", "Congo", "Democratic Republic of the Congo", "Cuba", "Djibouti", "Egypt", "Eritrea", "Indonesia",
        "Libya", "Malaysia", "Maldives", "Morocco", "Mozambique", "Myanmar", "Namibia", "Pakistan", "Russian Federation",
        "Senegal", "Sierra Leone", "Sudan", "Syrian Arab Republic", "Thailand", "United Arab Emirates",
        "Venezuela (Bolivarian Republic of)", "Yemen", "Zimbabwe",
    ];

    public static IEnumerable<State> All =>
        Members2018.Select(m => new State(m.Name, m.Group)).Concat(NonMemberSponsors);

    // A typo in the lists above must stop the seed rather than publish wrong figures.
    public static void Check()
    {
        Require(Members2018.Count == 47, "the Council has 47 members");
        Require(Members2018.Select(m => m.Name).Distinct(StringComparer.Ordinal).Count() == 47, "member names are unique");
        var seats = Members2018.GroupBy(m => m.Group).ToDictionary(g => g.Key, g => g.Count());
        Require(seats.GetValueOrDefault(African) == 13 && seats.GetValueOrDefault(AsiaPacific) == 13
            && seats.GetValueOrDefault(Eastern) == 6 && seats.GetValueOrDefault(LatinAmerican) == 8
            && seats.GetValueOrDefault(Western) == 7, "seats by group are 13/13/6/8/7");
        Require(Count(VoteChoice.Yes) == 28 && Count(VoteChoice.No) == 1 && Count(VoteChoice.Abstain) == 17
            && Count(VoteChoice.NonVoting) == 1, "37/23 was adopted by 28 to 1 with 17 abstentions, one member not voting");
        Require(PredecessorCoSponsors.Count == 34 && PredecessorCoSponsors.Distinct(StringComparer.Ordinal).Count() == 34, "37/23 has 34 distinct co-sponsors");
        var known = All.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        Require(known.Count == Members2018.Count + NonMemberSponsors.Count, "no state is listed twice");
        Require(known.Contains(PredecessorMainSponsor) && PredecessorCoSponsors.All(known.Contains), "every sponsor is a known state");
        Require(!PredecessorCoSponsors.Contains(PredecessorMainSponsor), "the main sponsor is not also a co-sponsor");
        Require(NonMemberSponsors.All(s => PredecessorCoSponsors.Contains(s.Name)), "every non-member listed co-sponsored 37/23");
    }

    private static int Count(VoteChoice choice) => Members2018.Count(m => m.VoteOnPredecessor == choice);

    private static void Require(bool condition, string fact)
    {
        if (!condition)
            throw new InvalidOperationException($"Demo facts are inconsistent: expected that {fact}.");
    }
}

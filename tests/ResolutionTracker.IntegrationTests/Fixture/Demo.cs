namespace ResolutionTracker.IntegrationTests.Fixture;

// Facts of the demo case (../shared/design/demo-facts.md) that tests look for.
public static class Demo
{
    public const string L31 = "A/HRC/43/L.31";
    public const string Predecessor = "A/HRC/RES/37/23";

    public static readonly IReadOnlyList<string> ConcernHeadings =
    [
        "“Mutually beneficial cooperation”: the key term is never defined",
        "It undermines the Council's mandate to address human rights violations",
        "Cooperation is presented as an end in itself, not as a means to protect rights",
        "National sovereignty set against scrutiny: the “without interference” clause",
        "Silent on reprisals, and civil society left out of the meeting proposed for HRC46",
    ];

    // The words of pp.11 the annex quotes.
    public const string Pp11Words = "inalienable right to choose freely and develop";

    public static readonly IReadOnlyList<string> AccountEmails = ["admin@demo.local", "lead@demo.local", "staff@demo.local"];
}

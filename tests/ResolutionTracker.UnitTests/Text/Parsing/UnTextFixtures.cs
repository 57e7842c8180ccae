namespace ResolutionTracker.UnitTests.Text.Parsing;

// Our own texts in the layout PDF extraction gives UN documents (fictional topics, session 99 symbols).
internal static class UnTextFixtures
{
    public static readonly string[] All =
    [
        "hrc_draft_A_HRC_99_L_7.txt", "hrc_adopted_A_HRC_RES_98_12.txt", "ga_draft_A_99_L_12.txt",
        "third_committee_A_C_3_99_L_21.txt", "ga_adopted_A_RES_99_30.txt", "numbering_jump_A_HRC_99_L_19.txt",
        "no_operative_A_99_L_55.txt", "hyphenation_A_99_L_61.txt", "compact_A_HRC_99_L_23.txt",
        "security_council_S_RES_9999.txt", "long_A_99_L_77.txt", "french_A_99_L_40.txt",
    ];

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "UnText", name);

    public static string Read(string name) => File.ReadAllText(PathOf(name));
}

using System.Globalization;
using System.Text;
using ResolutionTracker.Domain;
using ResolutionTracker.Web.Authorization;

namespace ResolutionTracker.Web.Formatting;

// How dates, counts and enum values read wherever the app writes for people (pages, exports, the stored briefing
// document): "23 March 2018", "Human Rights Council".
public static class Format
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static string Date(DateOnly? date) =>
        date is { } d ? d.ToString("d MMMM yyyy", English) : "";

    // Stored in UTC; shown as the UTC calendar date so every reader sees the same day.
    public static string Date(DateTimeOffset? moment) =>
        moment is { } m ? m.UtcDateTime.ToString("d MMMM yyyy", English) : "";

    // "24 February–23 June 2020", "26 February–23 March 2018", or one side when the other is unknown.
    public static string DateRange(DateOnly? from, DateOnly? to)
    {
        if (from is null && to is null)
            return "";
        if (from is null)
            return $"until {Date(to)}";
        if (to is null)
            return $"from {Date(from)}";
        var (a, b) = (from.Value, to.Value);
        if (a.Year != b.Year)
            return $"{Date(a)}–{Date(b)}";
        if (a.Month != b.Month)
            return $"{a.ToString("d MMMM", English)}–{Date(b)}";
        return a.Day == b.Day ? Date(a) : $"{a.Day.ToString(English)}–{Date(b)}";
    }

    // 1 -> "1st", 43 -> "43rd", 112 -> "112th".
    public static string Ordinal(int number)
    {
        var n = number.ToString(English);
        var lastTwo = Math.Abs(number) % 100;
        if (lastTwo is >= 11 and <= 13)
            return n + "th";
        return (Math.Abs(number) % 10) switch
        {
            1 => n + "st",
            2 => n + "nd",
            3 => n + "rd",
            _ => n + "th",
        };
    }

    // "43rd session"
    public static string Session(int number) => $"{Ordinal(number)} session";

    // Count(1, "resolution") -> "1 resolution"; Count(3, "resolution") -> "3 resolutions".
    public static string Count(int count, string singular, string? plural = null) =>
        string.Create(English, $"{count:N0} {(count == 1 ? singular : plural ?? singular + "s")}");

    public static string Number(int value) => value.ToString("N0", English);

    // What someone typed, quoted back in a message or a list: at most `length` characters, then "…".
    // A cut never splits a character written as two UTF-16 units (an emoji, a rare CJK character).
    public static string Shorten(string text, int length = 40)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        if (text.Length <= length)
            return text;
        var cut = char.IsHighSurrogate(text[length - 1]) ? length - 1 : length;
        return text[..cut] + "…";
    }

    public static string Label(UnBody value) => value switch
    {
        UnBody.HumanRightsCouncil => "Human Rights Council",
        UnBody.GeneralAssembly => "General Assembly",
        UnBody.ThirdCommittee => "Third Committee",
        UnBody.SecurityCouncil => "Security Council",
        UnBody.EconomicAndSocialCouncil => "Economic and Social Council",
        UnBody.CommissionOnHumanRights => "Commission on Human Rights",
        _ => Words(value),
    };

    public static string ShortLabel(UnBody value) => value switch
    {
        UnBody.HumanRightsCouncil => "HRC",
        UnBody.GeneralAssembly => "GA",
        UnBody.ThirdCommittee => "Third Committee",
        UnBody.SecurityCouncil => "Security Council",
        UnBody.EconomicAndSocialCouncil => "ECOSOC",
        UnBody.CommissionOnHumanRights => "CHR",
        _ => Words(value),
    };

    public static string Label(OrganisationKind value) => value switch
    {
        OrganisationKind.State => "State",
        OrganisationKind.Ngo => "NGO",
        OrganisationKind.UnBody => "UN body",
        OrganisationKind.Nhri => "National human rights institution",
        _ => Words(value),
    };

    public static string Label(RegionalGroup? value) => value switch
    {
        null => "",
        RegionalGroup.African => "African",
        RegionalGroup.AsiaPacific => "Asia-Pacific",
        RegionalGroup.EasternEuropean => "Eastern European",
        RegionalGroup.LatinAmericanAndCaribbean => "Latin American and Caribbean",
        RegionalGroup.WesternEuropeanAndOthers => "Western European and others",
        _ => Words(value.Value),
    };

    public static string Label(ResolutionStatus value) => Words(value);

    public static string Label(VersionKind value) => value switch
    {
        VersionKind.Draft => "Draft",
        VersionKind.Revision => "Revision",
        VersionKind.OralRevision => "As orally revised",
        VersionKind.Adopted => "Adopted text",
        _ => Words(value),
    };

    public static string Label(TextCompleteness value) => value switch
    {
        TextCompleteness.Complete => "Full text",
        TextCompleteness.Partial => "Partial text",
        TextCompleteness.NotImported => "Text not imported",
        _ => Words(value),
    };

    public static string Label(ParagraphKind value) => value switch
    {
        ParagraphKind.Preambular => "Preambular",
        ParagraphKind.Operative => "Operative",
        _ => Words(value),
    };

    public static string Label(TextSource value) => value switch
    {
        TextSource.Imported => "Imported",
        TextSource.Quoted => "Quoted by a document",
        TextSource.NotImported => "Not yet imported",
        _ => Words(value),
    };

    public static string Label(SponsorRole value) => value switch
    {
        SponsorRole.MainSponsor => "Main sponsor",
        SponsorRole.CoSponsor => "Co-sponsor",
        _ => Words(value),
    };

    public static string Label(ConcernState value) => value switch
    {
        ConcernState.InReview => "In review",
        ConcernState.ChangesRequested => "Changes requested",
        _ => Words(value),
    };

    public static string Label(Severity value) => Words(value);

    public static string Label(BriefingStance value) => value switch
    {
        BriefingStance.Support => "Support",
        BriefingStance.SupportWithAmendments => "Support with amendments",
        BriefingStance.Neutral => "Neutral",
        BriefingStance.Oppose => "Oppose",
        _ => Words(value),
    };

    public static string Label(BriefingStatus value) => Words(value);

    public static string Label(VoteKind value) => value switch
    {
        VoteKind.Recorded => "Recorded vote",
        VoteKind.WithoutVote => "Adopted without a vote",
        _ => Words(value),
    };

    public static string Label(VoteChoice value) => value switch
    {
        VoteChoice.Yes => "In favour",
        VoteChoice.No => "Against",
        VoteChoice.Abstain => "Abstained",
        VoteChoice.NonVoting => "Did not vote",
        _ => Words(value),
    };

    public static string Label(ExpectedVote value) => value switch
    {
        ExpectedVote.Unknown => "Unknown",
        ExpectedVote.Yes => "In favour",
        ExpectedVote.No => "Against",
        ExpectedVote.Abstain => "Abstain",
        ExpectedVote.NonVoting => "Will not vote",
        _ => Words(value),
    };

    public static string Label(Priority value) => Words(value);

    // CSS classes for badges that carry the words as well (see site.css): <span class="@Format.Css(x)">@Format.Label(x)</span>
    public static string Css(Severity value) => "severity severity-" + value.ToString().ToLowerInvariant();

    public static string Css(ResolutionStatus value) => "badge-rt status-" + value.ToString().ToLowerInvariant();

    public static string Role(string role) => role switch
    {
        Roles.Admin => "Administrator",
        Roles.CoalitionLead => "Coalition lead",
        Roles.Staff => "Staff",
        _ => role,
    };

    // Any other enum: "SupportWithAmendments" -> "Support with amendments".
    public static string Words(Enum value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var name = value.ToString();
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (i > 0 && char.IsUpper(c))
                sb.Append(' ').Append(char.ToLowerInvariant(c));
            else
                sb.Append(c);
        }
        return sb.ToString();
    }
}

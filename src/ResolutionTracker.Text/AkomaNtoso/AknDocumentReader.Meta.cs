using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ResolutionTracker.Text.Parsing;

namespace ResolutionTracker.Text.AkomaNtoso;

// Metadata as AKN4UN states it: the cover page carries what is printed (symbol, session, agenda item),
// meta/identification the FRBR dates, meta/workflow the draft symbol and its sponsors, meta/analysis the
// recorded vote, and the conclusions the vote as printed under the text.
internal sealed partial class AknDocumentReader
{
    private static readonly Dictionary<string, string> BodiesByReference = new(StringComparer.OrdinalIgnoreCase)
    {
        ["humanRightsCouncil"] = "Human Rights Council",
        ["hrc"] = "Human Rights Council",
        ["generalAssembly"] = "General Assembly",
        ["ga"] = "General Assembly",
        ["securityCouncil"] = "Security Council",
        ["economicAndSocialCouncil"] = "Economic and Social Council",
        ["thirdCommittee"] = "Third Committee",
    };

    private static readonly string[] KnownBodies =
    [
        "Human Rights Council", "General Assembly", "Third Committee", "Security Council",
        "Economic and Social Council", "Commission on Human Rights",
    ];

    private string? ReadSymbol(XElement? meta, XElement? coverPage, XElement? preface)
    {
        var printed = coverPage?.Descendants(Akn + "docNumber")
            .FirstOrDefault(d => RefersTo(d) == "symbol")
            ?? coverPage?.Descendants(Akn + "docNumber").FirstOrDefault(d => LooksLikeSymbol(TextOf(d)));
        var symbol = printed is null ? null : TextOf(printed);
        if (string.IsNullOrEmpty(symbol))
            symbol = preface?.Descendants(Akn + "docNumber").Select(d => TextOf(d)).FirstOrDefault(LooksLikeSymbol);
        if (string.IsNullOrEmpty(symbol))
        {
            // A draft that is not yet a resolution is known by the symbol its workflow gives it.
            var draft = WorkflowSteps(meta).FirstOrDefault(s => Outcome(s) == "draftResolution");
            symbol = draft is null ? null : AknText.Normalise((string?)draft.Attribute("as") ?? "");
            if (!string.IsNullOrEmpty(symbol))
                warnings.Add($"The cover page states no document symbol; the draft symbol {symbol} from the workflow was used.");
        }
        if (string.IsNullOrEmpty(symbol))
        {
            warnings.Add("No document symbol was found.");
            return null;
        }
        if (!LooksLikeSymbol(symbol))
            warnings.Add($"The document number \"{symbol}\" does not look like a UN document symbol.");
        return symbol;
    }

    private string? ReadTitle(XElement? coverPage, XElement? preface)
    {
        var title = preface?.Descendants(Akn + "docTitle").FirstOrDefault(d => RefersTo(d) == "resolutionTitle")
            ?? preface?.Element(Akn + "longTitle")
            ?? preface?.Descendants(Akn + "docTitle").FirstOrDefault();
        var text = TextOf(title);
        if (text.Length > 0)
            return text;

        // The cover's own docTitle is "Resolution adopted by the Human Rights Council on ...", never the title.
        var cover = coverPage?.Descendants(Akn + "docTitle").Select(d => TextOf(d))
            .FirstOrDefault(t => t.Length > 0 && !t.StartsWith("Resolution adopted by", StringComparison.OrdinalIgnoreCase));
        if (cover is not null)
            return cover;
        warnings.Add("No title was found.");
        return null;
    }

    private string? ReadBody(XElement? coverPage, string? formula, XElement? meta)
    {
        var subsidiary = coverPage?.Descendants(Akn + "docAuthority").FirstOrDefault(d => RefersTo(d) == "subsidiaryBody");
        var body = Known(TextOf(subsidiary));
        if (body is not null)
            return body;

        var session = coverPage?.Descendants(Akn + "session").FirstOrDefault();
        if (session is not null && BodiesByReference.TryGetValue(RefersTo(session) ?? "", out var bySession))
            return bySession;

        // "The Human Rights Council," opens the preamble.
        if (formula is not null)
        {
            body = Known(formula.Trim(',', ' ').Replace("The ", "", StringComparison.Ordinal));
            if (body is not null)
                return body;
        }

        var issuing = coverPage?.Descendants(Akn + "docAuthority").FirstOrDefault(d => RefersTo(d) == "issuingBody");
        body = Known(TextOf(issuing));
        if (body is not null)
            return body;

        var uri = (string?)meta?.Element(Akn + "identification")?.Element(Akn + "FRBRWork")?.Element(Akn + "FRBRuri")?.Attribute("value");
        if (uri is not null && uri.Contains("/unga-hrc/", StringComparison.OrdinalIgnoreCase))
            return "Human Rights Council";
        warnings.Add("The body that adopted or considers the text was not found.");
        return null;
    }

    private static string? Known(string? name) =>
        KnownBodies.FirstOrDefault(b => string.Equals(b, name?.Trim(), StringComparison.OrdinalIgnoreCase));

    private int? ReadSession(XElement? coverPage, XElement? preface)
    {
        var session = coverPage?.Descendants(Akn + "session").FirstOrDefault();
        var value = (string?)session?.Attribute("value");
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            return number;

        // The resolution number "57/1." begins with the session.
        var docNumber = TextOf(preface?.Descendants(Akn + "docNumber").FirstOrDefault());
        var match = ResolutionNumber().Match(docNumber);
        if (match.Success)
            return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);

        warnings.Add(session is null ? "No session was found." : $"The session \"{TextOf(session)}\" has no number.");
        return null;
    }

    private string? ReadAgendaItem(XElement? coverPage)
    {
        var item = coverPage?.Descendants(Akn + "inline")
            .FirstOrDefault(i => string.Equals((string?)i.Attribute("name"), "agenda item", StringComparison.OrdinalIgnoreCase));
        if (item is null)
            return null;
        var value = AknText.Normalise((string?)item.Attribute("title") ?? "");
        if (value.Length == 0)
            value = AgendaItemPrefix().Replace(TextOf(item), "").Trim();
        return value.Length == 0 ? null : value;
    }

    private DateOnly? ReadDate(XElement? meta, XElement? conclusions)
    {
        var work = meta?.Element(Akn + "identification")?.Element(Akn + "FRBRWork");
        var dates = work?.Elements(Akn + "FRBRdate").ToList() ?? [];
        var adoption = dates.FirstOrDefault(d => string.Equals((string?)d.Attribute("name"), "adoption", StringComparison.OrdinalIgnoreCase));
        var date = ParseDate((string?)adoption?.Attribute("date"))
            ?? ParseDate((string?)AdoptionDateElement(conclusions)?.Attribute("date"))
            ?? dates.Select(d => ParseDate((string?)d.Attribute("date"))).FirstOrDefault(d => d is not null);
        if (date is null)
            warnings.Add("No date was found.");
        return date;
    }

    private static XElement? AdoptionDateElement(XElement? conclusions) =>
        conclusions?.Descendants(Akn + "docDate").FirstOrDefault(d => RefersTo(d) == "adoptionDate")
        ?? conclusions?.Descendants(Akn + "docDate").FirstOrDefault();

    // FRBR dates are xsd:date or xsd:dateTime; the workflow uses 0001-01-01 for "no date".
    private static DateOnly? ParseDate(string? value)
    {
        if (value is null || value.Length < 10)
            return null;
        return DateOnly.TryParseExact(value[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
               && date.Year > 1
            ? date
            : null;
    }

    private List<string> ReadSponsors(XElement? meta)
    {
        var sponsors = new List<string>();
        foreach (var step in WorkflowSteps(meta))
        {
            var outcome = Outcome(step);
            if (outcome is not ("draftResolution" or "draftResolutionAdditionalSponsors" or "sponsors" or "additionalSponsors"))
                continue;
            foreach (var name in NameList.Split((string?)step.Attribute("by")))
            {
                var sponsor = StripSponsorNotes(name);
                if (!sponsors.Contains(sponsor, StringComparer.OrdinalIgnoreCase))
                    sponsors.Add(sponsor);
            }
        }
        return sponsors;
    }

    // "Pakistan* (on behalf of the Organization of Islamic Cooperation)" sponsors as Pakistan; the rest is said
    // in a warning so it is not lost. A star marks a State that is not a member of the Council.
    private string StripSponsorNotes(string name)
    {
        var behalf = OnBehalfOf().Match(name);
        if (behalf.Success)
        {
            var state = name[..behalf.Index].Trim().TrimEnd('*').Trim();
            warnings.Add($"{state} sponsors {behalf.Groups[1].Value.Trim()}.");
            name = state;
        }
        return name.TrimEnd('*').Trim();
    }

    // ---- The recorded vote ------------------------------------------------------------------------

    private ParsedVote? ReadVote(XElement? meta, XElement? conclusions)
    {
        var voting = meta?.Element(Akn + "analysis")?.Descendants(Akn + "voting").FirstOrDefault();
        var adopted = WorkflowSteps(meta).FirstOrDefault(s => Outcome(s) == "adopted");
        var printed = conclusions?.Descendants(Akn + "vote").FirstOrDefault();
        if (voting is null && adopted is null && printed is null)
            return null;

        var date = ParseDate((string?)AdoptionDateElement(conclusions)?.Attribute("date"))
            ?? ParseDate((string?)meta?.Element(Akn + "identification")?.Element(Akn + "FRBRWork")?.Elements(Akn + "FRBRdate")
                .FirstOrDefault(d => (string?)d.Attribute("name") == "adoption")?.Attribute("date"));
        var meeting = ReadMeeting(conclusions, adopted);

        var outcome = (string?)voting?.Attribute("outcome")
            ?? printed?.Elements(Akn + "outcome").Select(RefersTo).FirstOrDefault(r => r is not null);
        var printedText = TextOf(printed);
        var adoptedAs = (string?)adopted?.Attribute("as") ?? "";
        var withoutVote = outcome?.Contains("WithoutVote", StringComparison.OrdinalIgnoreCase) == true
                          || (outcome is null && (printedText.Contains("without a vote", StringComparison.OrdinalIgnoreCase)
                                                  || adoptedAs.Contains("without vote", StringComparison.OrdinalIgnoreCase)));
        if (withoutVote)
            return new ParsedVote(date, meeting, true, []);

        var fromMeta = ReadMetaVoters(voting, out var declaredInMeta);
        var fromPrinted = ReadPrintedVoters(printed, out var declaredInPrint);
        var rows = ChooseVoters(fromMeta, fromPrinted);

        if (rows.Count == 0)
        {
            warnings.Add(outcome is null
                ? "The file does not say how the text was adopted."
                : "The text was adopted by a recorded vote, but the file lists no States.");
        }
        else
        {
            CheckTotals(rows, declaredInMeta, "metadata");
            CheckTotals(rows, declaredInPrint, "printed vote");
            CheckTotals(rows, ShortTally(adoptedAs), "workflow");
        }
        return new ParsedVote(date, meeting, false, rows);
    }

    private string? ReadMeeting(XElement? conclusions, XElement? adopted)
    {
        var location = conclusions?.Descendants(Akn + "location").FirstOrDefault();
        var meeting = TextOf(location);
        if (meeting.Length > 0)
            return meeting;
        // "Adopted without vote, 46th meeting" or "Adopted 32-13-2, 46th meeting".
        var adoptedAs = (string?)adopted?.Attribute("as");
        var comma = adoptedAs?.LastIndexOf(',') ?? -1;
        return comma < 0 ? null : AknText.Normalise(adoptedAs![(comma + 1)..]);
    }

    private List<ParsedVoteRow> ReadMetaVoters(XElement? voting, out Dictionary<string, int> declared)
    {
        declared = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = new List<ParsedVoteRow>();
        if (voting is null)
            return rows;
        foreach (var count in voting.Elements(Akn + "count"))
        {
            var choice = Choice(RefersTo(count));
            if (choice is null)
            {
                warnings.Add($"A vote count refers to \"{RefersTo(count)}\", which is not in favour, against or abstaining; it was skipped.");
                continue;
            }
            if (int.TryParse((string?)count.Attribute("value"), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                declared[choice] = declared.GetValueOrDefault(choice) + value;
            rows.AddRange(count.Descendants(Akn + "organization")
                .Select(o => TextOf(o))
                .Where(n => n.Length > 0)
                .Select(n => new ParsedVoteRow(n, choice)));
        }
        return rows;
    }

    private List<ParsedVoteRow> ReadPrintedVoters(XElement? printed, out Dictionary<string, int> declared)
    {
        declared = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = new List<ParsedVoteRow>();
        if (printed is null)
            return rows;
        foreach (var quantity in printed.Descendants(Akn + "quantity"))
        {
            var choice = Choice(RefersTo(quantity));
            var value = (string?)quantity.Attribute("normalized") ?? TextOf(quantity);
            if (choice is not null && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                declared[choice] = number;
        }
        foreach (var outcome in printed.Descendants(Akn + "outcome"))
        {
            var choice = Choice(RefersTo(outcome));
            if (choice is null)
                continue;
            var names = string.Join(", ", outcome.Elements(Akn + "organization").Select(o => TextOf(o)));
            rows.AddRange(NameList.Split(names).Select(n => new ParsedVoteRow(n, choice)));
        }
        return rows;
    }

    // The printed list gives full names in ordinary case ("United States of America"), which match the
    // organisations table better than the metadata's capitals ("UNITED STATES"); it is used when its
    // counts agree with the metadata's, since splitting a printed list can go wrong.
    private List<ParsedVoteRow> ChooseVoters(List<ParsedVoteRow> fromMeta, List<ParsedVoteRow> fromPrinted)
    {
        if (fromPrinted.Count == 0)
            return fromMeta;
        if (fromMeta.Count == 0)
            return fromPrinted;
        var agree = Choices.All(c => fromMeta.Count(r => r.Choice == c) == fromPrinted.Count(r => r.Choice == c));
        if (agree)
            return fromPrinted;
        warnings.Add($"The printed vote ({Tally(fromPrinted)}) and the vote in the metadata ({Tally(fromMeta)}) " +
                     "list different numbers of States; the metadata's names were used.");
        return fromMeta;
    }

    private void CheckTotals(List<ParsedVoteRow> rows, Dictionary<string, int> declared, string source)
    {
        foreach (var (choice, number) in declared)
        {
            var listed = rows.Count(r => r.Choice == choice);
            if (listed != number)
                warnings.Add($"The {source} gives {number} {Describe(choice)} but {listed} States are listed.");
        }
    }

    private static Dictionary<string, int> ShortTally(string adoptedAs)
    {
        var match = VoteTally().Match(adoptedAs);
        if (!match.Success)
            return [];
        return new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["Yes"] = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture),
            ["No"] = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture),
            ["Abstain"] = int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture),
        };
    }

    private static readonly string[] Choices = ["Yes", "No", "Abstain", "NonVoting"];

    private static string Tally(List<ParsedVoteRow> rows) =>
        string.Join("-", Choices.Take(3).Select(c => rows.Count(r => r.Choice == c).ToString(CultureInfo.InvariantCulture)));

    private static string Describe(string choice) => choice switch
    {
        "Yes" => "in favour",
        "No" => "against",
        "Abstain" => "abstaining",
        _ => "not voting",
    };

    private static string? Choice(string? reference) => reference?.ToUpperInvariant() switch
    {
        "INFAVOUR" or "INFAVOR" or "YES" => "Yes",
        "AGAINST" or "NO" => "No",
        "ABSTAINING" or "ABSTENTION" or "ABSTENTIONS" or "ABSTAIN" => "Abstain",
        "NONVOTING" or "NOTVOTING" or "ABSENT" or "NONPARTICIPATING" => "NonVoting",
        _ => null,
    };

    // ---- Small helpers ----------------------------------------------------------------------------

    private static IEnumerable<XElement> WorkflowSteps(XElement? meta) =>
        meta?.Element(Akn + "workflow")?.Elements(Akn + "step") ?? [];

    private static string? Outcome(XElement step) => ((string?)step.Attribute("outcome"))?.TrimStart('#');

    // refersTo holds "#symbol" in some places and "inFavour" in others.
    private static string? RefersTo(XElement element) => ((string?)element.Attribute("refersTo"))?.Trim().TrimStart('#');

    [GeneratedRegex(@"^(\d{1,3})/\d+")]
    private static partial Regex ResolutionNumber();

    [GeneratedRegex(@"^\s*agenda\s+item\s*", RegexOptions.IgnoreCase)]
    private static partial Regex AgendaItemPrefix();

    [GeneratedRegex(@"\(\s*(on behalf of [^)]*)\)", RegexOptions.IgnoreCase)]
    private static partial Regex OnBehalfOf();

    [GeneratedRegex(@"\b(\d{1,3})-(\d{1,3})-(\d{1,3})\b")]
    private static partial Regex VoteTally();
}

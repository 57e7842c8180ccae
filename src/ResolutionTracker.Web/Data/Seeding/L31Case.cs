using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Briefings;
using ResolutionTracker.Domain.Concerns;
using ResolutionTracker.Domain.Resolutions;
using ResolutionTracker.Domain.Votes;

namespace ResolutionTracker.Web.Data.Seeding;

// The real case of the seed annex (../shared/seed/000_f2fb96d6a1cc04ab.txt): draft A/HRC/43/L.31, its predecessor
// A/HRC/RES/37/23 and the coalition's briefing. Symbols, titles, dates, names, figures and addresses are the annex's;
// the prose is ours. UN text appears only where the annex quotes it: the app never holds UN text written from memory.
internal static class L31Case
{
    public const string Symbol = "A/HRC/43/L.31";
    public const string PredecessorSymbol = "A/HRC/RES/37/23";
    public const string Title = "Promoting mutually beneficial cooperation in the field of human rights";

    public static readonly DateOnly PredecessorAdoptedOn = new(2018, 3, 23);

    // HRC43 resumed on 15 June 2020; the annex was written for that moment.
    public static readonly DateTimeOffset PublishedAt = new(2020, 6, 15, 9, 0, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset Drafted = new(2020, 6, 8, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Submitted = new(2020, 6, 10, 14, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Approved = new(2020, 6, 12, 16, 0, 0, TimeSpan.Zero);

    public const string TargetGroup = "States that signed the HRC membership pledge (cross-regional group)";

    public sealed record Signatory(string Name, string? ShortName);

    // Footnote 1 of the annex, in its order.
    public static readonly IReadOnlyList<Signatory> Signatories =
    [
        new("African Centre for Democracy and Human Rights Studies", null),
        new("Amnesty International", null),
        new("Asian Forum for Human Rights and Development", "FORUM-ASIA"),
        new("Cairo Institute for Human Rights Studies", null),
        new("Chinese Human Rights Defenders", null),
        new("CIVICUS: World Alliance for Citizen Participation", "CIVICUS"),
        new("Commonwealth Human Rights Initiative", null),
        new("Conectas Direitos Humanos", null),
        new("DefendDefenders (East and Horn of Africa Human Rights Defenders Project)", null),
        new("Human Rights in China", null),
        new("Human Rights Watch", null),
        new("International Commission of Jurists", null),
        new("International Federation for Human Rights", "FIDH"),
        new("International Service for Human Rights", null),
        new("Southern African Human Rights Defenders Network", null),
        new("World Organisation against Torture", "OMCT"),
    ];

    public const string AdvisoryCommittee = "Human Rights Council Advisory Committee";

    // pp.11 exactly as the annex quotes it, leading ellipsis included: the quote starts mid-paragraph.
    private const string Pp11Quote =
        "...each State has the inalienable right to choose freely and develop, in accordance with the sovereign will of its people, " +
        "its own political, social, economic and cultural systems, without interference from any other State or non-State actor, " +
        "in strict conformity with the Charter, the Universal Declaration of Human Rights and other relevant international instruments";

    public static Resolution BuildPredecessor(SeedContext context)
    {
        var resolution = new Resolution(PredecessorSymbol, Title, UnBody.HumanRightsCouncil, context.CouncilSession(37), ResolutionStatus.Draft, agendaItem: "3");
        resolution.MarkAdopted(PredecessorAdoptedOn);

        // The adopted text is not in the annex: the version records that it exists, without paragraphs.
        var adopted = resolution.AddVersion("Adopted text (as orally revised)", VersionKind.Adopted, PredecessorAdoptedOn, TextCompleteness.NotImported, PredecessorSymbol);
        adopted.Sponsor(context.Organisation(CouncilStates.PredecessorMainSponsor), SponsorRole.MainSponsor);
        foreach (var name in CouncilStates.PredecessorCoSponsors)
            adopted.Sponsor(context.Organisation(name), SponsorRole.CoSponsor);

        var vote = new Vote(adopted, VoteKind.Recorded, PredecessorAdoptedOn, "54th meeting", "Adopted as orally revised");
        foreach (var member in CouncilStates.Members2018)
            vote.Record(context.Organisation(member.Name), member.VoteOnPredecessor);
        if (vote.Yes != 28 || vote.No != 1 || vote.Abstentions != 17 || vote.NonVoting != 1)
            throw new InvalidOperationException($"The recorded vote on {PredecessorSymbol} must come out 28-1-17 with one member not voting; it came out {vote.Tally}.");

        context.Db.Resolutions.Add(resolution);
        context.Db.Votes.Add(vote);
        return resolution;
    }

    public static (Resolution Draft, Briefing Briefing) Build(SeedContext context, Resolution predecessor)
    {
        var draft = new Resolution(Symbol, Title, UnBody.HumanRightsCouncil, context.CouncilSession(43), ResolutionStatus.Draft);
        draft.AddPredecessor(predecessor);
        var version = draft.AddVersion("L.31", VersionKind.Draft, null, TextCompleteness.Partial, Symbol);
        version.Sponsor(context.Organisation(CouncilStates.PredecessorMainSponsor), SponsorRole.MainSponsor);

        // Only the paragraphs the annex points at; the one it quotes keeps the quoted words.
        var pp3 = version.AddParagraph(ParagraphKind.Preambular, 3, null, TextSource.NotImported);
        var pp4 = version.AddParagraph(ParagraphKind.Preambular, 4, null, TextSource.NotImported);
        var pp8 = version.AddParagraph(ParagraphKind.Preambular, 8, null, TextSource.NotImported);
        var pp11 = version.AddParagraph(ParagraphKind.Preambular, 11, Pp11Quote, TextSource.Quoted);
        context.Db.Resolutions.Add(draft);

        var concerns = new[]
        {
            UndefinedKeyTerm(context, draft),
            MandateUndermined(context, draft, pp4),
            CooperationAsAnEnd(context, draft, pp3),
            NonInterference(context, draft, pp11),
            ReprisalsAndCivilSociety(context, draft, pp8),
        };
        var author = new Actor(context.SecretariatId, CanReview: false);
        // The seed records decisions the coalition took on the real case. Without the demo accounts the secretariat account
        // stands for the coalition as both author and approver, so it approves as a coalition allowed to self-approve.
        var approver = new Actor(context.ApproverId, CanReview: true, SelfApprovalAllowed: true);
        foreach (var concern in concerns)
        {
            concern.Submit(author, Submitted);
            concern.Approve(approver, Approved);
        }
        context.Db.Concerns.AddRange(concerns);

        var briefing = new Briefing(
            draft,
            "Key concerns with draft resolution A/HRC/43/L.31 on promoting mutually beneficial cooperation in the field of human rights",
            "This briefing sets out what worries our organisations about draft resolution A/HRC/43/L.31, tabled by China at the 43rd session " +
            "of the Human Rights Council. Each point below was raised by several States, by civil society, or by both during the informal " +
            "negotiations of March 2020. We set them out again, paragraph by paragraph, as the Council resumes its session, together with " +
            "what we ask States to do.",
            BriefingStance.Oppose,
            "Our organisations call on States to reject draft resolution A/HRC/43/L.31. The problem is the purpose of the initiative, not " +
            "its wording: it seeks to turn the Council into a forum for non-confrontational dialogue that serves States rather than " +
            "rights-holders, and no amount of redrafting would change that. It should be stopped, not amended.",
            Drafted,
            slug: "a-hrc-43-l-31-key-concerns");
        briefing.AddFootnote(
            "This briefing is signed by 16 organisations: " + string.Join("; ", Signatories.Select(s => s.ShortName is null ? s.Name : $"{s.Name} ({s.ShortName})")) + ".");
        foreach (var concern in concerns)
            briefing.AddConcern(concern);

        briefing.AddRecommendation(
            "Work together to ensure that a vote is called, on behalf of the group, when the draft resolution is presented for adoption.", TargetGroup);
        briefing.AddRecommendation(
            "Commit, as a matter of principle, to vote against the draft resolution.", TargetGroup);
        briefing.AddRecommendation(
            "Deliver an explanation of vote that defends the Council's mandate to address violations and to hold difficult " +
            "discussions, all the more in the present context.", TargetGroup);
        briefing.AddRecommendation(
            "Put clear objections on record, stating that the resolution does not reflect the consensus of the international community.", TargetGroup);

        foreach (var signatory in Signatories)
            briefing.AddSignatory(context.Organisation(signatory.Name));

        context.Db.Briefings.Add(briefing);
        return (draft, briefing);
    }

    private static Footnote Note(SeedContext context, Concern concern, string text) =>
        concern.AddFootnote(new Actor(context.SecretariatId, CanReview: false), text, [], Drafted);

    private static Concern UndefinedKeyTerm(SeedContext context, Resolution draft)
    {
        var concern = new Concern(
            draft,
            context.SecretariatId,
            "“Mutually beneficial cooperation”: the key term is never defined",
            "The whole draft rests on a phrase that has never been defined, a gap that States and civil society pointed out when " +
            "resolution 37/23 was negotiated in 2018 and again in March 2020. What the main sponsor has said about it points away " +
            "from the agreed basis of the UN human rights system, towards bargains between States that serve governments rather " +
            "than the people whose rights are at stake.",
            "In the 2018 negotiations on resolution 37/23 and in the informal consultations on this draft in March 2020, several " +
            "delegations and civil society organisations asked what “mutually beneficial cooperation” is meant to cover. No " +
            "definition has been offered, let alone agreed.\n\n" +
            "China's reply to the Advisory Committee's questionnaire ties the idea to building “a new type of international " +
            "relations”. That is a step away from the consensus texts at the heart of the UN human rights system. In practice the " +
            "term is being used to promote negotiated outcomes between States that suit the States involved, not accountability " +
            "for violations.\n\n" +
            "Human rights belong to every person, and the duties to respect, protect, fulfil and promote them are legal obligations. " +
            "They are not terms for governments to trade for mutual advantage: the UN's human rights pillar exists to secure them, " +
            "not to broker them.",
            Severity.High,
            Drafted);
        Note(context, concern,
                "Human Rights Council resolution 37/23 (A/HRC/RES/37/23), “Promoting mutually beneficial cooperation in the field of " +
                "human rights”, adopted as orally revised at the Council's 54th meeting on 23 March 2018, by a recorded vote of 28 to 1 " +
                "with 17 abstentions.")
            .Cite(PredecessorSymbol, "https://ap.ohchr.org/documents/dpage_e.aspx?si=A/HRC/RES/37/23", "Resolution 37/23 on the OHCHR documents site");
        Note(context, concern,
                "China's reply to the questionnaire of the Human Rights Council Advisory Committee on the role of technical assistance " +
                "and capacity-building in fostering mutually beneficial cooperation, page 1.")
            .Cite(null, "https://www.ohchr.org/Documents/HRBodies/HRCouncil/AdvisoryCom/TechnicalAssistance/China_English.pdf",
                "China's submission to the Advisory Committee (OHCHR, PDF)");
        return concern;
    }

    private static Concern MandateUndermined(SeedContext context, Resolution draft, Paragraph pp4)
    {
        var concern = new Concern(
            draft,
            context.SecretariatId,
            "It undermines the Council's mandate to address human rights violations",
            "By tying technical assistance to sovereignty and non-intervention and offering it “only at the request” of the State " +
            "concerned, the draft repeats the Advisory Committee's position (pp.4) and calls into question the Council's mandate to " +
            "address situations of violations, including gross and systematic ones. It recasts the system as dialogue that suits " +
            "duty-bearers rather than protection for rights-holders.",
            "The General Assembly charged the Council with addressing situations of human rights violations, including gross and " +
            "systematic violations, and with making recommendations on them. The Advisory Committee's report asks States instead " +
            "to avoid pressure to secure cooperation and to provide technical assistance and capacity-building in line with " +
            "sovereignty and non-intervention, “only at the request” of the States concerned. Preambular paragraph 4 of the draft " +
            "restates that position.\n\n" +
            "This upsets a balance reached through years of negotiation, from General Assembly resolution 60/251 to Council " +
            "resolution 5/1, and the commitment to the universality and indivisibility of human rights affirmed in the Vienna " +
            "Declaration. It also assumes that violations come from a lack of knowledge or resources, when their causes are often " +
            "political.\n\n" +
            "Genuine dialogue is the ideal, but protecting rights can mean uncomfortable exchanges between States, or between States " +
            "and civil society, above all where grave violations continue. The Council must stay the place for those conversations " +
            "and must be able to act when the State concerned will not cooperate. States that value the institution-building " +
            "package should be deeply concerned.",
            Severity.Critical,
            Drafted);
        concern.LinkParagraph(pp4);
        Note(context, concern,
                "General Assembly resolution 60/251 (A/RES/60/251), which sets out the Council's mandate, including to address " +
                "situations of violations of human rights and to make recommendations on them.")
            .Cite("A/RES/60/251", null, "General Assembly resolution 60/251");
        return concern;
    }

    private static Concern CooperationAsAnEnd(SeedContext context, Resolution draft, Paragraph pp3)
    {
        var concern = new Concern(
            draft,
            context.SecretariatId,
            "Cooperation is presented as an end in itself, not as a means to protect rights",
            "The General Assembly named constructive international dialogue and cooperation as a principle to guide the Council's " +
            "work with a view to enhancing the promotion and protection of all human rights: a means to that end. The draft " +
            "instead makes “mutually beneficial cooperation” between States, and the cooperation of civil society and mechanisms " +
            "with States, the objective itself (pp.3).",
            "The COVID-19 pandemic shows how much depends on principled multilateralism and international cooperation and " +
            "assistance; the Council said as much in the presidential statement it adopted by consensus on 29 May 2020. Our " +
            "organisations support cooperation of that kind.\n\n" +
            "When it set out the Council's mandate, the General Assembly listed constructive international dialogue and " +
            "cooperation among the principles for its work, always with a view to better promotion and protection of human " +
            "rights. Preambular paragraph 3 of the draft turns this round: cooperation becomes the goal, and the people whose " +
            "rights are at stake drop out of view.\n\n" +
            "Credible dialogue and cooperation mean engaging in good faith: States willing to be self-critical, to work with the " +
            "Council, the Universal Periodic Review, the special procedures and the other mechanisms, and to put right what went " +
            "wrong. Presented as cooperation, this initiative is divisive: it pushes one vision of the human rights pillar at the " +
            "expense of a consensus forged over decades.",
            Severity.High,
            Drafted);
        concern.LinkParagraph(pp3);
        Note(context, concern,
                "Presidential statement “Human rights implications of the COVID-19 pandemic” (A/HRC/43/L.42), adopted through " +
                "the silence procedure on 29 May 2020; the OHCHR documents site holds the draft as adopted.")
            .Cite("A/HRC/43/L.42", "https://ap.ohchr.org/documents/dpage_e.aspx?si=A/HRC/43/L.42", "The draft as adopted, on the OHCHR documents site");
        Note(context, concern,"General Assembly resolution 60/251 (A/RES/60/251), operative paragraph 4.")
            .Cite("A/RES/60/251", null, "General Assembly resolution 60/251, operative paragraph 4");
        return concern;
    }

    private static Concern NonInterference(SeedContext context, Resolution draft, Paragraph pp11)
    {
        var concern = new Concern(
            draft,
            context.SecretariatId,
            "National sovereignty set against scrutiny: the “without interference” clause",
            "Preambular paragraph 11 stresses each State's “inalienable right” to choose and develop its own political, social, " +
            "economic and cultural systems without interference from any State or non-State actor. In a text about cooperation on " +
            "human rights, this hands governments an argument for brushing aside the work of the Council's mechanisms.",
            "The Council's mechanisms, from the Universal Periodic Review to the special procedures, are essential to the system. " +
            "Their findings and recommendations must not be set aside by forceful claims of national sovereignty.\n\n" +
            "The draft fails to recognise this. Instead of affirming the role of the mechanisms, preambular paragraph 11 puts " +
            "first each State's right to shape its own systems free from outside interference. Read with preambular paragraph 4, " +
            "which offers assistance only at the request of the State concerned, it gives governments a ready reply to any scrutiny " +
            "they do not welcome.",
            Severity.High,
            Drafted);
        concern.LinkParagraph(pp11, Pp11Quote);
        return concern;
    }

    private static Concern ReprisalsAndCivilSociety(SeedContext context, Resolution draft, Paragraph pp8)
    {
        var concern = new Concern(
            draft,
            context.SecretariatId,
            "Silent on reprisals, and civil society left out of the meeting proposed for HRC46",
            "Dialogue with the Council depends on civil society, human rights defenders, journalists and national human rights " +
            "institutions being able to take part safely. The main sponsors did not take up proposals to refer to an enabling " +
            "environment free from reprisals, and the meeting the draft would convene at the 46th session (pp.8) appears to " +
            "exclude civil society and other key stakeholders.",
            "Credible dialogue and cooperation also depend on the complementary role of other actors: civil society " +
            "organisations, human rights defenders, journalists and national human rights institutions. They must be able to " +
            "engage with the Council and its mechanisms safely, without undue obstacles and without fear of reprisal.\n\n" +
            "Proposals to say so in the resolution, including language drawn from a General Assembly resolution adopted by " +
            "consensus, were not taken up by the main sponsors. And the meeting that preambular paragraph 8 proposes for the " +
            "Council's 46th session appears to leave civil society and other key stakeholders out of the discussion.\n\n" +
            "We ask all States to recommit to real dialogue and cooperation aimed at the promotion and protection of human rights, " +
            "including in meeting the global challenges of the pandemic, and to insist that such discussions at the Council are " +
            "open to those whose rights are at stake.",
            Severity.Critical,
            Drafted);
        concern.LinkParagraph(pp8);
        Note(context, concern,
                "At the 37th session, language drawn from operative paragraph 8 of General Assembly resolution 72/247 " +
                "(A/RES/72/247), adopted by consensus, was proposed as an additional preambular paragraph. It condemned " +
                "intimidation and reprisals against those who cooperate with the Council and its mechanisms and called for " +
                "unhindered access to international bodies. The main sponsor did not include it.")
            .Cite("A/RES/72/247", "http://www.un.org/en/ga/search/view_doc.asp?symbol=A/RES/72/247", "General Assembly resolution 72/247 on the UN website");
        return concern;
    }
}

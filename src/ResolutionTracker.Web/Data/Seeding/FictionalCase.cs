using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Annotations;
using ResolutionTracker.Domain.Concerns;
using ResolutionTracker.Domain.Resolutions;
using ResolutionTracker.Domain.Votes;

namespace ResolutionTracker.Web.Data.Seeding;

// A plainly fictional resolution that shows what a complete case looks like: full text in two versions, annotations,
// concerns in the workflow and a recorded vote. The symbol, the session and every text are invented and say so;
// no real document has the symbol A/HRC/99/L.1.
internal static class FictionalCase
{
    public const string Symbol = "A/HRC/99/L.1";
    public const int SessionNumber = 99;

    private const string Title = "Fictional example: Access to public libraries and the enjoyment of human rights";

    private static readonly DateOnly DraftDate = new(2099, 3, 24);
    private static readonly DateOnly RevisionDate = new(2099, 3, 31);
    private static readonly DateOnly VoteDate = new(2099, 4, 2);
    private static readonly DateTimeOffset NotesWritten = new(2099, 4, 1, 10, 0, 0, TimeSpan.Zero);

    public static Session NewSession() =>
        new(UnBody.HumanRightsCouncil, SessionNumber, new DateOnly(2099, 3, 2), new DateOnly(2099, 4, 3),
            "Fictional session for the demonstration case; no such session has taken place.");

    public static Resolution Build(SeedContext context)
    {
        var resolution = new Resolution(Symbol, Title, UnBody.HumanRightsCouncil, context.CouncilSession(SessionNumber), ResolutionStatus.Draft, agendaItem: "3");

        var l1 = resolution.AddVersion("L.1", VersionKind.Draft, DraftDate, TextCompleteness.Complete, Symbol);
        var pp = new[]
        {
            Pp(l1, 1, "Guided by the purposes and principles of the Charter of the United Nations,"),
            Pp(l1, 2, "Recalling its resolution 98/1 of 1 April 2098 on public libraries, a fictional resolution like the present text,"),
            Pp(l1, 3, "Recognizing that public libraries offer everyone, without discrimination, free access to information, learning and culture,"),
            Pp(l1, 4, "Noting with concern that many public libraries face shorter opening hours, shortages of staff and the closure of branches, in particular in rural areas,"),
            Pp(l1, 5, "Acknowledging the contribution of librarians, volunteers and local communities to sustaining library services,"),
            Pp(l1, 6, "Stressing the importance of digital library services for persons who cannot visit a library in person,"),
        };
        var op = new[]
        {
            Op(l1, 1, "Affirms that access to public libraries contributes to the enjoyment of the right to education and of the right to take part in cultural life;"),
            Op(l1, 2, "Calls upon States to ensure adequate and sustainable funding for public library services;"),
            Op(l1, 3, "Encourages States to make public libraries accessible to all, including by:"),
            Op(l1, 4, "Requests the fictional Special Rapporteur on access to public libraries to present a report on good practices to the Council at its one hundred and second session;"),
            Op(l1, 5, "Decides to convene, at its one hundred and first session, a half-day panel discussion on public libraries and human rights, with the participation of civil society and library associations;"),
            Op(l1, 6, "Decides to remain seized of the matter."),
        };
        AccessItems(op[2]);

        // Rev.1: pp.5 is dropped, OP 2 and the panel (OP 5, now 6) are reworded, a new OP 4 is inserted.
        var rev1 = resolution.AddVersion("L.1/Rev.1", VersionKind.Revision, RevisionDate, TextCompleteness.Complete, Symbol + "/Rev.1");
        Carry(rev1, pp[0], 1);
        Carry(rev1, pp[1], 2);
        Carry(rev1, pp[2], 3);
        Carry(rev1, pp[3], 4);
        Carry(rev1, pp[5], 5);
        Carry(rev1, op[0], 1);
        var funding = Carry(rev1, op[1], 2,
            "Encourages States to consider adequate funding for public library services, within available resources;");
        AccessItems(Carry(rev1, op[2], 3));
        var specificities = rev1.AddParagraph(ParagraphKind.Operative, 4,
            "Stresses that library services should respect national legislation and the particular cultural context of each State;",
            TextSource.Imported);
        Carry(rev1, op[3], 5);
        var panel = Carry(rev1, op[4], 6,
            "Decides to convene, at its one hundred and first session, a half-day panel discussion among Member States on public libraries and human rights;");
        Carry(rev1, op[5], 7);

        var vote = new Vote(rev1, VoteKind.Recorded, VoteDate, "40th meeting (fictional)", "Fictional vote for demonstration");
        var index = 0;
        foreach (var member in CouncilStates.Members2018)
        {
            // An arbitrary spread, so that the table shows every kind of row; it says nothing about any real State.
            var choice = (index++ % 9) switch
            {
                0 or 4 => VoteChoice.Abstain,
                7 => VoteChoice.No,
                _ => VoteChoice.Yes,
            };
            vote.Record(context.Organisation(member.Name), choice);
        }
        if (vote.Adopted)
            resolution.MarkAdopted(VoteDate);

        context.Db.Resolutions.Add(resolution);
        context.Db.Votes.Add(vote);

        if (context.StaffId is { } staff)
            AddStaffWork(context, resolution, staff, funding, specificities, panel);
        return resolution;
    }

    private static void AddStaffWork(SeedContext context, Resolution resolution, string staff, Paragraph funding, Paragraph specificities, Paragraph panel)
    {
        const string Qualifier = "within available resources";
        context.Db.Annotations.AddRange(
            new Annotation(funding, staff,
                "Fictional demo note: this qualifier is new in Rev.1. It turns a firm funding commitment into an optional one.",
                new TextQuoteSelector(Qualifier, "adequate funding for public library services, ", ";"), NotesWritten),
            new Annotation(specificities, staff,
                "Fictional demo note: a paragraph added in Rev.1. Ask what \"particular cultural context\" is meant to allow.",
                null, NotesWritten.AddHours(1)));

        var panelConcern = new Concern(resolution, staff,
            "Fictional example: Rev.1 takes civil society out of the proposed panel",
            "In this fictional case, L.1 foresaw a panel with civil society and library associations; Rev.1 limits it to Member States. " +
            "The concern was flagged after the revision and is waiting for review.",
            "This is demonstration text about an invented resolution.\n\n" +
            "Rev.1 rewrites the operative paragraph on the panel discussion so that only Member States take part. Those who run and use " +
            "libraries would have no voice in a discussion about their work.",
            Severity.Medium, NotesWritten.AddHours(2));
        panelConcern.LinkParagraph(panel);
        panelConcern.Submit(new Actor(staff, CanReview: false), NotesWritten.AddHours(3));

        var fundingConcern = new Concern(resolution, staff,
            "Fictional example: the funding commitment is weakened",
            "In this fictional case, Rev.1 replaces \"calls upon States to ensure\" funding with an encouragement to \"consider\" it " +
            "\"within available resources\". Still a draft.",
            "This is demonstration text about an invented resolution.\n\nA first draft of a concern, not yet sent for review.",
            Severity.Low, NotesWritten.AddHours(4));
        fundingConcern.LinkParagraph(funding, Qualifier);

        context.Db.Concerns.AddRange(panelConcern, fundingConcern);
    }

    private static void AccessItems(Paragraph paragraph)
    {
        paragraph.AddSubItem("(a)", "Extending opening hours in the evenings and at weekends;");
        paragraph.AddSubItem("(b)", "Ensuring physical access for persons with disabilities;");
        paragraph.AddSubItem("(c)", "Offering books and other materials in minority and indigenous languages;");
    }

    private static Paragraph Pp(ResolutionVersion version, int number, string text) =>
        version.AddParagraph(ParagraphKind.Preambular, number, text, TextSource.Imported);

    private static Paragraph Op(ResolutionVersion version, int number, string text) =>
        version.AddParagraph(ParagraphKind.Operative, number, text, TextSource.Imported);

    // The same paragraph in the revision keeps its identity, whatever its new number or wording.
    private static Paragraph Carry(ResolutionVersion version, Paragraph from, int number, string? newText = null) =>
        version.AddParagraph(from.Kind, number, newText ?? from.Text, TextSource.Imported, from.StableId);
}

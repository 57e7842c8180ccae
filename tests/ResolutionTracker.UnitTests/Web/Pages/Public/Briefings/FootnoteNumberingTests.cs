using ResolutionTracker.Web.Pages.Public.Briefings;
using static ResolutionTracker.Web.Pages.Public.Briefings.FootnoteNumbering;

namespace ResolutionTracker.UnitTests.Web.Pages.Public.Briefings;

public class FootnoteNumberingTests
{
    [Fact]
    public void The_briefings_own_notes_come_first_then_each_concerns_notes_in_concern_order()
    {
        var briefing = new[] { new Note(FootnoteId: 100, Position: 1) };
        var concerns = new[]
        {
            new ConcernNotes(ConcernId: 2, Position: 2, [new Note(21, 2), new Note(20, 1)]),
            new ConcernNotes(ConcernId: 1, Position: 1, [new Note(10, 1)]),
        };

        var numbers = FootnoteNumbering.Number(briefing, concerns);

        numbers.Should().Equal(new Dictionary<int, int> { [100] = 1, [10] = 2, [20] = 3, [21] = 4 });
    }

    [Fact]
    public void A_concern_without_notes_leaves_no_gap()
    {
        var concerns = new[]
        {
            new ConcernNotes(1, 1, []),
            new ConcernNotes(2, 2, [new Note(7, 1)]),
        };

        var numbers = FootnoteNumbering.Number([], concerns);

        numbers.Should().Equal(new Dictionary<int, int> { [7] = 1 });
    }

    [Fact]
    public void A_note_listed_twice_keeps_its_first_number()
    {
        var concerns = new[]
        {
            new ConcernNotes(1, 1, [new Note(5, 1)]),
            new ConcernNotes(2, 2, [new Note(5, 1), new Note(6, 2)]),
        };

        var numbers = FootnoteNumbering.Number([], concerns);

        numbers.Should().Equal(new Dictionary<int, int> { [5] = 1, [6] = 2 });
    }
}

using ResolutionTracker.Text.Diff;

namespace ResolutionTracker.Web.Pages.Desk.Resolutions;

// "Text changed since this was written": a concern or note whose paragraph was reworded by a later version, with
// the text it was written about, the text now (as a word diff), and the form that confirms it still holds.
// ConfirmAction is null when the user may not confirm; Fields are the form's hidden inputs.
public sealed record TextChangeFlag(string Reference, string OldText, string NewText, string? ConfirmAction,
    IReadOnlyList<KeyValuePair<string, string>> Fields, string What)
{
    public IReadOnlyList<DiffSegment> Diff => WordDiff.Compare(OldText, NewText);
}

using System.Globalization;
using ResolutionTracker.Text.Diff;

namespace ResolutionTracker.Web.Pages.Desk.Resolutions;

// "Text changed since this was written": a concern or note whose paragraph was reworded by a later version, with
// the text it was written about, the text now (as a word diff), and the form that confirms it still holds.
// ConfirmAction is null when the user may not confirm; Fields are the form's hidden inputs.
public sealed record TextChangeFlag(string Reference, string OldText, string NewText, string? ConfirmAction,
    IReadOnlyList<KeyValuePair<string, string>> Fields, string What)
{
    public IReadOnlyList<DiffSegment> Diff => WordDiff.Compare(OldText, NewText);

    // A concern is confirmed by the concern page's one handler, wherever the flag is shown; returnUrl (a local
    // address) brings the user back to where they confirmed.
    public static TextChangeFlag ForConcern(int concernId, uint rowVersion, int paragraphId, string reference, string oldText, string newText,
        bool mayConfirm, string? returnUrl = null)
    {
        List<KeyValuePair<string, string>> fields =
        [
            new("paragraphId", paragraphId.ToString(CultureInfo.InvariantCulture)),
            new("RowVersion", rowVersion.ToString(CultureInfo.InvariantCulture)),
        ];
        if (returnUrl is not null)
            fields.Add(new("returnUrl", returnUrl));
        return new(reference, oldText, newText,
            mayConfirm ? string.Create(CultureInfo.InvariantCulture, $"/desk/concerns/{concernId}?handler=ConfirmParagraph") : null,
            fields, "concern");
    }
}

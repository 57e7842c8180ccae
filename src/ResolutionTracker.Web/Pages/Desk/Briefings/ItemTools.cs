namespace ResolutionTracker.Web.Pages.Desk.Briefings;

// What _ItemTools renders for one item of an ordered list in the composer: Move up, Move down, and
// Remove after asking once. Handler is the suffix after Move/Remove ("Concern"); IdName the posted field.
public sealed record ItemTools(int BriefingId, uint Version, string Handler, string IdName, int Id, int Position, int Count, string Label, string RemoveQuestion, string RemoveButton);

// What _RecommendationFields shows: one form's values and the messages for its fields.
public sealed record RecommendationFields(string Key, string? Text, string? AddressedTo, string? TextError, string? AddressedToError);

using System.Globalization;
using ResolutionTracker.Web.Formatting;

namespace ResolutionTracker.Web.Pages.Shared;

// The filters of a list arrive from the query string as text. A value the list does not know (a misspelt
// status, a session that is not a number) is ignored and said so on the page, never an error, so an
// edited or outdated address still shows the list.
public sealed class ListFilters
{
    private readonly List<string> _ignored = [];

    public IReadOnlyList<string> Ignored => _ignored;

    // Names only ("HumanRightsCouncil", any case): Enum.TryParse would also take "3" or "-1".
    public TEnum? Choice<TEnum>(string? text, string name) where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var trimmed = text.Trim();
        foreach (var value in Enum.GetValues<TEnum>())
        {
            if (string.Equals(value.ToString(), trimmed, StringComparison.OrdinalIgnoreCase))
                return value;
        }
        Unknown(name, trimmed);
        return null;
    }

    // A record id or a session number: digits only, above zero.
    public int? PositiveNumber(string? text, string name)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var trimmed = text.Trim();
        if (int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0)
            return number;
        Unknown(name, trimmed);
        return null;
    }

    // A checkbox: "true", "on", "yes" or "1" ticks it; "false", "off", "no", "0" or nothing leaves it clear.
    public bool Flag(string? text, string name)
    {
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var trimmed = text.Trim();
        switch (trimmed.ToLowerInvariant())
        {
            case "true" or "1" or "on" or "yes":
                return true;
            case "false" or "0" or "off" or "no":
                return false;
            default:
                Unknown(name, trimmed);
                return false;
        }
    }

    // A value the list knows but will not use here, with the reason.
    public void Ignore(string message) => _ignored.Add(message);

    private void Unknown(string name, string text) => _ignored.Add($"{name} \u201c{Format.Shorten(text)}\u201d");
}

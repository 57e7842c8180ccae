using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Organisations;
using ResolutionTracker.Web.Data;

namespace ResolutionTracker.Web.Resolutions;

// The states the organisations table knows, found by name or short name as an imported text spells them.
// The import's preview, its sponsors and its recorded vote all match names here, so they never disagree.
public sealed class StateNames
{
    private readonly Dictionary<string, Organisation> _byKey;

    private StateNames(Dictionary<string, Organisation> byKey) => _byKey = byKey;

    // Tracked, so that a sponsorship or a vote row can point at the state found.
    public static async Task<StateNames> LoadAsync(AppDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var states = await db.Organisations.Where(o => o.Kind == OrganisationKind.State).ToListAsync(ct);
        var byKey = new Dictionary<string, Organisation>(StringComparer.Ordinal);
        foreach (var state in states)
        {
            byKey.TryAdd(Key(state.Name), state);
            if (state.ShortName is not null)
                byKey.TryAdd(Key(state.ShortName), state);
        }
        return new StateNames(byKey);
    }

    public Organisation? Find(string name) => _byKey.GetValueOrDefault(Key(name));

    // Case, accents, punctuation and spacing do not distinguish two states' names ("Côte d'Ivoire", "Cote d’Ivoire").
    public static string Key(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var decomposed = name.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (char.IsLetterOrDigit(c))
                sb.Append(char.ToLower(c, CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }
}

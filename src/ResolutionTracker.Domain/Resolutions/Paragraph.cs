using System.Globalization;

namespace ResolutionTracker.Domain.Resolutions;

public sealed class Paragraph : EditableEntity
{
    private readonly List<ParagraphSubItem> _subItems = [];

    private Paragraph() { }

    internal Paragraph(ResolutionVersion version, ParagraphKind kind, int number, string? text, TextSource source, Guid stableId)
    {
        Version = version;
        VersionId = version.Id;
        Kind = kind;
        Number = number;
        StableId = stableId;
        SetText(text, source);
    }

    public int VersionId { get; private set; }
    public ResolutionVersion Version { get; private set; } = null!;

    // The same paragraph in every version of a resolution shares this identity, so notes follow it.
    public Guid StableId { get; private set; }
    public ParagraphKind Kind { get; private set; }
    public int Number { get; private set; }
    public int Position { get; internal set; }
    public string Text { get; private set; } = "";
    public TextSource Source { get; private set; }
    public IReadOnlyList<ParagraphSubItem> SubItems => _subItems;

    public string Reference() => Reference(Kind, Number);

    public string Anchor => AnchorFor(Kind, Number);

    public static string Reference(ParagraphKind kind, int number) =>
        kind == ParagraphKind.Preambular ? $"pp.{number}" : $"OP {number}";

    // The paragraph's fragment on every page that shows a resolution's text: "pp3", "op12".
    public static string AnchorFor(ParagraphKind kind, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"{(kind == ParagraphKind.Preambular ? "pp" : "op")}{number}");

    public void SetText(string? text, TextSource source)
    {
        if (source == TextSource.NotImported)
        {
            if (!string.IsNullOrWhiteSpace(text))
                throw new DomainException("A paragraph whose text is not imported holds no text.");
            Text = "";
        }
        else
        {
            Text = Guard.Required(text, Limits.ParagraphText, "Paragraph text");
        }
        Source = source;
    }

    public ParagraphSubItem AddSubItem(string label, string text, int level = 1)
    {
        if (level is < 1 or > 3)
            throw new DomainException("Sub-items nest at most three levels deep.");
        var item = new ParagraphSubItem(this, _subItems.Count + 1, label, text, level);
        _subItems.Add(item);
        return item;
    }
}

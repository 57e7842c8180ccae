namespace ResolutionTracker.Domain.Resolutions;

// A lettered or numbered item inside a paragraph: (a), (b), (i), (ii).
public sealed class ParagraphSubItem : Entity
{
    private ParagraphSubItem() { }

    internal ParagraphSubItem(Paragraph paragraph, int position, string label, string text, int level)
    {
        Paragraph = paragraph;
        ParagraphId = paragraph.Id;
        Position = position;
        Label = Guard.Required(label, 12, "Sub-item label");
        Text = Guard.Required(text, Limits.ParagraphText, "Sub-item text");
        Level = level;
    }

    public int ParagraphId { get; private set; }
    public Paragraph Paragraph { get; private set; } = null!;
    public int Position { get; private set; }
    public string Label { get; private set; } = "";
    public string Text { get; private set; } = "";
    public int Level { get; private set; }
}

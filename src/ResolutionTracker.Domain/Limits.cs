namespace ResolutionTracker.Domain;

// Field lengths shared by the entities' guards, the EF configurations and the input models.
public static class Limits
{
    public const int Symbol = 64;
    public const int Slug = 160;
    public const int Name = 200;
    public const int ShortName = 40;
    public const int Title = 400;
    public const int Heading = 300;
    public const int Summary = 2_000;
    public const int ParagraphText = 20_000;
    public const int Body = 50_000;
    public const int Label = 80;
    public const int Url = 2_000;
    public const int Note = 4_000;
    public const int UserId = 450;
    public const int AgendaItem = 20;
    public const int Meeting = 80;
    public const int Quote = 2_000;
    public const int QuoteContext = 64;
    public const int AuditValue = 8_000;
}

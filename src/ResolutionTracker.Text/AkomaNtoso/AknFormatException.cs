namespace ResolutionTracker.Text.AkomaNtoso;

// Thrown when a file cannot be read as an Akoma Ntoso document at all (not XML, a DOCTYPE, too large, another
// vocabulary). The message is written for the person who uploaded the file; anything less than fatal is a warning.
public sealed class AknFormatException : Exception
{
    public AknFormatException()
    {
    }

    public AknFormatException(string message)
        : base(message)
    {
    }

    public AknFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

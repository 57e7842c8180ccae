namespace ResolutionTracker.Text.AkomaNtoso;

// Thrown by BoundedXmlReader when a file goes past one of its XmlBounds. The message is written for the
// person who uploaded the file.
public sealed class XmlBoundsException : Exception
{
    public XmlBoundsException()
    {
    }

    public XmlBoundsException(string message)
        : base(message)
    {
    }

    public XmlBoundsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

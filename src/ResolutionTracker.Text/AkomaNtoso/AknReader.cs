using System.Text;
using System.Xml;
using System.Xml.Linq;
using ResolutionTracker.Text.Parsing;

namespace ResolutionTracker.Text.AkomaNtoso;

// Reads an Akoma Ntoso 3.0 file as the UN publishes HRC resolutions (the AKN4UN profile) into the same
// ParsedResolution the plain-text parser returns. Only a file that is not Akoma Ntoso at all is refused
// (AknFormatException); anything unexpected inside one is kept as text where possible and named in Warnings.
public static class AknReader
{
    public const string Namespace = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

    // A long resolution is about 200 KB; the limit leaves room for annexes and stops memory exhaustion.
    public const int MaxCharacters = 20 * 1024 * 1024;

    // A resolution nests its elements about 15 deep and has a few thousand of them; the limits leave room
    // for annexes, tables and lists in lists.
    public const int MaxDepth = 100;
    public const int MaxElements = 200_000;

    public static readonly XmlBounds Bounds = new(MaxCharacters, MaxDepth, MaxElements);

    public static ParsedResolution Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = File.OpenRead(path);
        return Read(stream);
    }

    // Stops with OperationCanceledException when the token is cancelled, while the file is parsed and while
    // its tree is read.
    public static ParsedResolution Read(Stream xml, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(xml);
        var document = Load(xml, cancellationToken);
        var root = document.Root ?? throw new AknFormatException("The file has no XML root element.");
        CheckRoot(root);
        return new AknDocumentReader(root, cancellationToken).Read();
    }

    private static XDocument Load(Stream xml, CancellationToken cancellationToken)
    {
        if (xml.CanSeek && xml.Length - xml.Position > MaxCharacters)
            throw TooLarge();

        try
        {
            using var reader = BoundedXmlReader.Create(xml, Bounds, cancellationToken);
            // Whitespace between inline elements separates words ("<span>Recalling</span> <span>its</span>").
            return XDocument.Load(reader, LoadOptions.PreserveWhitespace);
        }
        catch (XmlBoundsException ex)
        {
            throw new AknFormatException($"The file cannot be read as a resolution. {ex.Message}", ex);
        }
        catch (XmlException ex) when (ex.Message.Contains("DTD", StringComparison.Ordinal))
        {
            throw new AknFormatException(
                "The file declares a document type (<!DOCTYPE ...>). Akoma Ntoso files never need one, and it is " +
                "refused because it could make the reader fetch or expand outside content.", ex);
        }
        catch (XmlException ex) when (ex.Message.Contains("MaxCharactersInDocument", StringComparison.Ordinal))
        {
            throw TooLarge(ex);
        }
        catch (XmlException ex) when (ex.Message.Contains("Root element is missing", StringComparison.Ordinal))
        {
            throw new AknFormatException("The file is empty: it holds no XML.", ex);
        }
        catch (XmlException ex)
        {
            throw new AknFormatException(
                $"The file is not well-formed XML (line {ex.LineNumber}, position {ex.LinePosition}): {ex.Message}", ex);
        }
        catch (DecoderFallbackException ex)
        {
            throw new AknFormatException("The file is not text in a known encoding, so it cannot be XML.", ex);
        }
    }

    private static AknFormatException TooLarge(Exception? inner = null)
    {
        var message = $"The file is larger than {MaxCharacters / (1024 * 1024)} MB; an Akoma Ntoso resolution is far smaller.";
        return inner is null ? new AknFormatException(message) : new AknFormatException(message, inner);
    }

    private static void CheckRoot(XElement root)
    {
        if (root.Name.LocalName == "akomaNtoso" && root.Name.NamespaceName == Namespace)
            return;
        var found = root.Name.NamespaceName.Length == 0
            ? $"<{root.Name.LocalName}> in no namespace"
            : $"<{root.Name.LocalName}> in the namespace {root.Name.NamespaceName}";
        throw new AknFormatException(
            $"The file is XML but not an Akoma Ntoso 3.0 document: its root element is {found}, " +
            $"where <akomaNtoso> in the namespace {Namespace} was expected.");
    }
}

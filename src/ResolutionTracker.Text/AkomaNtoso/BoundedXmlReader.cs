using System.Globalization;
using System.Xml;

namespace ResolutionTracker.Text.AkomaNtoso;

// An XmlReader for untrusted files: no DTD (so no entity expansion and no external entities), no resolver (so
// nothing is ever fetched), and the depth, element count and size of XmlBounds checked as each node is read,
// so a hostile file is refused before anything is built from it. It also stops when the token is cancelled.
public sealed class BoundedXmlReader : XmlReader
{
    private readonly XmlReader inner;
    private readonly XmlBounds bounds;
    private readonly CancellationToken cancellationToken;
    private int elements;

    private BoundedXmlReader(XmlReader inner, XmlBounds bounds, CancellationToken cancellationToken)
    {
        this.inner = inner;
        this.bounds = bounds;
        this.cancellationToken = cancellationToken;
    }

    public static XmlReader Create(Stream input, XmlBounds bounds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(bounds);
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = bounds.MaxCharacters,
            MaxCharactersFromEntities = 1024,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = false,
        };
        return new BoundedXmlReader(XmlReader.Create(input, settings), bounds, cancellationToken);
    }

    public override bool Read()
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!inner.Read())
            return false;
        if (inner.NodeType == XmlNodeType.Element)
        {
            if (inner.Depth >= bounds.MaxDepth)
                throw Refused($"Its elements are nested more than {bounds.MaxDepth} levels deep");
            if (++elements > bounds.MaxElements)
                throw Refused($"It has more than {bounds.MaxElements.ToString("N0", CultureInfo.InvariantCulture)} elements");
        }
        return true;
    }

    private XmlBoundsException Refused(string what)
    {
        var at = inner is IXmlLineInfo { } line && line.HasLineInfo()
            ? string.Create(CultureInfo.InvariantCulture, $" (line {line.LineNumber}, position {line.LinePosition})")
            : "";
        return new XmlBoundsException($"{what}{at}, far more than any resolution has; it was not read.");
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            inner.Dispose();
        base.Dispose(disposing);
    }

    public override XmlNodeType NodeType => inner.NodeType;
    public override string LocalName => inner.LocalName;
    public override string NamespaceURI => inner.NamespaceURI;
    public override string Prefix => inner.Prefix;
    public override string Name => inner.Name;
    public override string Value => inner.Value;
    public override bool HasValue => inner.HasValue;
    public override int Depth => inner.Depth;
    public override string BaseURI => inner.BaseURI;
    public override bool IsEmptyElement => inner.IsEmptyElement;
    public override bool IsDefault => inner.IsDefault;
    public override XmlSpace XmlSpace => inner.XmlSpace;
    public override string XmlLang => inner.XmlLang;
    public override int AttributeCount => inner.AttributeCount;
    public override bool EOF => inner.EOF;
    public override ReadState ReadState => inner.ReadState;
    public override XmlNameTable NameTable => inner.NameTable;
    public override string GetAttribute(int i) => inner.GetAttribute(i);
    public override string? GetAttribute(string name) => inner.GetAttribute(name);
    public override string? GetAttribute(string name, string? namespaceURI) => inner.GetAttribute(name, namespaceURI);
    public override void MoveToAttribute(int i) => inner.MoveToAttribute(i);
    public override bool MoveToAttribute(string name) => inner.MoveToAttribute(name);
    public override bool MoveToAttribute(string name, string? ns) => inner.MoveToAttribute(name, ns);
    public override bool MoveToFirstAttribute() => inner.MoveToFirstAttribute();
    public override bool MoveToNextAttribute() => inner.MoveToNextAttribute();
    public override bool MoveToElement() => inner.MoveToElement();
    public override bool ReadAttributeValue() => inner.ReadAttributeValue();
    public override string? LookupNamespace(string prefix) => inner.LookupNamespace(prefix);
    public override void ResolveEntity() => inner.ResolveEntity();
}

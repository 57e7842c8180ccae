namespace ResolutionTracker.Text.AkomaNtoso;

// How much of an uploaded XML file is read before it is refused. Size alone is not enough: building a tree of
// elements nested 100 000 deep costs time that grows with the square of the depth, and every element costs
// memory and work in the readers after it.
public sealed record XmlBounds(long MaxCharacters, int MaxDepth, int MaxElements);

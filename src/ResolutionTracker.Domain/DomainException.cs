namespace ResolutionTracker.Domain;

// Thrown when a call would break one of the domain's rules; pages turn it into a message for the user.
public sealed class DomainException : Exception
{
    public DomainException(string message) : base(message) { }

    public DomainException() { }

    public DomainException(string message, Exception innerException) : base(message, innerException) { }
}

using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ResolutionTracker.Web.Email;

// Sends the invitation link by e-mail when an SMTP server is configured. The link is a credential:
// it is never written to the log, only the user id is.
public sealed partial class InvitationMailer(IOptions<SmtpOptions> options, ILogger<InvitationMailer> logger)
{
    private readonly SmtpOptions _smtp = options.Value;

    public bool IsConfigured => _smtp.IsConfigured;

    // True when the mail was handed to the server; false when nothing is configured or sending failed.
    public async Task<bool> TrySendAsync(string userId, string email, string displayName, Uri link, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (!IsConfigured)
            return false;
        try
        {
            using var message = Compose(email, displayName, link);
            using var client = new SmtpClient();
            var security = !_smtp.UseTls ? SecureSocketOptions.None
                : _smtp.Port == 465 ? SecureSocketOptions.SslOnConnect
                : SecureSocketOptions.StartTls;
            await client.ConnectAsync(_smtp.Host!, _smtp.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(_smtp.User))
                await client.AuthenticateAsync(_smtp.User, _smtp.Password ?? "", cancellationToken);
            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            LogSent(logger, userId);
            return true;
        }
        catch (Exception ex) when (ex is SmtpCommandException or SmtpProtocolException or AuthenticationException
            or System.Net.Sockets.SocketException or IOException or SslHandshakeException or ParseException or OperationCanceledException)
        {
            LogFailed(logger, ex.GetType().Name, userId);
            return false;
        }
    }

    private MimeMessage Compose(string email, string displayName, Uri link)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(string.IsNullOrWhiteSpace(_smtp.From) ? "resolutiontracker@localhost" : _smtp.From));
        message.To.Add(new MailboxAddress(displayName, email));
        message.Subject = "Your ResolutionTracker account";
        var days = (int)InvitationTokenProviderOptions.Lifespan.TotalDays;
        message.Body = new TextPart("plain")
        {
            Text = $"""
                Hello {displayName},

                An administrator has created a ResolutionTracker account for {email}.
                Open this link to choose your password and sign in. It works once and expires in {days} days:

                {link.AbsoluteUri}

                If you did not expect this message, you can ignore it.
                """,
        };
        return message;
    }

    // The exception's type only: its message may quote the server's reply, and the recipient stays out of the log.
    [LoggerMessage(Level = LogLevel.Information, Message = "Invitation mail sent to user {UserId}")]
    private static partial void LogSent(ILogger logger, string userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Invitation mail could not be sent ({ErrorType}) to user {UserId}; the Admin is shown the link instead")]
    private static partial void LogFailed(ILogger logger, string errorType, string userId);
}

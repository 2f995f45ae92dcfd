namespace Samordna.Web.Features.Measurement;

/// <summary>The "Samordna:Smtp" section. Without a host, invitations are exported as a file of links instead.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public bool EnableSsl { get; set; } = true;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "samordna@localhost";

    public bool Configured => !string.IsNullOrWhiteSpace(Host);

    /// <summary>A client for the configured server; survey invitations and structure reminders both send through it.</summary>
    public System.Net.Mail.SmtpClient CreateClient()
    {
        var client = new System.Net.Mail.SmtpClient(Host!, Port) { EnableSsl = EnableSsl };
        if (UserName is not null) client.Credentials = new System.Net.NetworkCredential(UserName, Password);
        return client;
    }
}

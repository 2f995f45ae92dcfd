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
}

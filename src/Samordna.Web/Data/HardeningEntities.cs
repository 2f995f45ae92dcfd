namespace Samordna.Web.Data;

/// <summary>
/// One ASP.NET Core data-protection key (the XML the key manager writes). Kept in the database so that every
/// instance behind a load balancer signs and reads the same sign-in cookies and antiforgery tokens.
/// </summary>
public sealed class DataProtectionKey
{
    public int Id { get; set; }
    public string? FriendlyName { get; set; }
    public string Xml { get; set; } = "";
}

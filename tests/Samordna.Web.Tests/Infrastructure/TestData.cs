using Samordna.Core.Associations;

namespace Samordna.Web.Tests.Infrastructure;

public static class TestData
{
    private static int next = 100;

    /// <summary>A fresh valid organisation number (Luhn check digit), different on every call.</summary>
    public static string OrganisationNumber()
    {
        var body = $"222001{Interlocked.Increment(ref next):D3}";
        return $"{body[..6]}-{body[6..]}{Luhn.CheckDigit(body)}";
    }
}

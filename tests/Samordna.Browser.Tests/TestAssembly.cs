namespace Samordna.Web.Tests.Infrastructure;

/// <summary>This assembly's name, for the xunit discoverer of the linked EnvironmentFactAttribute.</summary>
internal static class TestAssembly
{
    public const string Name = "Samordna.Browser.Tests";
}

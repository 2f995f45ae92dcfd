namespace Samordna.Web.Tests.Infrastructure;

/// <summary>This assembly's name, for the xunit discoverer of EnvironmentFactAttribute (linked into other test projects too).</summary>
internal static class TestAssembly
{
    public const string Name = "Samordna.Web.Tests";
}

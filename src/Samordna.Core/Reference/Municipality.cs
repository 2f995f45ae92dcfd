namespace Samordna.Core.Reference;

/// <summary>A Swedish municipality (kommun) keyed by its four-digit SCB code.</summary>
public sealed record Municipality(string Code, string Name, string ShortName, string CountyCode);

/// <summary>A Swedish county (län) keyed by its two-digit SCB code.</summary>
public sealed record County(string Code, string Name, string ShortName)
{
    /// <summary>The region that governs the county, as parties name it ("Region Gävleborg").</summary>
    public string RegionName => $"Region {ShortName}";
}

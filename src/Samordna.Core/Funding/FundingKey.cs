namespace Samordna.Core.Funding;

/// <summary>How the municipalities' share is divided between them (fördelningsnyckel).</summary>
public enum FundingKeyKind
{
    /// <summary>In proportion to population (the usual key).</summary>
    Population,
    /// <summary>The same amount for every municipality.</summary>
    Equal,
    /// <summary>Agreed percentages that sum to exactly 100.</summary>
    Custom,
}

/// <summary>The inputs of one funding year, as the user enters them.</summary>
/// <param name="Populations">Inhabitants per municipality code (key Population).</param>
/// <param name="Percentages">Percent per municipality code, summing to 100 (key Custom).</param>
public sealed record FundingInput(
    long Total,
    FundingKeyKind Key,
    IReadOnlyDictionary<string, long>? Populations = null,
    IReadOnlyDictionary<string, decimal>? Percentages = null);

/// <summary>The members of an association as the funding rule needs them.</summary>
/// <param name="RegionCountyCodes">County codes of the member regions (usually one; none for e.g. Gotland).</param>
/// <param name="MunicipalityCodes">SCB codes of the member municipalities.</param>
public sealed record FundingMembers(IReadOnlyList<string> RegionCountyCodes, IReadOnlyList<string> MunicipalityCodes);

/// <summary>What one member pays in a year, in whole kronor.</summary>
public sealed record Contribution(string Party, string Kind, string? CountyCode, string? MunicipalityCode, long Amount);

/// <summary>The split of a year's total between the members.</summary>
public sealed record FundingSplitResult(long Total, FundingKeyKind Key, IReadOnlyList<Contribution> Contributions);

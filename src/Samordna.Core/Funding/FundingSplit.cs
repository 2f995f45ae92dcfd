using System.Globalization;
using System.Numerics;
using Samordna.Core.Common;
using Samordna.Core.Reference;

namespace Samordna.Core.Funding;

/// <summary>
/// Splits a year's total between the members as Finsam prescribes (GUIDE §1): the state's half is paid
/// through Försäkringskassan (Arbetsförmedlingen pays nothing itself), the region a quarter, the
/// municipalities together a quarter divided by the key. Where no region is a member (a municipality
/// outside a region, such as Gotland) the municipalities pay the half. Several member regions share the
/// regional quarter equally. Amounts are whole kronor that sum exactly to the total (largest remainder;
/// ties go to FK, AF, regions, then municipalities in SCB code order).
/// </summary>
public static class FundingSplit
{
    public const string Fk = "Försäkringskassan";
    public const string Af = "Arbetsförmedlingen";

    /// <summary>As many decimals as the database keeps, so a stored key sums to 100 exactly as entered.</summary>
    public const int MaxPercentageDecimals = 6;

    public static Result<FundingSplitResult> Compute(FundingMembers members, FundingInput input)
    {
        var errors = new List<FieldError>();
        if (input.Total < 0)
            errors.Add(new("total", "Totalbeloppet kan inte vara negativt. Ange ett belopp i hela kronor, 0 eller mer."));
        if (members.MunicipalityCodes.Count == 0)
            errors.Add(new("municipalities", "Förbundet har inga medlemskommuner. Lägg till kommuner innan budgeten fördelas."));

        var weights = members.MunicipalityCodes.Count > 0 ? MunicipalWeights(members.MunicipalityCodes, input, errors) : null;
        if (errors.Count > 0 || weights is null) return Result<FundingSplitResult>.Fail(errors);

        var regionCount = members.RegionCountyCodes.Count;
        var municipalTier = regionCount > 0 ? new Fraction(1, 4) : new Fraction(1, 2);
        var parties = new List<(Contribution Template, LargestRemainder.Share Share)>
        {
            (new(Fk, "Fk", null, null, 0), new(1, 2, "0")),
            (new(Af, "Af", null, null, 0), new(0, 1, "1")),
        };
        foreach (var county in members.RegionCountyCodes.Order(StringComparer.Ordinal))
        {
            var name = SwedishRegions.FindCounty(county)?.RegionName ?? $"Region {county}";
            parties.Add((new(name, "Region", county, null, 0), new(1, 4 * regionCount, "2" + county)));
        }
        foreach (var (code, weight) in weights.OrderBy(w => w.Key, StringComparer.Ordinal))
        {
            var name = SwedishRegions.FindMunicipality(code)?.Name ?? code;
            var share = municipalTier * weight;
            parties.Add((new(name, "Municipality", SwedishRegions.FindMunicipality(code)?.CountyCode, code, 0),
                new(share.Numerator, share.Denominator, "3" + code)));
        }

        var amounts = LargestRemainder.Apportion(input.Total, parties.Select(p => p.Share).ToList());
        var contributions = parties.Select((p, i) => p.Template with { Amount = amounts[i] }).ToList();
        return Result<FundingSplitResult>.Ok(new FundingSplitResult(input.Total, input.Key, contributions));
    }

    /// <summary>Each member municipality's exact fraction of the municipal share, or errors.</summary>
    private static Dictionary<string, Fraction>? MunicipalWeights(
        IReadOnlyList<string> memberCodes, FundingInput input, List<FieldError> errors)
    {
        switch (input.Key)
        {
            case FundingKeyKind.Equal:
                return memberCodes.Distinct().ToDictionary(c => c, _ => new Fraction(1, memberCodes.Distinct().Count()));

            case FundingKeyKind.Population:
            {
                var values = CheckKeyValues("populations", "folkmängd", memberCodes, input.Populations, errors);
                foreach (var (code, pop) in values.Where(v => v.Value <= 0))
                    errors.Add(new($"populations.{code}", $"Folkmängden för {Describe(code)} måste vara större än noll (angivet: {pop})."));
                if (errors.Count > 0) return null;
                var sum = values.Values.Aggregate(BigInteger.Zero, (s, v) => s + v);
                return values.ToDictionary(v => v.Key, v => new Fraction(v.Value, sum));
            }

            case FundingKeyKind.Custom:
            {
                var values = CheckKeyValues("percentages", "procentsats", memberCodes, input.Percentages, errors);
                foreach (var (code, pct) in values.Where(v => v.Value is < 0 or > 100))
                    errors.Add(new($"percentages.{code}", $"Procentsatsen för {Describe(code)} ska vara mellan 0 och 100 (angivet: {pct})."));
                foreach (var (code, pct) in values.Where(v => v.Value.Scale > MaxPercentageDecimals && decimal.Round(v.Value, MaxPercentageDecimals) != v.Value))
                    errors.Add(new($"percentages.{code}", $"Procentsatsen för {Describe(code)} får ha högst {MaxPercentageDecimals} decimaler (angivet: {pct})."));
                if (errors.Count > 0) return null;
                var sum = values.Values.Sum();
                if (errors.Count == 0 && sum != 100m)
                    errors.Add(new("percentages", $"Procentsatserna summerar till {sum.ToString(CultureInfo.GetCultureInfo("sv-SE"))} %. De ska summera till exakt 100 %."));
                if (errors.Count > 0) return null;
                return values.ToDictionary(v => v.Key, v => Fraction.FromDecimal(v.Value) * new Fraction(1, 100));
            }

            default:
                errors.Add(new("key", "Okänd fördelningsnyckel. Välj population, equal eller custom."));
                return null;
        }
    }

    /// <summary>Every member needs a value, and every value must belong to a known member municipality.</summary>
    private static Dictionary<string, T> CheckKeyValues<T>(
        string field, string what, IReadOnlyList<string> memberCodes, IReadOnlyDictionary<string, T>? given, List<FieldError> errors)
    {
        given ??= new Dictionary<string, T>();
        var members = memberCodes.ToHashSet(StringComparer.Ordinal);
        foreach (var code in given.Keys.Order(StringComparer.Ordinal))
        {
            if (SwedishRegions.FindMunicipality(code) is null)
                errors.Add(new($"{field}.{code}", $"Okänd kommunkod \"{code}\". Ange SCB:s fyrsiffriga kommunkod, till exempel 2180 för Gävle."));
            else if (!members.Contains(code))
                errors.Add(new($"{field}.{code}", $"{Describe(code)} är inte medlem i förbundet och kan inte ha en {what}."));
        }
        foreach (var code in memberCodes.Order(StringComparer.Ordinal).Where(c => !given.ContainsKey(c)))
            errors.Add(new($"{field}.{code}", $"Ange {what} för {Describe(code)}."));
        return given.Where(g => members.Contains(g.Key)).ToDictionary(g => g.Key, g => g.Value);
    }

    private static string Describe(string code) =>
        SwedishRegions.FindMunicipality(code) is { } m ? $"{m.Name} ({code})" : code;
}

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Associations;
using Samordna.Core.Common;
using Samordna.Core.Funding;
using Samordna.Core.Reference;
using Samordna.Web.Data;

namespace Samordna.Web.Features.Associations;

/// <param name="Counties">County codes of the member regions (the area's counties).</param>
/// <param name="Municipalities">SCB codes of the member municipalities.</param>
public sealed record CreateAssociationRequest(
    string? Name, string? OrganisationNumber, string? StartDate, List<string?>? Counties, List<string?>? Municipalities);

/// <summary>Creates an association with its members: FK, AF, the region of each county, and each municipality.</summary>
public sealed class CreateAssociation(SamordnaDb db)
{
    public async Task<Result<Association>> HandleAsync(CreateAssociationRequest request, bool isDemo = false)
    {
        var built = Build(request, isDemo);
        if (!built.IsValid) return built;
        if (await db.Associations.AnyAsync(a => a.OrganisationNumber == built.Value!.OrganisationNumber))
            return Result<Association>.Fail("organisationNumber", $"Det finns redan ett förbund med organisationsnumret {built.Value!.OrganisationNumber}.");
        db.Associations.Add(built.Value!);
        await db.SaveChangesAsync();
        return built;
    }

    /// <summary>Validates every field and reports all problems at once.</summary>
    public static Result<Association> Build(CreateAssociationRequest request, bool isDemo)
    {
        var errors = new List<FieldError>();
        var name = (request.Name ?? "").Trim();
        if (name.Length == 0) errors.Add(new("name", "Ange förbundets namn."));
        else if (name.Length > 200) errors.Add(new("name", "Namnet får vara högst 200 tecken."));

        var orgNumber = OrganisationNumber.Parse(request.OrganisationNumber);
        errors.AddRange(orgNumber.Errors);

        DateOnly startDate = default;
        if (!DateOnly.TryParseExact((request.StartDate ?? "").Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out startDate))
            errors.Add(new("startDate", "Ange startdatum som ÅÅÅÅ-MM-DD, till exempel 2016-01-01."));

        var counties = Codes(request.Counties);
        foreach (var code in counties.Where(c => SwedishRegions.FindCounty(c) is null))
            errors.Add(new($"counties.{code}", $"Okänd länskod \"{code}\". Ange SCB:s tvåsiffriga länskod, till exempel 21 för Gävleborg."));

        var municipalities = Codes(request.Municipalities);
        if (municipalities.Count == 0) errors.Add(new("municipalities", "Välj minst en medlemskommun."));
        foreach (var code in municipalities.Where(c => SwedishRegions.FindMunicipality(c) is null))
            errors.Add(new($"municipalities.{code}", $"Okänd kommunkod \"{code}\". Ange SCB:s fyrsiffriga kommunkod, till exempel 2180 för Gävle."));

        if (errors.Count == 0) errors.AddRange(CheckRegions(counties, municipalities));
        if (errors.Count > 0) return Result<Association>.Fail(errors);

        var association = new Association { Name = name, OrganisationNumber = orgNumber.Value!, StartDate = startDate, IsDemo = isDemo };
        association.Members.Add(new MemberParty { Kind = MemberPartyKind.Fk, Name = FundingSplit.Fk });
        association.Members.Add(new MemberParty { Kind = MemberPartyKind.Af, Name = FundingSplit.Af });
        foreach (var county in counties.Order(StringComparer.Ordinal).Select(c => SwedishRegions.Counties[c]))
            association.Members.Add(new MemberParty { Kind = MemberPartyKind.Region, Name = county.RegionName, CountyCode = county.Code });
        foreach (var m in municipalities.Order(StringComparer.Ordinal).Select(c => SwedishRegions.Municipalities[c]))
            association.Members.Add(new MemberParty { Kind = MemberPartyKind.Municipality, Name = m.Name, CountyCode = m.CountyCode, MunicipalityCode = m.Code });
        return Result<Association>.Ok(association);
    }

    private static List<string> Codes(List<string?>? codes) =>
        (codes ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c!.Trim()).Distinct().ToList();

    /// <summary>
    /// Each municipality pays through its own county's region; only Gotland, a municipality with regional
    /// responsibility, stands outside a region and then pays the half.
    /// </summary>
    private static IEnumerable<FieldError> CheckRegions(List<string> counties, List<string> municipalities)
    {
        foreach (var m in municipalities.Select(c => SwedishRegions.Municipalities[c]))
        {
            if (m.Code == Gotland && counties.Contains(m.CountyCode))
                yield return new("counties", "Gotland är en kommun med regionalt ansvar och har ingen region vid sidan av kommunen. Välj inget län för Gotland.");
            else if (m.Code != Gotland && !counties.Contains(m.CountyCode))
                yield return new("counties", $"{m.Name} ligger i {SwedishRegions.Counties[m.CountyCode].Name}. Välj också det länet, så att {SwedishRegions.Counties[m.CountyCode].RegionName} blir medlem.");
        }
        foreach (var county in counties.Where(c => municipalities.All(m => SwedishRegions.Municipalities[m].CountyCode != c)))
            yield return new("counties", $"{SwedishRegions.Counties[county].RegionName} är vald men ingen av länets kommuner. Välj kommunerna eller ta bort länet.");
    }

    private const string Gotland = "0980";
}

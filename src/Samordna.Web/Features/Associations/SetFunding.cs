using Microsoft.EntityFrameworkCore;
using Samordna.Core.Associations;
using Samordna.Core.Common;
using Samordna.Core.Funding;
using Samordna.Web.Data;
using Samordna.Web.Features.Shared;

namespace Samordna.Web.Features.Associations;

/// <param name="Key">"population", "equal" or "custom".</param>
/// <param name="Revision">The funding year's revision when it was read (0 for a year not yet registered); null skips the check.</param>
public sealed record SetFundingRequest(
    long? Total, string? Key, Dictionary<string, long>? Populations, Dictionary<string, decimal>? Percentages, int? Revision = null);

/// <summary>Saves a funding year (total and key) after the pure split has accepted it; nothing changes on error.</summary>
public sealed class SetFunding(SamordnaDb db)
{
    public const int FirstYear = 2004, LastYear = 2100;

    public async Task<Result<FundingSplitResult>?> HandleAsync(int associationId, int year, SetFundingRequest request)
    {
        var association = await db.Associations.Include(a => a.Members).SingleOrDefaultAsync(a => a.Id == associationId);
        if (association is null) return null;

        var fundingYear = await db.FundingYears.Include(f => f.KeyValues)
            .SingleOrDefaultAsync(f => f.AssociationId == associationId && f.Year == year);
        if (Revisions.IsStale(request.Revision, fundingYear?.Revision ?? 0)) return Revisions.Conflict<FundingSplitResult>(What(year));
        var input = ToInput(year, request, out var errors);
        if (input is null) return Result<FundingSplitResult>.Fail(errors);
        var split = FundingSplit.Compute(MembersOf(association), input);
        if (!split.IsValid) return split;

        if (fundingYear is null)
        {
            fundingYear = new FundingYear { AssociationId = associationId, Year = year };
            db.FundingYears.Add(fundingYear);
        }
        fundingYear.Total = input.Total;
        fundingYear.Key = input.Key;
        fundingYear.UpdatedAt = DateTime.UtcNow;
        fundingYear.KeyValues.Clear();
        foreach (var (code, population) in input.Key == FundingKeyKind.Population ? input.Populations! : new Dictionary<string, long>())
            fundingYear.KeyValues.Add(new FundingKeyValue { MunicipalityCode = code, Population = population });
        foreach (var (code, percentage) in input.Key == FundingKeyKind.Custom ? input.Percentages! : new Dictionary<string, decimal>())
            fundingYear.KeyValues.Add(new FundingKeyValue { MunicipalityCode = code, Percentage = percentage });
        fundingYear.Revision++;
        return await Revisions.TrySaveAsync(db) ? split : Revisions.Conflict<FundingSplitResult>(What(year));
    }

    public static string What(int year) => $"Budgetåret {year}";

    public static FundingMembers MembersOf(Association association) => new(
        association.Members.Where(m => m.Kind == MemberPartyKind.Region).Select(m => m.CountyCode!).ToList(),
        association.Members.Where(m => m.Kind == MemberPartyKind.Municipality).Select(m => m.MunicipalityCode!).ToList());

    public static FundingKeyKind? ParseKey(string? key) => (key ?? "").Trim().ToLowerInvariant() switch
    {
        "population" => FundingKeyKind.Population,
        "equal" => FundingKeyKind.Equal,
        "custom" => FundingKeyKind.Custom,
        _ => null,
    };

    private static FundingInput? ToInput(int year, SetFundingRequest request, out List<FieldError> errors)
    {
        errors = [];
        if (year is < FirstYear or > LastYear)
            errors.Add(new("year", $"Budgetåret ska vara mellan {FirstYear} och {LastYear}."));
        if (request.Total is null)
            errors.Add(new("total", "Ange förbundets totala budget för året i hela kronor."));
        var key = ParseKey(request.Key);
        if (key is null)
            errors.Add(new("key", "Ange fördelningsnyckel: population (efter folkmängd), equal (lika delar) eller custom (egna procentsatser)."));
        if (errors.Count > 0) return null;
        return new FundingInput(request.Total!.Value, key!.Value, request.Populations, request.Percentages);
    }
}

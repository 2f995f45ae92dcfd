using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Core.Associations;
using Samordna.Core.Common;
using Samordna.Core.Reference;
using Samordna.Web.Data;
using Samordna.Web.Features.Access;
using Samordna.Web.Features.Shared;

namespace Samordna.Web.Features.Associations;

/// <summary>
/// Enters a funding year. Numbers arrive as text so that a typing mistake is answered in Swedish, naming the
/// municipality, and everything typed is shown again.
/// </summary>
[RequiresPermission(Permission.ManageAssociation)]
public sealed class FundingEditModel(SamordnaDb db, SetFunding setFunding) : PageModel
{
    public int AssociationId { get; private set; }
    public string AssociationName { get; private set; } = "";
    public int Year { get; private set; }
    public string? Total { get; private set; }
    public string Key { get; private set; } = "population";
    public List<Municipality> Municipalities { get; private set; } = [];
    public Dictionary<string, string> Populations { get; private set; } = [];
    public Dictionary<string, string> Percentages { get; private set; } = [];
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];
    /// <summary>The funding year's revision the form was opened on (0: not registered yet).</summary>
    public int? Revision { get; private set; }
    public RevisionView RevisionView => new(Revision, ErrorFor(Revisions.Field), Request.Path);

    public bool HasError(string field) => Errors.Any(e => e.Field == field);
    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message;

    public async Task<IActionResult> OnGetAsync([FromRoute] int associationId, [FromRoute] int year)
    {
        if (!await LoadAsync(associationId, year)) return NotFound();
        var existing = await db.FundingYears.AsNoTracking().Include(f => f.KeyValues)
            .SingleOrDefaultAsync(f => f.AssociationId == associationId && f.Year == year);
        Revision = existing?.Revision ?? 0;
        if (existing is not null)
        {
            Total = existing.Total.ToString(CultureInfo.InvariantCulture);
            Key = existing.Key.ToString().ToLowerInvariant();
            Populations = existing.KeyValues.Where(v => v.Population != null).ToDictionary(v => v.MunicipalityCode, v => v.Population!.Value.ToString(CultureInfo.InvariantCulture));
            Percentages = existing.KeyValues.Where(v => v.Percentage != null).ToDictionary(v => v.MunicipalityCode, v => v.Percentage!.Value.ToString(CultureInfo.GetCultureInfo("sv-SE")));
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] int associationId, [FromRoute] int year, string? total, string? key,
        Dictionary<string, string>? populations, Dictionary<string, string>? percentages, int? revision)
    {
        Revision = revision;
        if (!await LoadAsync(associationId, year)) return NotFound();
        (Total, Key) = (total, key ?? "");
        Populations = populations ?? [];
        Percentages = percentages ?? [];

        var errors = new List<FieldError>();
        var parsedTotal = NumberInput.ParseWhole(total, "total", "Totalbeloppet", errors);
        var isPopulation = SetFunding.ParseKey(key) == Core.Funding.FundingKeyKind.Population;
        var isCustom = SetFunding.ParseKey(key) == Core.Funding.FundingKeyKind.Custom;
        var popValues = isPopulation ? NumberInput.ParseMany(Populations, "populations", "Folkmängden", NumberInput.ParseWhole, errors) : null;
        var pctValues = isCustom ? NumberInput.ParseMany(Percentages, "percentages", "Procentsatsen", NumberInput.ParseDecimal, errors) : null;

        if (errors.Count == 0)
        {
            var result = await setFunding.HandleAsync(associationId, year, new SetFundingRequest(parsedTotal, key, popValues, pctValues, revision));
            if (result!.IsValid) return Redirect($"/Associations/{associationId}/Funding/{year}");
            errors.AddRange(result.Errors);
        }
        Errors = errors;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(int associationId, int year)
    {
        var association = await db.Associations.AsNoTracking().Include(a => a.Members).SingleOrDefaultAsync(a => a.Id == associationId);
        if (association is null) return false;
        (AssociationId, AssociationName, Year) = (associationId, association.Name, year);
        Municipalities = association.Members.Where(m => m.Kind == MemberPartyKind.Municipality)
            .Select(m => SwedishRegions.Municipalities[m.MunicipalityCode!]).OrderBy(m => m.Name).ToList();
        return true;
    }
}

/// <summary>Parses numbers typed in Swedish or plain form ("9 000 000", "12,5"), collecting Swedish errors.</summary>
public static class NumberInput
{
    public delegate T? Parser<T>(string? text, string field, string what, List<FieldError> errors) where T : struct;

    public static long? ParseWhole(string? text, string field, string what, List<FieldError> errors)
    {
        var cleaned = Clean(text);
        if (cleaned.Length == 0) { errors.Add(new(field, $"{what} saknas. Ange ett heltal.")); return null; }
        if (long.TryParse(cleaned, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return value;
        errors.Add(new(field, $"{what} \"{text}\" är inte ett heltal. Ange bara siffror, till exempel 9000000."));
        return null;
    }

    public static decimal? ParseDecimal(string? text, string field, string what, List<FieldError> errors)
    {
        var cleaned = Clean(text).Replace(',', '.');
        if (cleaned.Length == 0) { errors.Add(new(field, $"{what} saknas. Ange ett tal.")); return null; }
        if (decimal.TryParse(cleaned, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)) return value;
        errors.Add(new(field, $"{what} \"{text}\" är inte ett tal. Ange till exempel 12,5."));
        return null;
    }

    /// <summary>Parses one value per municipality; blank rows are left out so the rule can name what is missing.</summary>
    public static Dictionary<string, T> ParseMany<T>(Dictionary<string, string> texts, string field, string what, Parser<T> parse, List<FieldError> errors)
        where T : struct
    {
        var values = new Dictionary<string, T>();
        foreach (var (code, text) in texts.Where(t => !string.IsNullOrWhiteSpace(t.Value)))
        {
            var name = SwedishRegions.FindMunicipality(code)?.ShortName ?? code;
            if (parse(text, $"{field}.{code}", $"{what} för {name}", errors) is { } v) values[code] = v;
        }
        return values;
    }

    private static string Clean(string? text) => (text ?? "").Trim().Replace(" ", "").Replace("\u00a0", "").Replace("\u202f", "");
}

using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Common;
using Samordna.Web.Data;

namespace Samordna.Web.Features.Measurement;

/// <param name="Source">the attribute the groups are made of, e.g. "municipality".</param>
/// <param name="Groups">group value → the source values in it, e.g. "Norra Hälsingland" → Hudiksvall, Nordanstig, Ljusdal.</param>
public sealed record UnitGroupingRequest(string? Source, Dictionary<string, List<string>>? Groups);

/// <summary>Defines and reads an association's groupings of unit values (county parts and the like).</summary>
public sealed partial class UnitGroupings(SamordnaDb db)
{
    public async Task<IReadOnlyList<FieldError>> SetAsync(int associationId, string attribute, UnitGroupingRequest request)
    {
        var errors = new List<FieldError>();
        attribute = attribute.Trim().ToLowerInvariant();
        var source = (request.Source ?? "").Trim().ToLowerInvariant();
        if (!Name().IsMatch(attribute)) errors.Add(new("attribute", "Grupperingens namn ska bestå av små bokstäver, siffror eller _, till exempel county_part."));
        if (!Name().IsMatch(source)) errors.Add(new("source", "Ange vilken enhet grupperna består av, till exempel municipality."));
        if (source == attribute) errors.Add(new("source", "En gruppering kan inte bestå av sig själv."));
        var pairs = (request.Groups ?? []).SelectMany(g => (g.Value ?? []).Where(v => v is not null).Select(v => (Value: g.Key.Trim(), Source: v.Trim()))).ToList();
        if (pairs.Any(p => p.Value.Length > 200 || p.Source.Length > 200)) errors.Add(new("groups", "Grupper och värden får vara högst 200 tecken."));
        if (pairs.Count == 0) errors.Add(new("groups", "Ange minst en grupp med sina värden."));
        foreach (var twice in pairs.GroupBy(p => p.Source, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            errors.Add(new($"groups.{twice.Key}", $"{twice.Key} finns i flera grupper ({string.Join(", ", twice.Select(p => p.Value))}); ett värde kan bara höra till en grupp."));
        foreach (var blank in pairs.Where(p => p.Value.Length == 0 || p.Source.Length == 0).Take(1))
            errors.Add(new("groups", "Grupper och värden får inte vara tomma."));
        if (errors.Count > 0) return errors;

        // Replaced as a whole in one transaction: a failed save leaves the grouping that was there.
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.UnitGroupings.Where(g => g.AssociationId == associationId && g.Attribute == attribute).ExecuteDeleteAsync();
        db.UnitGroupings.AddRange(pairs.Select(p => new UnitGrouping { AssociationId = associationId, Attribute = attribute, SourceAttribute = source, SourceValue = p.Source, Value = p.Value }));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return [];
    }

    /// <summary>The grouping for an attribute, as source attribute and a source value → group map; null when none.</summary>
    public async Task<(string Source, IReadOnlyDictionary<string, string> Map)?> FindAsync(int associationId, string attribute)
    {
        var rows = await db.UnitGroupings.AsNoTracking().Where(g => g.AssociationId == associationId && g.Attribute == attribute).ToListAsync();
        return rows.Count == 0 ? null : (rows[0].SourceAttribute, rows.ToDictionary(r => r.SourceValue, r => r.Value, StringComparer.OrdinalIgnoreCase));
    }

    [GeneratedRegex("^[a-z0-9_]{1,50}$")]
    private static partial Regex Name();
}

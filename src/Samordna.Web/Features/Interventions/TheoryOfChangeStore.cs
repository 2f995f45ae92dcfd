using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Common;
using Samordna.Core.Interventions;
using Samordna.Web.Data;
using Samordna.Web.Features.Measurement;

namespace Samordna.Web.Features.Interventions;

/// <summary>Saves each theory of change as a new, never-changed version and reads them back.</summary>
public sealed class TheoryOfChangeStore(SamordnaDb db, InstrumentBank bank, AuditActor actor)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public const string BasedOnField = "basedOn";

    public sealed record Saved(int Version, DateTime CreatedAt, string CreatedBy, TheoryOfChange Content);

    /// <param name="basedOn">The version the editor started from (0 for none); when given, a newer version saved
    /// meanwhile is reported instead of being silently followed by one that ignores it.</param>
    public async Task<Result<Saved>?> SaveAsync(int interventionId, TheoryOfChange toc, int? basedOn = null)
    {
        if (!await db.Interventions.AnyAsync(i => i.Id == interventionId)) return null;
        if (basedOn is { } started && await db.TheoryOfChangeVersions.Where(v => v.InterventionId == interventionId).MaxAsync(v => (int?)v.Version) is { } latest
            && latest != started)
            return Result<Saved>.Fail(BasedOnField, $"Någon annan sparade version {latest} av förändringsteorin efter att du öppnade formuläret. " +
                "Ingenting sparades: öppna formuläret igen, se vad som ändrats och gör om din ändring.");
        var clean = toc.Normalised();
        var numbered = clean with { Outcomes = TheoryOfChangeRules.Number(clean.Outcomes), ReviewDates = clean.ReviewDates.Order().ToList() };
        var items = (await bank.ListAsync()).SelectMany(i => i.Items.Select(item => (i.Code, item.Code))).ToHashSet();
        var errors = TheoryOfChangeRules.Validate(numbered, (instrument, item) => items.Contains((instrument, item)));
        if (errors.Count > 0) return Result<Saved>.Fail(errors);

        var version = (await db.TheoryOfChangeVersions.Where(v => v.InterventionId == interventionId).MaxAsync(v => (int?)v.Version) ?? 0) + 1;
        var row = new TheoryOfChangeVersion
        {
            InterventionId = interventionId, Version = version, Content = JsonSerializer.Serialize(numbered, Json), CreatedBy = actor.Name,
        };
        db.TheoryOfChangeVersions.Add(row);
        await db.SaveChangesAsync();
        return Result<Saved>.Ok(new Saved(version, row.CreatedAt, row.CreatedBy, numbered));
    }

    public async Task<Saved?> LatestAsync(int interventionId, int? version = null)
    {
        var query = db.TheoryOfChangeVersions.AsNoTracking().Where(v => v.InterventionId == interventionId);
        if (version is not null) query = query.Where(v => v.Version == version);
        var row = await query.OrderByDescending(v => v.Version).FirstOrDefaultAsync();
        return row is null ? null : new Saved(row.Version, row.CreatedAt, row.CreatedBy, JsonSerializer.Deserialize<TheoryOfChange>(row.Content, Json)!);
    }

    public async Task<List<(int Version, DateTime CreatedAt, string CreatedBy)>> VersionsAsync(int interventionId) =>
        (await db.TheoryOfChangeVersions.AsNoTracking().Where(v => v.InterventionId == interventionId).OrderByDescending(v => v.Version)
            .Select(v => new { v.Version, v.CreatedAt, v.CreatedBy }).ToListAsync())
        .Select(v => (v.Version, v.CreatedAt, v.CreatedBy)).ToList();
}

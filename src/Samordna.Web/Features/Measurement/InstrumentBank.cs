using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Common;
using Samordna.Core.Measurement;
using Samordna.Web.Data;

namespace Samordna.Web.Features.Measurement;

/// <summary>
/// The installation's item bank. A round refers to the exact stored definition it was made with, so later
/// versions never change what an old round asked. Built-in instruments are stored on first use.
/// </summary>
public sealed class InstrumentBank(SamordnaDb db)
{
    // Keyed by the definition text: ids differ between databases, the text says exactly what was asked.
    private static readonly ConcurrentDictionary<string, Instrument> Parsed = new();

    /// <summary>The stored row for an instrument code: the newest stored version, or the built-in one stored now.</summary>
    public async Task<SurveyInstrument?> FindOrStoreAsync(string code)
    {
        var stored = await db.SurveyInstruments.Where(i => i.Code == code).OrderByDescending(i => i.Version).FirstOrDefaultAsync();
        if (stored is not null) return stored;
        if (BuiltInInstruments.Find(code) is not { } builtIn) return null;
        stored = new SurveyInstrument { Code = builtIn.Code, Version = builtIn.Version, Title = builtIn.Title, Definition = BuiltInInstruments.Json(code) };
        db.SurveyInstruments.Add(stored);
        await db.SaveChangesAsync();
        return stored;
    }

    /// <summary>
    /// Adds an instrument version from its definition file (e.g. an official national instrument, verbatim).
    /// A code already in the bank needs a higher version, and every item code and version it shares with a
    /// stored version must read exactly as before (the lock).
    /// </summary>
    public async Task<Result<SurveyInstrument>> ImportAsync(string json)
    {
        var parsed = InstrumentFile.Parse(json);
        if (!parsed.IsValid) return Result<SurveyInstrument>.Fail(parsed.Errors);
        var instrument = parsed.Value!;
        if (BuiltInInstruments.Find(instrument.Code) is { } builtIn) await FindOrStoreAsync(builtIn.Code);
        var stored = await db.SurveyInstruments.Where(i => i.Code == instrument.Code).ToListAsync();
        if (stored.Count > 0 && instrument.Version <= stored.Max(s => s.Version))
            return Result<SurveyInstrument>.Fail("version", $"Instrumentet {instrument.Code} finns redan i version {stored.Max(s => s.Version)}. En ny definition behöver ett högre versionsnummer.");
        var locked = stored.SelectMany(s => InstrumentFile.CheckLocked(Definition(s), instrument)).DistinctBy(e => e.Field).ToList();
        if (locked.Count > 0) return Result<SurveyInstrument>.Fail(locked);

        var row = new SurveyInstrument { Code = instrument.Code, Version = instrument.Version, Title = instrument.Title, Definition = json };
        db.SurveyInstruments.Add(row);
        await db.SaveChangesAsync();
        return Result<SurveyInstrument>.Ok(row);
    }

    /// <summary>The newest version of every instrument: stored ones, and built-in ones not yet stored.</summary>
    public async Task<List<Instrument>> ListAsync()
    {
        var stored = (await db.SurveyInstruments.AsNoTracking().ToListAsync())
            .GroupBy(i => i.Code).Select(g => Definition(g.MaxBy(i => i.Version)!)).ToList();
        return stored.Concat(BuiltInInstruments.All.Values.Where(b => stored.All(s => s.Code != b.Code))).OrderBy(i => i.Title).ToList();
    }

    /// <summary>The newest definition file of a code, or null.</summary>
    public async Task<string?> DefinitionFileAsync(string code) =>
        await db.SurveyInstruments.Where(i => i.Code == code).OrderByDescending(i => i.Version).Select(i => i.Definition).FirstOrDefaultAsync()
        ?? (BuiltInInstruments.Find(code) is null ? null : BuiltInInstruments.Json(code));

    /// <summary>The parsed definition of a stored row.</summary>
    public static Instrument Definition(SurveyInstrument row) =>
        Parsed.GetOrAdd(row.Definition, definition => InstrumentFile.Parse(definition).Value
            ?? throw new InvalidOperationException($"Instrumentet {row.Code} version {row.Version} i databasen kan inte läsas."));
}

using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
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

    /// <summary>The parsed definition of a stored row.</summary>
    public static Instrument Definition(SurveyInstrument row) =>
        Parsed.GetOrAdd(row.Definition, definition => InstrumentFile.Parse(definition).Value
            ?? throw new InvalidOperationException($"Instrumentet {row.Code} version {row.Version} i databasen kan inte läsas."));
}

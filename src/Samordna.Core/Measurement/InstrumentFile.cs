using System.Text.Json;
using System.Text.Json.Serialization;
using Samordna.Core.Common;

namespace Samordna.Core.Measurement;

/// <summary>
/// Reads and writes the instrument definition format (docs/instrument-format.md). The built-in instruments
/// are shipped in this format, and an association can load an official instrument from a file verbatim.
/// </summary>
public static class InstrumentFile
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private sealed record StepJson(string Code, string Label, double? Value);
    private sealed record CollapseJson(string Label, List<string> Steps);
    private sealed record ScaleJson(string Code, string Title, List<StepJson> Steps, List<StepJson>? NonSubstantive, List<CollapseJson>? Collapsing);
    private sealed record ItemJson(string Code, int? Version, ItemKind? Kind, string Wording, string? Stem, string Scale, string? Help, string? Block, List<string>? EndsSurveyOn);
    private sealed record InstrumentJson(string Code, int Version, string Title, string Provenance, List<string>? RespondentKinds, List<ScaleJson>? Scales, List<ItemJson> Items);

    public static Result<Instrument> Parse(string json)
    {
        InstrumentJson? file;
        try
        {
            file = JsonSerializer.Deserialize<InstrumentJson>(json, Options);
        }
        catch (JsonException e)
        {
            return Result<Instrument>.Fail(e.Path is { Length: > 1 } ? e.Path.TrimStart('$', '.') : "fil",
                $"Filen är inte en giltig instrumentdefinition (JSON){(e.LineNumber is { } line ? $" på rad {line + 1}" : "")}: kontrollera fältet {e.Path}.");
        }
        if (file is null) return Result<Instrument>.Fail("fil", "Filen är tom.");
        if ((file.Scales ?? []).Any(s => s is null) || (file.Items ?? []).Any(i => i is null)
            || (file.Scales ?? []).Any(s => (s.Steps ?? []).Concat(s.NonSubstantive ?? []).Any(x => x is null)))
            return Result<Instrument>.Fail("fil", "Filen har tomma poster (null) bland skalor, steg eller frågor.");

        var errors = new List<FieldError>();
        Require(errors, "code", file.Code);
        Require(errors, "title", file.Title);
        Require(errors, "provenance", file.Provenance);
        if (file.Version < 1) errors.Add(new("version", "Versionen ska vara ett heltal från 1."));

        var scales = new List<Scale>();
        foreach (var (s, i) in (file.Scales ?? []).Select((s, i) => (s, i)))
        {
            var steps = s.Steps ?? [];
            Require(errors, $"scales[{i}].code", s.Code);
            Require(errors, $"scales[{i}].title", s.Title);
            if (steps.Count < 2) errors.Add(new($"scales[{i}].steps", $"Skalan {s.Code} behöver minst två steg."));
            if (steps.Concat(s.NonSubstantive ?? []).GroupBy(x => x.Code, StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1))
                errors.Add(new($"scales[{i}]", $"Skalan {s.Code} har två svarsalternativ med samma kod."));
            if (steps.Concat(s.NonSubstantive ?? []).Any(x => string.IsNullOrWhiteSpace(x.Code) || string.IsNullOrWhiteSpace(x.Label)))
                errors.Add(new($"scales[{i}].steps", $"Skalan {s.Code} har ett svarsalternativ utan kod eller etikett."));
            foreach (var (c, j) in (s.Collapsing ?? []).Select((c, j) => (c, j)))
                if (c is null || string.IsNullOrWhiteSpace(c.Label) || c.Steps is not { Count: > 0 } || c.Steps.Any(code => steps.All(x => x.Code != code)))
                    errors.Add(new($"scales[{i}].collapsing[{j}]", $"Skalan {s.Code} har en sammanslagning utan etikett, eller med steg som inte finns på skalan."));
            scales.Add(new Scale(s.Code, s.Title, steps.Select(x => new ScaleStep(x.Code, x.Label, x.Value)).ToList(),
                (s.NonSubstantive ?? []).Select(x => new ScaleStep(x.Code, x.Label, x.Value)).ToList(),
                s.Collapsing?.Select(c => new CollapsedCategory(c?.Label ?? "", c?.Steps ?? [])).ToList()));
        }
        // A file may use the built-in scales by code without repeating them.
        foreach (var item in file.Items ?? [])
            if (scales.All(s => s.Code != item.Scale) && Measurement.Scales.Find(item.Scale) is { } builtIn)
                scales.Add(builtIn);

        var items = new List<Item>();
        foreach (var (it, i) in (file.Items ?? []).Select((it, i) => (it, i)))
        {
            Require(errors, $"items[{i}].code", it.Code);
            Require(errors, $"items[{i}].wording", it.Wording);
            Require(errors, $"items[{i}].scale", it.Scale);
            var scale = scales.FirstOrDefault(s => s.Code == it.Scale);
            if (scale is null) { errors.Add(new($"items[{i}].scale", $"Frågan {it.Code} använder skalan \"{it.Scale}\" som inte finns i filen eller bland de inbyggda skalorna.")); continue; }
            foreach (var end in it.EndsSurveyOn ?? [])
                if (scale.Read(end).Kind == AnswerKind.Invalid)
                    errors.Add(new($"items[{i}].endsSurveyOn", $"Frågan {it.Code} avslutar enkäten på \"{end}\", som inte finns på skalan: {scale.Describe()}."));
            items.Add(new Item(it.Code, it.Version ?? 1, it.Kind ?? ItemKind.Single, it.Wording, it.Stem, it.Scale, it.Help, it.Block ?? "main", it.EndsSurveyOn ?? []));
        }
        if (items.Count == 0 && errors.Count == 0) errors.Add(new("items", "Instrumentet har inga frågor."));
        foreach (var duplicate in items.GroupBy(x => x.Code, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            errors.Add(new("items", $"Frågekoden {duplicate.Key} förekommer flera gånger."));

        return errors.Count > 0
            ? Result<Instrument>.Fail(errors)
            : Result<Instrument>.Ok(new Instrument(file.Code, file.Version, file.Title, file.Provenance, file.RespondentKinds ?? [], scales, items));
    }

    public static string Write(Instrument instrument) => JsonSerializer.Serialize(new InstrumentJson(
        instrument.Code, instrument.Version, instrument.Title, instrument.Provenance, instrument.RespondentKinds.ToList(),
        instrument.Scales.Select(s => new ScaleJson(s.Code, s.Title,
            s.Steps.Select(x => new StepJson(x.Code, x.Label, x.Value)).ToList(),
            s.NonSubstantive.Select(x => new StepJson(x.Code, x.Label, x.Value)).ToList(),
            s.Collapsing?.Select(c => new CollapseJson(c.Label, c.StepCodes.ToList())).ToList())).ToList(),
        instrument.Items.Select(i => new ItemJson(i.Code, i.Version, i.Kind, i.Wording, i.Stem, i.Scale, i.Help, i.Block, i.EndsSurveyOn.Count > 0 ? i.EndsSurveyOn.ToList() : null)).ToList()), Options);

    /// <summary>
    /// The item bank's lock: a new version of an instrument may add items and new item versions, but an item
    /// code and version already in the bank must read exactly as before.
    /// </summary>
    public static IReadOnlyList<FieldError> CheckLocked(Instrument existing, Instrument proposed)
    {
        var errors = new List<FieldError>();
        foreach (var item in proposed.Items)
        {
            var old = existing.Items.FirstOrDefault(i => i.Code == item.Code && i.Version == item.Version);
            if (old is not null && old.Fingerprint(existing.ScaleOf(old)) != item.Fingerprint(proposed.ScaleOf(item)))
                errors.Add(new($"items.{item.Code}", $"Frågan {item.Code} version {item.Version} är låst och får inte ändras. Ge den ändrade formuleringen version {item.Version + 1}; den jämförs då inte med tidigare mätningar."));
        }
        return errors;
    }

    private static void Require(List<FieldError> errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) errors.Add(new(field, $"Fältet {field} saknas eller är tomt."));
    }
}

using System.Reflection;

namespace Samordna.Core.Measurement;

/// <summary>The instruments of the seed reports, shipped as definition files inside the assembly.</summary>
public static class BuiltInInstruments
{
    public static readonly string[] Codes = ["gavleborg-2016-mysam", "gavleborg-2016-staff", "spindeln", "partner-matrix", "preconditions"];

    private static readonly Lazy<IReadOnlyDictionary<string, Instrument>> Loaded = new(() => Codes.ToDictionary(c => c, Load));

    public static IReadOnlyDictionary<string, Instrument> All => Loaded.Value;

    public static Instrument? Find(string code) => All.GetValueOrDefault(code);

    public static string Json(string code)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"instrument:{code}")
            ?? throw new InvalidOperationException($"Det inbyggda instrumentet {code} saknas i programmet.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static Instrument Load(string code)
    {
        var parsed = InstrumentFile.Parse(Json(code));
        return parsed.IsValid
            ? parsed.Value!
            : throw new InvalidOperationException($"Det inbyggda instrumentet {code} är felaktigt: {string.Join(" ", parsed.Errors.Select(e => $"{e.Field}: {e.Message}"))}");
    }
}

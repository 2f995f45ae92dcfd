using System.Reflection;

namespace Samordna.Core.Reference;

/// <summary>
/// The SCB municipality and county codes, shipped inside the assembly so the application
/// needs no file beside it. One source of truth for every page, import and rule.
/// </summary>
public static class SwedishRegions
{
    private static readonly Lazy<IReadOnlyDictionary<string, Municipality>> LazyMunicipalities = new(LoadMunicipalities);
    private static readonly Lazy<IReadOnlyDictionary<string, County>> LazyCounties = new(LoadCounties);

    public static IReadOnlyDictionary<string, Municipality> Municipalities => LazyMunicipalities.Value;
    public static IReadOnlyDictionary<string, County> Counties => LazyCounties.Value;

    public static Municipality? FindMunicipality(string? code) =>
        code is not null && Municipalities.TryGetValue(code.Trim(), out var m) ? m : null;

    public static County? FindCounty(string? code) =>
        code is not null && Counties.TryGetValue(code.Trim(), out var c) ? c : null;

    private static IReadOnlyDictionary<string, Municipality> LoadMunicipalities() =>
        ReadCsv("municipalities.csv")
            .Select(f => new Municipality(f[0], f[1], f[2], f[3]))
            .ToDictionary(m => m.Code, StringComparer.Ordinal);

    private static IReadOnlyDictionary<string, County> LoadCounties() =>
        ReadCsv("counties.csv")
            .Select(f => new County(f[0], f[1], f[2]))
            .ToDictionary(c => c.Code, StringComparer.Ordinal);

    // The files are plain comma-separated with a header and no quoted fields.
    private static IEnumerable<string[]> ReadCsv(string resource)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Referensdata saknas i programmet: {resource}");
        using var reader = new StreamReader(stream);
        var rows = new List<string[]>();
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0) rows.Add(line.Split(','));
        }
        return rows;
    }
}

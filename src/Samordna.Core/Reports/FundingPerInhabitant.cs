using System.Globalization;
using Samordna.Core.Import;
using Samordna.Core.Reference;

namespace Samordna.Core.Reports;

/// <summary>One municipality's population on 31 December of a year, as SCB publishes it.</summary>
public sealed record PopulationRow(string MunicipalityCode, int Year, long Population);

public sealed record InhabitantFigure(string Name, decimal Money, long Population, decimal PerInhabitant, bool BelowBenchmark);

public sealed record FundingPerInhabitantResult(int Year, decimal Benchmark, InhabitantFigure Association, IReadOnlyList<InhabitantFigure> Municipalities);

/// <summary>
/// Money per inhabitant: the association's whole budget per inhabitant of its area, and each municipality's own
/// contribution per inhabitant, against a benchmark the association sets (seed 003: 200 kr per inhabitant, where
/// Huddinge had 70 kr).
/// </summary>
public static class FundingPerInhabitant
{
    public const decimal SeedBenchmark = 200m;

    /// <param name="total">the association's budget (contributions) for the year.</param>
    /// <param name="municipalContributions">municipality code → its contribution that year.</param>
    public static FundingPerInhabitantResult? Compute(int year, decimal total, IReadOnlyDictionary<string, decimal> municipalContributions,
        IEnumerable<PopulationRow> populations, decimal benchmark)
    {
        var people = populations.Where(p => p.Year == year).ToDictionary(p => p.MunicipalityCode, p => p.Population);
        if (municipalContributions.Keys.Any(code => !people.ContainsKey(code)) || municipalContributions.Count == 0) return null;
        var area = municipalContributions.Keys.Sum(code => people[code]);
        InhabitantFigure Figure(string name, decimal money, long population)
        {
            var per = population > 0 ? decimal.Round(money / population, 2) : 0;
            return new(name, money, population, per, per < benchmark);
        }
        return new FundingPerInhabitantResult(year, benchmark, Figure("Förbundet", total, area),
            municipalContributions.OrderBy(c => c.Key)
                .Select(c => Figure(SwedishRegions.FindMunicipality(c.Key)?.Name ?? c.Key, c.Value, people[c.Key])).ToList());
    }

    private static Municipality? ByName(string text) => SwedishRegions.Municipalities.Values.FirstOrDefault(m =>
        string.Equals(m.Name, text, StringComparison.OrdinalIgnoreCase) || string.Equals(m.ShortName, text, StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads "kommunkod;år;folkmängd" (or kommun;år;folkmängd with names), all or nothing, with row-named errors.</summary>
    public static (IReadOnlyList<PopulationRow> Rows, IReadOnlyList<ImportError> Errors) ReadPopulation(string fileName, byte[] bytes)
    {
        var (table, readErrors) = ImportTable.Read(fileName, bytes);
        if (table is null) return ([], readErrors);
        var errors = new List<ImportError>();
        int Column(string name) => table.Header.Select((h, i) => (h.Trim().ToLowerInvariant(), i)).FirstOrDefault(x => x.Item1 == name, ("", -1)).Item2;
        var (code, year, population) = (Column("kommunkod"), Column("år"), Column("folkmängd"));
        if (code < 0) code = Column("kommun");
        foreach (var (name, index) in new[] { ("kommunkod", code), ("år", year), ("folkmängd", population) })
            if (index < 0) errors.Add(new(1, name, $"Kolumnen {name} saknas. Rubrikraden ska vara kommunkod;år;folkmängd."));
        if (errors.Count > 0) return ([], errors);

        var rows = new List<PopulationRow>();
        var seen = new HashSet<(string, int)>();
        foreach (var (row, fields) in table.Rows)
        {
            string Field(int i) => i < fields.Length ? fields[i].Trim() : "";
            var municipality = SwedishRegions.FindMunicipality(Field(code)) ?? ByName(Field(code));
            if (municipality is null) { errors.Add(new(row, "kommunkod", $"\"{Field(code)}\" är ingen kommun. Ange fyrsiffrig kommunkod, t.ex. 0180, eller kommunens namn.")); continue; }
            if (!int.TryParse(Field(year), NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y is < 1968 or > 2100)
            { errors.Add(new(row, "år", $"\"{Field(year)}\" är inget år. Ange till exempel 2019.")); continue; }
            var digits = Field(population).Replace(" ", "").Replace("\u00a0", "");
            if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var p) || p <= 0)
            { errors.Add(new(row, "folkmängd", $"\"{Field(population)}\" är ingen folkmängd. Ange ett heltal större än noll.")); continue; }
            if (!seen.Add((municipality.Code, y))) { errors.Add(new(row, "kommunkod", $"{municipality.Name} {y} finns redan på en tidigare rad.")); continue; }
            rows.Add(new(municipality.Code, y, p));
        }
        return errors.Count > 0 ? ([], errors) : (rows, []);
    }
}

using System.Text;
using Samordna.Core.Reports;

namespace Samordna.Core.Tests;

public sealed class FundingPerInhabitantTests
{
    private static byte[] Csv(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public void Population_reads_codes_or_names_and_numbers_with_spaces()
    {
        var (rows, errors) = FundingPerInhabitant.ReadPopulation("folk.csv", Csv("kommunkod;år;folkmängd\n0180;2019;974 073\nHuddinge;2019;112 000\n"));
        Assert.Empty(errors);
        Assert.Equal([("0180", 974_073L), ("0126", 112_000L)], rows.Select(r => (r.MunicipalityCode, r.Population)));
    }

    [Fact]
    public void A_bad_population_file_imports_nothing_and_names_rows_and_columns()
    {
        var (rows, errors) = FundingPerInhabitant.ReadPopulation("folk.csv", Csv("kommunkod;år;folkmängd\n0180;2019;974073\n9999;2019;10\n0180;tjugo;5\n0126;2019;-3\n0180;2019;1\n"));
        Assert.Empty(rows);
        Assert.Equal([(3, "kommunkod"), (4, "år"), (5, "folkmängd"), (6, "kommunkod")], errors.Select(e => (e.Row, e.Column)));
        var (_, header) = FundingPerInhabitant.ReadPopulation("folk.csv", Csv("kod;år\n0180;2019\n"));
        Assert.Equal(["kommunkod", "folkmängd"], header.Select(e => e.Column));
    }

    [Fact]
    public void Money_per_inhabitant_for_the_area_and_for_each_municipality_against_the_benchmark()
    {
        PopulationRow[] people = [new("0126", 2008, 95_000), new("0181", 2008, 85_000)];
        var contributions = new Dictionary<string, decimal> { ["0126"] = 6_650_000m / 4, ["0181"] = 7_000_000m };
        var result = FundingPerInhabitant.Compute(2008, 6_650_000m + 28_000_000m, contributions, people, FundingPerInhabitant.SeedBenchmark)!;
        Assert.Equal(192.50m, result.Association.PerInhabitant);        // 34 650 000 / 180 000
        Assert.True(result.Association.BelowBenchmark);
        var huddinge = result.Municipalities.Single(m => m.Name.StartsWith("Huddinge"));
        Assert.Equal(17.50m, huddinge.PerInhabitant);                   // 1 662 500 / 95 000
        Assert.Null(FundingPerInhabitant.Compute(2009, 1m, contributions, people, 200m));  // no population for 2009
    }
}

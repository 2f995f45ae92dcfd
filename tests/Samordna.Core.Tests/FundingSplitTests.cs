using Samordna.Core.Funding;

namespace Samordna.Core.Tests;

public class FundingSplitTests
{
    private static readonly FundingMembers Gavleborg = new(["21"],
        ["2101", "2104", "2121", "2132", "2161", "2180", "2181", "2182", "2183", "2184"]);

    private static long Amount(FundingSplitResult r, string party) => r.Contributions.Single(c => c.Party == party).Amount;
    private static long Municipality(FundingSplitResult r, string code) => r.Contributions.Single(c => c.MunicipalityCode == code).Amount;

    [Fact]
    public void State_pays_half_through_FK_region_a_quarter_and_municipalities_a_quarter()
    {
        var split = FundingSplit.Compute(Gavleborg, new FundingInput(9_000_000, FundingKeyKind.Equal)).Value!;

        Assert.Equal(4_500_000, Amount(split, "Försäkringskassan"));
        Assert.Equal(0, Amount(split, "Arbetsförmedlingen"));
        Assert.Equal(2_250_000, Amount(split, "Region Gävleborg"));
        // 2,250,000 / 10 municipalities = 225,000 each, exactly.
        Assert.All(Gavleborg.MunicipalityCodes, code => Assert.Equal(225_000, Municipality(split, code)));
        Assert.Equal(9_000_000, split.Contributions.Sum(c => c.Amount));
    }

    [Fact]
    public void Population_key_matches_a_hand_calculation()
    {
        // Two municipalities of 30,000 and 10,000: the municipal quarter of 1,000,000 is 250,000,
        // split 3:1 into 187,500 and 62,500.
        var members = new FundingMembers(["21"], ["2180", "2101"]);
        var input = new FundingInput(1_000_000, FundingKeyKind.Population,
            Populations: new Dictionary<string, long> { ["2180"] = 30_000, ["2101"] = 10_000 });

        var split = FundingSplit.Compute(members, input).Value!;

        Assert.Equal(500_000, Amount(split, "Försäkringskassan"));
        Assert.Equal(250_000, Amount(split, "Region Gävleborg"));
        Assert.Equal(187_500, Municipality(split, "2180"));
        Assert.Equal(62_500, Municipality(split, "2101"));
    }

    [Fact]
    public void Rounding_gives_leftover_kronor_to_the_largest_remainders()
    {
        // Total 1,000,003 with three equal municipalities: FK 500,001.5, region 250,000.75,
        // each municipality 83,333.5833…; floors sum to 1,000,000, so 3 kronor go to the three
        // largest remainders: 0.75 (region), then the municipalities' 0.5833… (three of them, ties by code)
        // beat FK's 0.5.
        var members = new FundingMembers(["21"], ["2104", "2101", "2121"]);
        var split = FundingSplit.Compute(members, new FundingInput(1_000_003, FundingKeyKind.Equal)).Value!;

        Assert.Equal(500_001, Amount(split, "Försäkringskassan"));
        Assert.Equal(250_001, Amount(split, "Region Gävleborg"));
        Assert.Equal(83_334, Municipality(split, "2101"));
        Assert.Equal(83_334, Municipality(split, "2104"));
        Assert.Equal(83_333, Municipality(split, "2121"));
        Assert.Equal(1_000_003, split.Contributions.Sum(c => c.Amount));
    }

    [Fact]
    public void Equal_remainders_are_broken_by_SCB_code()
    {
        // 10 kronor, one region, four equal municipalities: FK 5, region 2.5, each municipality 0.625.
        // Floors sum to 7, so 3 kronor go to the largest remainders: the four municipalities tie at .625
        // (above the region's .5), and the three lowest SCB codes win.
        var members = new FundingMembers(["21"], ["2184", "2101", "2180", "2132"]);
        var split = FundingSplit.Compute(members, new FundingInput(10, FundingKeyKind.Equal)).Value!;

        Assert.Equal(5, Amount(split, "Försäkringskassan"));
        Assert.Equal(2, Amount(split, "Region Gävleborg"));
        Assert.Equal(1, Municipality(split, "2101"));
        Assert.Equal(1, Municipality(split, "2132"));
        Assert.Equal(1, Municipality(split, "2180"));
        Assert.Equal(0, Municipality(split, "2184"));
    }

    [Fact]
    public void A_municipality_outside_a_region_pays_half()
    {
        // Gotland: no region member, so the municipality pays the half the region and municipalities otherwise share.
        var members = new FundingMembers([], ["0980"]);
        var split = FundingSplit.Compute(members, new FundingInput(2_000_000, FundingKeyKind.Equal)).Value!;

        Assert.Equal(1_000_000, Amount(split, "Försäkringskassan"));
        Assert.Equal(1_000_000, Municipality(split, "0980"));
        Assert.DoesNotContain(split.Contributions, c => c.Kind == "Region");
    }

    [Fact]
    public void Custom_percentages_split_the_municipal_quarter()
    {
        var members = new FundingMembers(["21"], ["2180", "2181"]);
        var input = new FundingInput(4_000_000, FundingKeyKind.Custom,
            Percentages: new Dictionary<string, decimal> { ["2180"] = 62.5m, ["2181"] = 37.5m });

        var split = FundingSplit.Compute(members, input).Value!;

        Assert.Equal(625_000, Municipality(split, "2180"));
        Assert.Equal(375_000, Municipality(split, "2181"));
    }

    [Fact]
    public void Custom_key_that_does_not_sum_to_100_is_refused_with_the_sum()
    {
        var members = new FundingMembers(["21"], ["2180", "2181"]);
        var input = new FundingInput(4_000_000, FundingKeyKind.Custom,
            Percentages: new Dictionary<string, decimal> { ["2180"] = 60m, ["2181"] = 30.5m });

        var result = FundingSplit.Compute(members, input);

        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors);
        Assert.Equal("percentages", error.Field);
        Assert.Contains("90,5", error.Message);
        Assert.Contains("100", error.Message);
    }

    [Fact]
    public void Unknown_and_foreign_municipality_codes_and_missing_values_are_named()
    {
        var members = new FundingMembers(["21"], ["2180", "2181"]);
        var input = new FundingInput(1_000, FundingKeyKind.Population,
            Populations: new Dictionary<string, long> { ["2180"] = 100, ["9999"] = 5, ["0180"] = 7 });

        var errors = FundingSplit.Compute(members, input).Errors;

        Assert.Contains(errors, e => e.Field == "populations.9999" && e.Message.Contains("Okänd kommunkod"));
        Assert.Contains(errors, e => e.Field == "populations.0180" && e.Message.Contains("Stockholm") && e.Message.Contains("inte medlem"));
        Assert.Contains(errors, e => e.Field == "populations.2181" && e.Message.Contains("Sandviken"));
    }

    [Fact]
    public void Negative_total_and_zero_population_are_refused()
    {
        var members = new FundingMembers(["21"], ["2180"]);
        var input = new FundingInput(-1, FundingKeyKind.Population, Populations: new Dictionary<string, long> { ["2180"] = 0 });

        var errors = FundingSplit.Compute(members, input).Errors;

        Assert.Contains(errors, e => e.Field == "total" && e.Message.Contains("negativt"));
        Assert.Contains(errors, e => e.Field == "populations.2180" && e.Message.Contains("större än noll"));
    }

    [Fact]
    public void Amounts_always_sum_exactly_to_the_total_and_stay_within_one_krona_of_the_exact_share()
    {
        // Property: for any total and any populations, the sum is exact and no party is off by a krona or more.
        var random = new Random(20261122);
        var codes = Gavleborg.MunicipalityCodes;
        for (var run = 0; run < 2_000; run++)
        {
            var total = random.NextInt64(0, 50_000_000_000);
            var populations = codes.ToDictionary(c => c, _ => (long)random.Next(1, 1_000_000));
            var split = FundingSplit.Compute(Gavleborg, new FundingInput(total, FundingKeyKind.Population, populations)).Value!;

            Assert.Equal(total, split.Contributions.Sum(c => c.Amount));
            var sumPop = (decimal)populations.Values.Sum();
            foreach (var c in split.Contributions.Where(c => c.MunicipalityCode is not null))
            {
                var exact = total / 4m * populations[c.MunicipalityCode!] / sumPop;
                Assert.True(Math.Abs(c.Amount - exact) < 1m, $"run {run}: {c.Party} got {c.Amount}, exact {exact}");
            }
            Assert.True(Math.Abs(Amount(split, "Försäkringskassan") - total / 2m) < 1m);
        }
    }
}

using Samordna.Core.Reports;

namespace Samordna.Core.Tests;

/// <summary>Every expected number below is worked out by hand (or with a calculator) from the formula in the comment.</summary>
public sealed class SocioEconomicCalculationTests
{
    private static SocioEconomicInput Sodertalje(int horizon = 1, decimal rate = 0m) => new(
        Participants: 197, SuccessRate: 0.35m, BaselineRate: 0.06m, CostPerPersonYear: [new(Payer.Municipality, 500_000m, 0m)],
        HorizonYears: horizon, DiscountRate: rate, Persistence: 1m, InterventionCost: 6_000_000m);

    [Fact]
    public void One_year_undiscounted_is_net_successes_times_the_cost_of_a_person_year()
    {
        var result = SocioEconomicCalculation.Calculate(Sodertalje());
        Assert.Equal(57.13m, result.NetSuccesses);                 // 197 × (0.35 − 0.06)
        Assert.Equal(28_565_000m, result.PresentValueTotal);       // 57.13 × 500 000
        Assert.Equal(22_565_000m, result.NetOfCost);               // − 6 MSEK, seed 003's yearly cost
        Assert.Equal(4.76m, result.ReturnPerKrona);                // 28 565 000 / 6 000 000
        Assert.Equal(0.1209m, result.BreakEvenSuccessRate);        // 0.06 + 6 000 000 / (500 000 × 197)
    }

    [Fact]
    public void Discounting_over_three_years_at_three_and_a_half_percent()
    {
        Assert.Equal(2.801637m, decimal.Round(SocioEconomicCalculation.PresentValueFactor(3, 0.035m, 1m), 6)); // 1/1.035 + 1/1.035² + 1/1.035³
        var input = new SocioEconomicInput(100, 0.16m, 0.06m, [new(Payer.State, 437_500m, 0m)], 3, 0.035m, 1m, 0m);
        Assert.Equal(12_257_162m, SocioEconomicCalculation.Calculate(input).PresentValueTotal);               // 10 × 437 500 × 2.8016370
        Assert.Null(SocioEconomicCalculation.Calculate(input).ReturnPerKrona);
    }

    [Fact]
    public void Persistence_halves_the_effect_each_year() =>
        Assert.Equal(1.75m, SocioEconomicCalculation.PresentValueFactor(3, 0m, 0.5m)); // 1 + 0.5 + 0.25

    [Fact]
    public void Payers_and_real_versus_financial_are_kept_apart()
    {
        var input = Sodertalje() with { CostPerPersonYear = SocioEconomicCalculation.Defaults.CostSplit(500_000m) };
        var result = SocioEconomicCalculation.Calculate(input);
        var state = result.PresentValueByPayer.Single(p => p.Payer == Payer.State);
        Assert.Equal(7_141_250m, state.Financial);                  // 57.13 × 125 000
        Assert.Equal(result.PresentValueTotal, result.PresentValueFinancial + result.PresentValueReal);
        Assert.Equal(14_282_500m, result.PresentValueReal);        // half of 28 565 000
        Assert.Equal(28_565_000m, result.PresentValueTotal);
    }

    [Fact]
    public void No_effect_when_success_does_not_beat_the_baseline()
    {
        var result = SocioEconomicCalculation.Calculate(Sodertalje() with { SuccessRate = 0.05m });
        Assert.Equal(0m, result.NetSuccesses);
        Assert.Equal(-6_000_000m, result.NetOfCost);
    }

    [Fact]
    public void The_sensitivity_table_moves_one_parameter_at_a_time()
    {
        var input = Sodertalje(horizon: 5, rate: 0.035m);
        var rows = SocioEconomicCalculation.Sensitivity(input);
        var baseResult = SocioEconomicCalculation.Calculate(input);
        Assert.Equal(baseResult.NetOfCost, rows.Single(r => r.Parameter == "Andel som lyckas" && r.Value == "35 %").NetOfCost);
        var bySuccess = rows.Where(r => r.Parameter == "Andel som lyckas").Select(r => r.NetOfCost).ToList();
        Assert.Equal(bySuccess.Order(), bySuccess);
        Assert.Equal(decimal.Round(28_565_000m / 1.035m, 0) - 6_000_000m, rows.Single(r => r.Parameter == "Tidshorisont" && r.Value == "1 år").NetOfCost);
        Assert.Equal(28_565_000m * 5 - 6_000_000m, rows.Single(r => r.Parameter == "Kalkylränta" && r.Value == "0 %").NetOfCost);
    }

    [Fact]
    public void Bad_parameters_are_named()
    {
        var errors = SocioEconomicCalculation.Validate(new(-1, 1.2m, -0.1m, [new(Payer.State, -1, 0), new(Payer.State, 1, 1)], 0, 0.5m, 2m, -5));
        Assert.Equal(["participants", "successRate", "baselineRate", "horizonYears", "discountRate", "persistence", "interventionCost", "costPerPersonYear", "costPerPersonYear"],
            errors.Select(e => e.Field));
    }
}

using Samordna.Core.Common;
using Samordna.Core.Interventions;

namespace Samordna.Core.Tests;

public sealed class InterventionBudgetTests
{
    private static BudgetYearFigures Year(int year, decimal budget, decimal? outcome, int? planned = 40, int? actual = null, decimal esf = 0) =>
        new(year, planned, actual,
        [
            new(BudgetLineKind.InterventionCost, null, budget, outcome),
            new(BudgetLineKind.EsfCost, null, esf, esf == 0 ? null : esf),
        ]);

    [Fact]
    public void Utilisation_and_cost_per_participant_use_every_line()
    {
        var figures = Year(2019, 1_000_000, 850_000, actual: 50, esf: 200_000);
        Assert.Equal(1_200_000m, figures.Budget);
        Assert.Equal(1_050_000m, figures.Outcome);
        Assert.Equal(0.875m, figures.Utilisation);
        Assert.Equal(21_000m, figures.CostPerParticipant);
        Assert.Equal(1_000_000m, figures.AssociationBudget);
        Assert.Equal(850_000m, figures.AssociationOutcome);
    }

    [Fact]
    public void Cost_per_participant_over_years_uses_only_years_with_both_outcome_and_participants()
    {
        BudgetYearFigures[] years = [Year(2018, 1_000_000, 900_000, actual: 30), Year(2019, 1_000_000, 1_000_000, actual: null), Year(2020, 1_000_000, 600_000, actual: 20)];
        Assert.Equal(30_000m, BudgetRules.CostPerParticipant(years)); // (900 000 + 600 000) / 50, not 2 500 000 / 50
        Assert.Null(BudgetRules.CostPerParticipant([Year(2019, 1_000_000, 1_000_000)]));
    }

    [Fact]
    public void Without_outcome_or_participants_there_is_nothing_to_divide()
    {
        var figures = Year(2019, 1_000_000, null);
        Assert.Null(figures.Outcome);
        Assert.Null(figures.Utilisation);
        Assert.Null(figures.CostPerParticipant);
        Assert.Null((figures with { ActualParticipants = 0 }).CostPerParticipant);
    }

    [Theory]
    [InlineData(2020, 6, 1, 790_000, "bara 79 %")]
    [InlineData(2020, 6, 1, 1_100_000, "överstiger")]
    [InlineData(2019, 10, 1, 400_000, "Risk för underutnyttjande")]
    public void Under_use_and_overspending_are_flagged(int y, int m, int d, int outcome, string expected)
    {
        var warnings = BudgetRules.Warnings(Year(2019, 1_000_000, outcome), new DateOnly(y, m, d));
        Assert.Contains(warnings, w => w.Contains(expected));
    }

    [Theory]
    [InlineData(2020, 1, 10, 800_000)]
    [InlineData(2019, 3, 1, 0)]
    [InlineData(2019, 10, 1, 600_000)]
    [InlineData(2018, 12, 1, 0)]
    public void Normal_use_gives_no_warning(int y, int m, int d, int outcome) =>
        Assert.Empty(BudgetRules.Warnings(Year(2019, 1_000_000, outcome, planned: null), new DateOnly(y, m, d)));

    [Fact]
    public void A_finished_year_without_outcome_or_with_few_participants_is_flagged()
    {
        Assert.Contains("utfall saknas", Assert.Single(BudgetRules.Warnings(Year(2019, 1_000_000, null), new DateOnly(2020, 2, 1))));
        Assert.Contains("20 deltagare av 40", BudgetRules.Warnings(Year(2019, 1_000_000, 950_000, actual: 20), new DateOnly(2020, 2, 1)).Single());
    }

    [Fact]
    public void Bad_lines_are_named_by_row()
    {
        var figures = new BudgetYearFigures(2019, -1, null,
        [
            new(BudgetLineKind.InterventionCost, null, -5, null),
            new(BudgetLineKind.Other, " ", 10, -1),
            new(BudgetLineKind.InterventionCost, null, 10, null),
        ]);
        var errors = BudgetRules.Validate(figures);
        Assert.Equal(["plannedParticipants", "lines[0].budget", "lines[1].outcome", "lines[1].label", "lines[2].kind"], errors.Select(e => e.Field));
        Assert.StartsWith("Rad 3", errors[^1].Message);
    }

    [Fact]
    public void The_association_budget_is_the_interventions_own_money_plus_administration()
    {
        BudgetYearFigures[] years = [Year(2019, 3_000_000, 2_500_000, esf: 1_000_000), Year(2019, 2_000_000, null), Year(2018, 9_999_999, null)];
        var summary = AssociationBudgetSummary.For(2019, years, administration: 1_500_000, administrationOutcome: 1_400_000, contributions: 7_000_000);
        Assert.Equal(5_000_000m, summary.InterventionBudget);
        Assert.Equal(2_500_000m, summary.InterventionOutcome);
        Assert.Equal(6_500_000m, summary.Total);
        Assert.Equal(3_900_000m, summary.TotalOutcome);
        Assert.Equal(500_000m, summary.Unallocated);
    }

    [Fact]
    public void Administration_needs_a_budget_and_no_negative_amounts()
    {
        Assert.Empty(BudgetRules.ValidateAdministration(1_500_000, null));
        Assert.Empty(BudgetRules.ValidateAdministration(0, 0));
        Assert.Equal(["administrationBudget"], BudgetRules.ValidateAdministration(null, 10).Select(e => e.Field));
        Assert.Equal(["administrationBudget", "administrationOutcome"], BudgetRules.ValidateAdministration(-1, -1).Select(e => e.Field));
    }

    [Theory]
    [InlineData("1 234 567", 1_234_567)]
    [InlineData("1234567,50", 1_234_567.50)]
    [InlineData("300\u00a0000 kr", 300_000)]
    [InlineData("-5", -5)]
    public void Amounts_parse_as_swedes_write_them(string text, decimal expected)
    {
        Assert.True(Amount.TryParse(text, out var amount));
        Assert.Equal(expected, amount);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1.234.567")]
    [InlineData("12,345")]
    [InlineData("tusen")]
    public void Amounts_that_are_not_amounts_are_refused(string text) => Assert.False(Amount.TryParse(text, out _));

    [Fact]
    public void Amounts_are_formatted_with_swedish_thousands() =>
        Assert.Equal("1\u00a0234\u00a0567 kr", Amount.Format(1_234_567m));
}

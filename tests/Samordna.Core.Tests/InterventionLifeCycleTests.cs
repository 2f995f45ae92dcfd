using Samordna.Core.Interventions;

namespace Samordna.Core.Tests;

public sealed class InterventionLifeCycleTests
{
    private static readonly DateOnly Today = new(2019, 6, 1);

    private static InterventionFacts Complete(InterventionStatus status, DateOnly? plannedEnd = null, bool plan = true) =>
        new(status, new DateOnly(2018, 1, 1), plannedEnd, HasOwner: true, HasTargetGroup: true, GoalCount: 1, BudgetYearCount: 1, HasImplementationPlan: plan);

    private static TransitionRequest Board(InterventionStatus to) => new(to, new DateOnly(2019, 5, 1), "Styrelsen", "Styrelsen 2019-05-01 § 7");

    [Fact]
    public void The_whole_path_from_idea_to_implemented_is_allowed()
    {
        InterventionStatus[] path = [InterventionStatus.Idea, InterventionStatus.Application, InterventionStatus.PreStudy, InterventionStatus.Decided,
            InterventionStatus.Running, InterventionStatus.Ended, InterventionStatus.Implemented];
        for (var i = 0; i + 1 < path.Length; i++)
            Assert.True(LifeCycle.Check(Complete(path[i]), Board(path[i + 1]), Today).IsValid, $"{path[i]} → {path[i + 1]}");
    }

    [Theory]
    [InlineData(InterventionStatus.Idea, InterventionStatus.Running)]
    [InlineData(InterventionStatus.Application, InterventionStatus.Ended)]
    [InlineData(InterventionStatus.Running, InterventionStatus.Decided)]
    [InlineData(InterventionStatus.Implemented, InterventionStatus.Running)]
    [InlineData(InterventionStatus.Rejected, InterventionStatus.Application)]
    public void Moves_outside_the_life_cycle_are_refused_with_the_allowed_ones_named(InterventionStatus from, InterventionStatus to)
    {
        var result = LifeCycle.Check(Complete(from), Board(to), Today);
        var error = Assert.Single(result.Errors);
        Assert.Equal("to", error.Field);
        Assert.Contains(InterventionStatusNames.Swedish(from), error.Message);
    }

    [Fact]
    public void Board_decisions_need_a_minutes_reference_and_nobody_decides_in_the_future()
    {
        var result = LifeCycle.Check(Complete(InterventionStatus.Application), new(InterventionStatus.Decided, Today.AddDays(1), " ", null), Today);
        Assert.Equal(["decidedOn", "decidedBy", "minutesReference"], result.Errors.Select(e => e.Field));
        Assert.True(LifeCycle.Check(Complete(InterventionStatus.Decided), new(InterventionStatus.Running, Today, "Projektledaren", null), Today).IsValid);
    }

    [Fact]
    public void The_board_decides_only_on_a_complete_application_and_is_warned_about_a_missing_plan()
    {
        var incomplete = new InterventionFacts(InterventionStatus.Application, null, null, HasOwner: false, HasTargetGroup: false, GoalCount: 0, BudgetYearCount: 0, HasImplementationPlan: false);
        var refused = LifeCycle.Check(incomplete, Board(InterventionStatus.Decided), Today);
        Assert.Contains("ägare, målgrupp, minst ett mål, budget för minst ett år", Assert.Single(refused.Errors).Message);

        var decided = LifeCycle.Check(Complete(InterventionStatus.Application, plan: false), Board(InterventionStatus.Decided), Today);
        Assert.True(decided.IsValid);
        Assert.Contains("implementeringsplan", Assert.Single(decided.Value!.Warnings));
    }

    [Fact]
    public void Ending_early_needs_a_reason_and_sets_the_actual_end()
    {
        var facts = Complete(InterventionStatus.Running, plannedEnd: new DateOnly(2020, 12, 31));
        var refused = LifeCycle.Check(facts, new(InterventionStatus.Ended, Today, "Styrgruppen", null), Today);
        Assert.Equal("endReason", Assert.Single(refused.Errors).Field);
        var ended = LifeCycle.Check(facts, new(InterventionStatus.Ended, Today, "Styrgruppen", null, EndReason: "Ägaren drog sig ur"), Today);
        Assert.Equal(Today, ended.Value!.ActualEndDate);
        Assert.Equal(new DateOnly(2018, 1, 1), ended.Value.StartDate);
    }

    [Fact]
    public void Decisions_are_registered_in_order_and_nothing_ends_before_it_started()
    {
        var facts = Complete(InterventionStatus.Running) with { LastDecisionOn = new DateOnly(2019, 5, 10) };
        var early = LifeCycle.Check(facts, new(InterventionStatus.Ended, new DateOnly(2019, 5, 1), "Styrgruppen", null), Today);
        Assert.Contains(early.Errors, e => e.Field == "decidedOn" && e.Message.Contains("förra beslutet"));
        var beforeStart = LifeCycle.Check(Complete(InterventionStatus.Running) with { StartDate = new DateOnly(2019, 6, 1) },
            new(InterventionStatus.Ended, new DateOnly(2019, 5, 1), "Styrgruppen", null), Today);
        Assert.Contains(beforeStart.Errors, e => e.Message.Contains("före sin start"));
    }

    [Fact]
    public void Starting_without_a_start_date_starts_on_the_decision_date()
    {
        var facts = Complete(InterventionStatus.Decided) with { StartDate = null };
        Assert.Equal(new DateOnly(2019, 5, 1), LifeCycle.Check(facts, Board(InterventionStatus.Running), Today).Value!.StartDate);
    }

    [Fact]
    public void Stopping_says_whether_money_is_repaid_and_taking_over_names_the_party()
    {
        var stop = LifeCycle.Check(Complete(InterventionStatus.Running), Board(InterventionStatus.Stopped), Today);
        Assert.Equal("moneyRepaid", Assert.Single(stop.Errors).Field);
        var inconsistent = LifeCycle.Check(Complete(InterventionStatus.Running), Board(InterventionStatus.Stopped) with { MoneyRepaid = false, RepaidAmount = 1000 }, Today);
        Assert.Equal("repaidAmount", Assert.Single(inconsistent.Errors).Field);
        Assert.True(LifeCycle.Check(Complete(InterventionStatus.Running), Board(InterventionStatus.Stopped) with { MoneyRepaid = true, RepaidAmount = 250_000 }, Today).IsValid);

        var takeOver = LifeCycle.Check(Complete(InterventionStatus.Ended), Board(InterventionStatus.TakenOver), Today);
        Assert.Equal("takenOverBy", Assert.Single(takeOver.Errors).Field);
    }

    [Theory]
    [InlineData(InterventionStatus.Idea, false)]
    [InlineData(InterventionStatus.Application, false)]
    [InlineData(InterventionStatus.PreStudy, false)]
    [InlineData(InterventionStatus.Rejected, false)]
    [InlineData(InterventionStatus.Decided, true)]
    [InlineData(InterventionStatus.Running, true)]
    [InlineData(InterventionStatus.Stopped, true)]
    [InlineData(InterventionStatus.Implemented, true)]
    public void Kind_and_measurement_method_are_fixed_from_the_decision_on(InterventionStatus status, bool locked) =>
        Assert.Equal(locked, LifeCycle.FixedFieldsLocked(status));

    [Fact]
    public void Statuses_parse_from_swedish_and_code_names()
    {
        Assert.Equal(InterventionStatus.TakenOver, InterventionStatusNames.Parse("övertagen av part"));
        Assert.Equal(InterventionStatus.PreStudy, InterventionStatusNames.Parse("PreStudy"));
        Assert.Null(InterventionStatusNames.Parse("klar"));
    }
}

public sealed class InterventionFieldRulesTests
{
    private static readonly InterventionContext Context = new(new HashSet<string> { "1214", "1270" });

    [Fact]
    public void A_plain_individual_intervention_is_accepted_with_swedish_or_code_names()
    {
        var result = InterventionFieldRules.Check(new("Arena för arbete", "individinriktad", "PersonalData", MunicipalityCodes: ["1270"]), Context);
        Assert.True(result.IsValid);
        Assert.Equal(InterventionKind.IndividualFocused, result.Value!.Kind);
    }

    [Fact]
    public void Kind_and_method_must_agree()
    {
        var structural = InterventionFieldRules.Check(new("Samverkansresurs", "Structural", "CountsOnly"), Context);
        Assert.Equal("measurementMethod", Assert.Single(structural.Errors).Field);
        var individual = InterventionFieldRules.Check(new("Arena", "IndividualFocused", "None"), Context);
        Assert.Equal("measurementMethod", Assert.Single(individual.Errors).Field);
    }

    [Fact]
    public void After_the_decision_kind_and_method_cannot_change()
    {
        var decided = Context with { CurrentStatus = InterventionStatus.Running, CurrentKind = InterventionKind.IndividualFocused, CurrentMethod = MeasurementMethod.PersonalData };
        var changed = InterventionFieldRules.Check(new("Arena", "IndividualFocused", "Anonymous"), decided);
        Assert.Contains("låstes", Assert.Single(changed.Errors).Message);
        Assert.True(InterventionFieldRules.Check(new("Arena", "IndividualFocused", "PersonalData"), decided).IsValid);
        var beforeDecision = decided with { CurrentStatus = InterventionStatus.Application };
        Assert.True(InterventionFieldRules.Check(new("Arena", "IndividualFocused", "Anonymous"), beforeDecision).IsValid);
    }

    [Fact]
    public void Every_bad_field_is_named()
    {
        var result = InterventionFieldRules.Check(new(" ", "båda", null, TargetAgeFrom: 30, TargetAgeTo: 18, MunicipalityCodes: ["0180"],
            StartDate: new DateOnly(2019, 1, 1), PlannedEndDate: new DateOnly(2018, 1, 1), Perspectives: [new("Målgruppen", "")]), Context);
        Assert.Equal(["name", "kind", "measurementMethod", "targetAgeTo", "plannedEndDate", "municipalityCodes", "perspectives[0]"], result.Errors.Select(e => e.Field));
        Assert.Contains("1214, 1270", result.Errors.Single(e => e.Field == "municipalityCodes").Message);
    }
}

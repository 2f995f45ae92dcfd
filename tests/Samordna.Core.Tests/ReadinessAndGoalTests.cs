using Samordna.Core.Interventions;

namespace Samordna.Core.Tests;

public sealed class ReadinessAndGoalTests
{
    private static readonly DateOnly Today = new(2020, 3, 1);

    [Fact]
    public void Seed_002s_situation_no_plan_and_no_receiver_shows_two_of_five()
    {
        var checks = Readiness.Assess(new ReadinessFacts(false, true, false, true, []), Today);
        Assert.Equal("2 av 5", Readiness.Score(checks));
        Assert.Equal("Inga milstolpar", checks.Single(c => c.Name == "Milstolpar i tid").Detail);
    }

    [Fact]
    public void An_overdue_milestone_fails_the_check_and_a_late_finished_one_does_not()
    {
        var overdue = Readiness.Assess(new ReadinessFacts(true, true, true, true, [new(new(2020, 1, 1), null), new(new(2020, 6, 1), null)]), Today);
        Assert.Equal("1 av 2 försenade", overdue.Single(c => c.Name == "Milstolpar i tid").Detail);
        Assert.Equal("4 av 5", Readiness.Score(overdue));
        var late = Readiness.Assess(new ReadinessFacts(true, true, true, true, [new(new(2020, 1, 1), new(2020, 2, 1))]), Today);
        Assert.Equal("5 av 5", Readiness.Score(late));
    }

    [Theory]
    [InlineData(35, GoalDirection.AtLeast, 40, 2020, GoalStatus.Met)]
    [InlineData(35, GoalDirection.AtLeast, 30, 2021, GoalStatus.NotYetMet)]
    [InlineData(35, GoalDirection.AtLeast, 30, 2019, GoalStatus.NotMet)]
    [InlineData(10, GoalDirection.AtMost, 8, 2019, GoalStatus.Met)]
    public void Goals_compare_result_with_target_and_date(decimal target, GoalDirection direction, decimal result, int targetYear, GoalStatus expected)
    {
        var goal = new InterventionGoalFigures("I arbete eller studier efter insatsen", target, GoalUnit.Percent, direction, new DateOnly(targetYear, 12, 31), result, Today);
        Assert.Equal(expected, GoalRules.StatusOf(goal, Today));
        Assert.Equal(GoalStatus.NoResultYet, GoalRules.StatusOf(goal with { Result = null }, Today));
    }

    [Fact]
    public void Bad_goals_are_named_by_row()
    {
        var errors = GoalRules.Validate([
            new("", 120, GoalUnit.Percent, GoalDirection.AtLeast, Today, 20, null),
        ]);
        Assert.Equal(["goals[0].description", "goals[0].target", "goals[0].resultDate"], errors.Select(e => e.Field));
    }
}

using Samordna.Core.Common;

namespace Samordna.Core.Interventions;

public enum GoalUnit { Percent, Count, Kronor }
public enum GoalDirection { AtLeast, AtMost }
public enum GoalStatus { NoResultYet, Met, NotMet, NotYetMet }

/// <summary>A time-bound numeric target, e.g. "35 % i arbete eller studier efter insatsen" by 2020-12-31.</summary>
public sealed record InterventionGoalFigures(string Description, decimal Target, GoalUnit Unit, GoalDirection Direction, DateOnly TargetDate, decimal? Result, DateOnly? ResultDate);

public static class GoalRules
{
    public static IReadOnlyList<FieldError> Validate(IReadOnlyList<InterventionGoalFigures> goals)
    {
        var errors = new List<FieldError>();
        for (var i = 0; i < goals.Count; i++)
        {
            var g = goals[i];
            var row = $"Mål {i + 1}";
            if (string.IsNullOrWhiteSpace(g.Description)) errors.Add(new($"goals[{i}].description", $"{row}: beskriv målet."));
            if (g.Unit == GoalUnit.Percent && g.Target is < 0 or > 100) errors.Add(new($"goals[{i}].target", $"{row}: målvärdet {g.Target} ska vara 0–100 %."));
            if (g.Unit == GoalUnit.Percent && g.Result is < 0 or > 100) errors.Add(new($"goals[{i}].result", $"{row}: resultatet {g.Result} ska vara 0–100 %."));
            if (g.Unit != GoalUnit.Percent && g.Target < 0) errors.Add(new($"goals[{i}].target", $"{row}: målvärdet kan inte vara negativt."));
            if (g.Result is not null && g.ResultDate is null) errors.Add(new($"goals[{i}].resultDate", $"{row}: ange vilket datum resultatet gäller."));
        }
        return errors;
    }

    public static GoalStatus StatusOf(InterventionGoalFigures goal, DateOnly today)
    {
        if (goal.Result is not { } result) return GoalStatus.NoResultYet;
        var met = goal.Direction == GoalDirection.AtLeast ? result >= goal.Target : result <= goal.Target;
        if (met) return GoalStatus.Met;
        return today > goal.TargetDate ? GoalStatus.NotMet : GoalStatus.NotYetMet;
    }

    public static string Swedish(GoalStatus status) => status switch
    {
        GoalStatus.NoResultYet => "Resultat saknas",
        GoalStatus.Met => "Uppnått",
        GoalStatus.NotMet => "Ej uppnått",
        GoalStatus.NotYetMet => "Ännu inte uppnått",
        _ => status.ToString(),
    };

    public static string Format(decimal value, GoalUnit unit) => unit switch
    {
        GoalUnit.Percent => $"{value:0.#} %",
        GoalUnit.Kronor => Amount.Format(value),
        _ => $"{value:0.#}",
    };
}

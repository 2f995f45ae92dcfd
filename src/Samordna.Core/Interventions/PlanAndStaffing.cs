using Samordna.Core.Common;

namespace Samordna.Core.Interventions;

/// <summary>Utlånad (seconded from a party, the usual Finsam form) or anställd in the project.</summary>
public enum Employment { Seconded, Hired }
public enum PlanStatus { Draft, Adopted, InProgress, Completed }
public enum FindingStatus { Open, InProgress, Done, NotPursued }

public sealed record StaffInput(string? Role, string? EmployingParty, decimal? FtePercent, string? Employment, bool CoLocated);
public sealed record GoalInput(string? Description, decimal? Target, string? Unit, string? Direction, DateOnly? TargetDate, decimal? Result, DateOnly? ResultDate);
public sealed record FindingInput(string? Finding, string? Recommendation, string? Owner, string? Status, DateOnly? FollowUpDate);
public sealed record RoleInput(string? Role, string? Party, string? Responsibility);
public sealed record MilestoneInput(string? Title, DateOnly? DueDate, DateOnly? DoneDate);
public sealed record PlanInput(string? Goals, string? ReceivingUnit, string? ReceivingParty, string? Status, IReadOnlyList<RoleInput>? Roles, IReadOnlyList<MilestoneInput>? Milestones,
    int? Revision = null)
{
    public PlanInput Normalised() => this with { Roles = NullFree.Of(Roles), Milestones = NullFree.Of(Milestones) };
}
public sealed record AnchoringInput(DateOnly? Date, string? Audience, string? Party, string? Description);

/// <summary>Row-by-row checks of the intervention's lists; each error names the list, the row and what was expected.</summary>
public static class ListRules
{
    public static IReadOnlyList<FieldError> Staff(IReadOnlyList<StaffInput> rows)
    {
        var errors = new List<FieldError>();
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var at = $"Bemanning rad {i + 1}";
            if (string.IsNullOrWhiteSpace(r.Role)) errors.Add(new($"staff[{i}].role", $"{at}: ange roll, t.ex. Arbetskonsulent."));
            if (string.IsNullOrWhiteSpace(r.EmployingParty)) errors.Add(new($"staff[{i}].employingParty", $"{at}: ange vilken part som är arbetsgivare."));
            if (r.FtePercent is not (> 0 and <= 100)) errors.Add(new($"staff[{i}].ftePercent", $"{at}: tjänstgöringsgrad ska vara mer än 0 och högst 100 %."));
            if (Names.Parse<Employment>(r.Employment, Names.Swedish) is null) errors.Add(new($"staff[{i}].employment", $"{at}: ange Utlånad eller Anställd i insatsen."));
        }
        return errors;
    }

    public static Result<IReadOnlyList<InterventionGoalFigures>> Goals(IReadOnlyList<GoalInput> rows)
    {
        var errors = new List<FieldError>();
        var goals = new List<InterventionGoalFigures>();
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var at = $"Mål {i + 1}";
            var unit = Names.Parse<GoalUnit>(r.Unit, Names.Swedish);
            var direction = Names.Parse<GoalDirection>(string.IsNullOrWhiteSpace(r.Direction) ? nameof(GoalDirection.AtLeast) : r.Direction, Names.Swedish);
            if (unit is null) errors.Add(new($"goals[{i}].unit", $"{at}: ange enhet: procent, antal eller kronor."));
            if (direction is null) errors.Add(new($"goals[{i}].direction", $"{at}: ange minst eller högst."));
            if (r.Target is null) errors.Add(new($"goals[{i}].target", $"{at}: ange målvärde som tal, t.ex. 35."));
            if (r.TargetDate is null) errors.Add(new($"goals[{i}].targetDate", $"{at}: ange när målet ska vara nått (ÅÅÅÅ-MM-DD)."));
            if (unit is not null && direction is not null && r.Target is not null && r.TargetDate is not null)
                goals.Add(new(r.Description?.Trim() ?? "", r.Target.Value, unit.Value, direction.Value, r.TargetDate.Value, r.Result, r.ResultDate));
        }
        if (errors.Count == 0) errors.AddRange(GoalRules.Validate(goals));
        return errors.Count > 0 ? Result<IReadOnlyList<InterventionGoalFigures>>.Fail(errors) : Result<IReadOnlyList<InterventionGoalFigures>>.Ok(goals);
    }

    public static IReadOnlyList<FieldError> Findings(IReadOnlyList<FindingInput> rows)
    {
        var errors = new List<FieldError>();
        errors.AddRange(InterventionFieldRules.NoPersonalData(rows.SelectMany((r, i) => new[]
            { ($"findings[{i}].finding", $"Iakttagelse {i + 1}", r.Finding), ($"findings[{i}].recommendation", $"Rekommendation {i + 1}", r.Recommendation) })));
        for (var i = 0; i < rows.Count; i++)
        {
            var at = $"Iakttagelse {i + 1}";
            if (string.IsNullOrWhiteSpace(rows[i].Finding)) errors.Add(new($"findings[{i}].finding", $"{at}: beskriv iakttagelsen."));
            if (Names.Parse<FindingStatus>(rows[i].Status ?? nameof(FindingStatus.Open), Names.Swedish) is null)
                errors.Add(new($"findings[{i}].status", $"{at}: status ska vara Öppen, Pågår, Klar eller Genomförs inte."));
            if (!string.IsNullOrWhiteSpace(rows[i].Recommendation) && string.IsNullOrWhiteSpace(rows[i].Owner))
                errors.Add(new($"findings[{i}].owner", $"{at}: en rekommendation behöver en ägare som följer upp den."));
        }
        return errors;
    }

    public static IReadOnlyList<FieldError> Plan(PlanInput plan)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(plan.Goals)) errors.Add(new("goals", "Beskriv vad implementeringen ska uppnå."));
        if (Names.Parse<PlanStatus>(plan.Status ?? nameof(PlanStatus.Draft), Names.Swedish) is null)
            errors.Add(new("status", "Status ska vara Utkast, Fastställd, Pågår eller Genomförd."));
        var roles = plan.Roles ?? [];
        for (var i = 0; i < roles.Count; i++)
            if (string.IsNullOrWhiteSpace(roles[i].Role) || string.IsNullOrWhiteSpace(roles[i].Responsibility))
                errors.Add(new($"roles[{i}]", $"Roll rad {i + 1}: ange både roll och ansvar."));
        var milestones = plan.Milestones ?? [];
        for (var i = 0; i < milestones.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(milestones[i].Title)) errors.Add(new($"milestones[{i}].title", $"Milstolpe {i + 1}: ange vad som ska vara klart."));
            if (milestones[i].DueDate is null) errors.Add(new($"milestones[{i}].dueDate", $"Milstolpe {i + 1}: ange datum då den ska vara klar (ÅÅÅÅ-MM-DD)."));
        }
        return errors;
    }

    public static IReadOnlyList<FieldError> Anchoring(AnchoringInput input)
    {
        var errors = new List<FieldError>();
        if (input.Date is null) errors.Add(new("date", "Ange datum för förankringen (ÅÅÅÅ-MM-DD)."));
        if (string.IsNullOrWhiteSpace(input.Audience)) errors.Add(new("audience", "Ange vilka som förankringen riktade sig till, t.ex. Socialnämnden i Ystad."));
        errors.AddRange(InterventionFieldRules.NoPersonalData([("description", "Beskrivningen", input.Description)]));
        return errors;
    }
}

/// <summary>Swedish names of the small value lists, and parsing from Swedish or code names.</summary>
public static class Names
{
    public static string Swedish(Employment e) => e == Employment.Seconded ? "Utlånad" : "Anställd i insatsen";
    public static string Swedish(GoalUnit u) => u switch { GoalUnit.Percent => "procent", GoalUnit.Count => "antal", _ => "kronor" };
    public static string Swedish(GoalDirection d) => d == GoalDirection.AtLeast ? "minst" : "högst";
    public static string Swedish(PlanStatus s) => s switch
    {
        PlanStatus.Draft => "Utkast", PlanStatus.Adopted => "Fastställd", PlanStatus.InProgress => "Pågår", _ => "Genomförd",
    };
    public static string Swedish(FindingStatus s) => s switch
    {
        FindingStatus.Open => "Öppen", FindingStatus.InProgress => "Pågår", FindingStatus.Done => "Klar", _ => "Genomförs inte",
    };

    public static T? Parse<T>(string? text, Func<T, string> swedish) where T : struct, Enum => InterventionNames.Parse(text, swedish);
}

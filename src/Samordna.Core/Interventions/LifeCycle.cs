using Samordna.Core.Common;

namespace Samordna.Core.Interventions;

/// <summary>A decision that moves an intervention to a new status, as the person registering it states it.</summary>
public sealed record TransitionRequest(
    InterventionStatus To,
    DateOnly DecidedOn,
    string? DecidedBy,
    string? MinutesReference,
    string? Note = null,
    string? TakenOverBy = null,
    bool? MoneyRepaid = null,
    decimal? RepaidAmount = null,
    string? EndReason = null);

/// <summary>What the life-cycle rules need to know about the intervention as it is now.</summary>
public sealed record InterventionFacts(
    InterventionStatus Status,
    DateOnly? StartDate,
    DateOnly? PlannedEndDate,
    bool HasOwner,
    bool HasTargetGroup,
    int GoalCount,
    int BudgetYearCount,
    bool HasImplementationPlan,
    DateOnly? LastDecisionOn = null);

/// <summary>What a permitted transition changes on the intervention besides its status.</summary>
public sealed record TransitionEffect(DateOnly? StartDate, DateOnly? ActualEndDate, IReadOnlyList<string> Warnings);

/// <summary>
/// The life cycle idea → application → pre-study → decided → running → ended → implemented / taken over /
/// rewritten / stopped, plus rejection. Only the moves below exist; each is a recorded decision.
/// </summary>
public static class LifeCycle
{
    private static readonly IReadOnlyDictionary<InterventionStatus, InterventionStatus[]> Moves = new Dictionary<InterventionStatus, InterventionStatus[]>
    {
        [InterventionStatus.Idea] = [InterventionStatus.Application, InterventionStatus.PreStudy, InterventionStatus.Rejected],
        [InterventionStatus.Application] = [InterventionStatus.PreStudy, InterventionStatus.Decided, InterventionStatus.Rejected],
        [InterventionStatus.PreStudy] = [InterventionStatus.Application, InterventionStatus.Decided, InterventionStatus.Rejected],
        [InterventionStatus.Decided] = [InterventionStatus.Running, InterventionStatus.Stopped],
        [InterventionStatus.Running] = [InterventionStatus.Ended, InterventionStatus.Stopped],
        [InterventionStatus.Ended] = [InterventionStatus.Implemented, InterventionStatus.TakenOver, InterventionStatus.Rewritten, InterventionStatus.Stopped],
        [InterventionStatus.Implemented] = [],
        [InterventionStatus.TakenOver] = [],
        [InterventionStatus.Rewritten] = [],
        [InterventionStatus.Stopped] = [],
        [InterventionStatus.Rejected] = [],
    };

    // Decisions the board takes on the association's money; they must point to the minutes.
    private static readonly InterventionStatus[] BoardDecisions = [InterventionStatus.Decided, InterventionStatus.Rejected, InterventionStatus.Stopped];

    public static IReadOnlyList<InterventionStatus> NextFrom(InterventionStatus status) => Moves[status];

    public static bool IsTerminal(InterventionStatus status) => Moves[status].Length == 0;

    /// <summary>After the board's decision, kind and measurement method are fixed: figures already reported depend on them.</summary>
    public static bool FixedFieldsLocked(InterventionStatus status) =>
        status is not (InterventionStatus.Idea or InterventionStatus.Application or InterventionStatus.PreStudy or InterventionStatus.Rejected);

    /// <summary>True once the intervention has been decided, whatever became of it later.</summary>
    public static bool WasDecided(InterventionStatus status) => FixedFieldsLocked(status);

    public static Result<TransitionEffect> Check(InterventionFacts facts, TransitionRequest request, DateOnly today)
    {
        var errors = new List<FieldError>();
        var warnings = new List<string>();
        var to = request.To;
        var toName = InterventionStatusNames.Swedish(to);
        if (!Moves[facts.Status].Contains(to))
        {
            var allowed = Moves[facts.Status].Select(InterventionStatusNames.Swedish).ToList();
            errors.Add(new("to", allowed.Count == 0
                ? $"Insatsen har status {InterventionStatusNames.Swedish(facts.Status)} och kan inte byta status."
                : $"Från {InterventionStatusNames.Swedish(facts.Status)} kan insatsen gå till {string.Join(", ", allowed)}, inte till {toName}."));
            return Result<TransitionEffect>.Fail(errors);
        }
        if (request.DecidedOn > today)
            errors.Add(new("decidedOn", $"Beslutsdatum {request.DecidedOn:yyyy-MM-dd} ligger i framtiden. Registrera beslutet när det är fattat."));
        if (facts.LastDecisionOn is { } last && request.DecidedOn < last)
            errors.Add(new("decidedOn", $"Beslutsdatum {request.DecidedOn:yyyy-MM-dd} ligger före förra beslutet ({last:yyyy-MM-dd}). Beslut registreras i den ordning de fattades."));
        if (string.IsNullOrWhiteSpace(request.DecidedBy))
            errors.Add(new("decidedBy", "Ange vem som beslutade, t.ex. Styrelsen eller Förbundschefen."));
        if (BoardDecisions.Contains(to) && string.IsNullOrWhiteSpace(request.MinutesReference))
            errors.Add(new("minutesReference", $"Beslutet {toName} fattas av styrelsen. Ange protokollsreferens, t.ex. \"Styrelsen 2018-03-15 § 12\"."));

        if (to == InterventionStatus.Decided)
        {
            var missing = new List<string>();
            if (!facts.HasOwner) missing.Add("ägare");
            if (!facts.HasTargetGroup) missing.Add("målgrupp");
            if (facts.GoalCount == 0) missing.Add("minst ett mål");
            if (facts.BudgetYearCount == 0) missing.Add("budget för minst ett år");
            if (missing.Count > 0)
                errors.Add(new("to", $"Ansökan saknar {string.Join(", ", missing)}. Styrelsen beslutar utifrån en komplett ansökan."));
            if (!facts.HasImplementationPlan)
                warnings.Add("Insatsen saknar implementeringsplan. Utan plan för hur arbetssättet ska tas över blir resultatet sällan bestående.");
        }
        if (to == InterventionStatus.Running && !facts.HasOwner)
            errors.Add(new("to", "En insats kan inte starta utan ägare."));
        if (to == InterventionStatus.TakenOver && string.IsNullOrWhiteSpace(request.TakenOverBy))
            errors.Add(new("takenOverBy", "Ange vilken part som tar över insatsen."));
        if (to == InterventionStatus.Stopped)
        {
            if (request.MoneyRepaid is null)
                errors.Add(new("moneyRepaid", "Ange om medel betalas tillbaka (ja eller nej)."));
            if (request.RepaidAmount is < 0)
                errors.Add(new("repaidAmount", "Återbetalt belopp kan inte vara negativt."));
            if (request.MoneyRepaid == false && request.RepaidAmount is > 0)
                errors.Add(new("repaidAmount", "Belopp anges bara när medel betalas tillbaka."));
        }
        var endsNow = to is InterventionStatus.Ended || (to == InterventionStatus.Stopped && facts.Status is InterventionStatus.Decided or InterventionStatus.Running);
        if (endsNow && facts.PlannedEndDate is { } planned && request.DecidedOn < planned && string.IsNullOrWhiteSpace(request.EndReason))
            errors.Add(new("endReason", $"Insatsen slutar före planerat slutdatum {planned:yyyy-MM-dd}. Ange varför."));
        if (endsNow && facts.StartDate is { } started && request.DecidedOn < started)
            errors.Add(new("decidedOn", $"Insatsen kan inte sluta ({request.DecidedOn:yyyy-MM-dd}) före sin start ({started:yyyy-MM-dd})."));
        if (to == InterventionStatus.Implemented && !facts.HasImplementationPlan)
            warnings.Add("Insatsen registreras som implementerad utan implementeringsplan.");

        if (errors.Count > 0) return Result<TransitionEffect>.Fail(errors);
        var start = to == InterventionStatus.Running ? facts.StartDate ?? request.DecidedOn : facts.StartDate;
        DateOnly? end = endsNow ? request.DecidedOn : null;
        return Result<TransitionEffect>.Ok(new TransitionEffect(start, end, warnings));
    }
}

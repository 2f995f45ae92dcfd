namespace Samordna.Core.Interventions;

public sealed record MilestoneDates(DateOnly Due, DateOnly? Done);

public sealed record ReadinessFacts(bool PlanExists, bool OwnerNamed, bool ReceivingUnitNamed, bool DecisionTaken, IReadOnlyList<MilestoneDates> Milestones);

public sealed record ReadinessCheck(string Name, bool Met, string Detail);

/// <summary>
/// Is the intervention ready to be taken over by ordinary operations? Seed 002 found no implementation plan in
/// any of four evaluated interventions; these checks make the gap visible on every intervention and in the portfolio.
/// </summary>
public static class Readiness
{
    public static IReadOnlyList<ReadinessCheck> Assess(ReadinessFacts facts, DateOnly today)
    {
        var overdue = facts.Milestones.Count(m => m.Done is null && m.Due < today);
        var late = facts.Milestones.Count(m => m.Done is { } done && done > m.Due);
        return
        [
            new("Implementeringsplan finns", facts.PlanExists, facts.PlanExists ? "Ja" : "Ingen plan registrerad"),
            new("Ägare utsedd", facts.OwnerNamed, facts.OwnerNamed ? "Ja" : "Ingen ägare registrerad"),
            new("Mottagande verksamhet utsedd", facts.ReceivingUnitNamed, facts.ReceivingUnitNamed ? "Ja" : "Ingen mottagare i planen"),
            new("Beslut fattat", facts.DecisionTaken, facts.DecisionTaken ? "Ja" : "Styrelsen har inte beslutat"),
            new("Milstolpar i tid", facts.Milestones.Count > 0 && overdue == 0,
                facts.Milestones.Count == 0 ? "Inga milstolpar"
                : overdue > 0 ? $"{overdue} av {facts.Milestones.Count} försenade"
                : late > 0 ? $"Alla klara eller i tid ({late} blev klara sent)" : $"Alla {facts.Milestones.Count} klara eller i tid"),
        ];
    }

    /// <summary>"3 av 5", for the portfolio column.</summary>
    public static string Score(IReadOnlyList<ReadinessCheck> checks) => $"{checks.Count(c => c.Met)} av {checks.Count}";
}

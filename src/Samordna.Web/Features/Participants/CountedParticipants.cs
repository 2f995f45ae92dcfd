using Microsoft.EntityFrameworkCore;
using Samordna.Core.Interventions;
using Samordna.Core.Participants;
using Samordna.Web.Data;

namespace Samordna.Web.Features.Participants;

/// <summary>
/// Actual participants per intervention and budget year counted from the episodes, as the national export counts them:
/// each person once per intervention and year, every anonymous (or erased) episode as its own person, mistaken
/// registrations left out. Counted in SQL; the budget uses them instead of the typed count (BudgetRules.WithCountedParticipants).
/// </summary>
public sealed class CountedParticipants(SamordnaDb db)
{
    public async Task<Dictionary<(int InterventionId, int Year), int>> ForAssociationAsync(int associationId) =>
        await CountAsync(db.Episodes.Where(e => e.AssociationId == associationId));

    /// <summary>One budget year of the association's interventions (the annual report).</summary>
    public async Task<Dictionary<(int InterventionId, int Year), int>> ForAssociationAsync(int associationId, int year) =>
        await CountAsync(db.Episodes.Where(e => e.AssociationId == associationId && e.BudgetYear == year));

    public async Task<Dictionary<(int InterventionId, int Year), int>> ForInterventionAsync(int interventionId) =>
        await CountAsync(db.Episodes.Where(e => e.InterventionId == interventionId));

    /// <summary>The budget year's figures with the counted participants where the intervention registers episodes.</summary>
    public static BudgetYearFigures Apply(BudgetYearFigures figures, int interventionId, MeasurementMethod method, IReadOnlyDictionary<(int, int), int> counted) =>
        BudgetRules.WithCountedParticipants(figures, method, counted.TryGetValue((interventionId, figures.Year), out var n) ? n : null);

    private static async Task<Dictionary<(int, int), int>> CountAsync(IQueryable<Episode> episodes)
    {
        var rows = await episodes.AsNoTracking().Where(e => e.ExitReason == null || e.ExitReason != ExitReason.RegisteredByMistake)
            .GroupBy(e => new { e.InterventionId, e.BudgetYear })
            .Select(g => new
            {
                g.Key.InterventionId, g.Key.BudgetYear,
                People = g.Where(e => e.ParticipantId != null).Select(e => e.ParticipantId).Distinct().Count(),
                Unnamed = g.Count(e => e.ParticipantId == null),
            }).ToListAsync();
        return rows.ToDictionary(r => (r.InterventionId, r.BudgetYear), r => r.People + r.Unnamed);
    }
}

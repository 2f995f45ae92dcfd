using Microsoft.EntityFrameworkCore;
using Samordna.Core.Interventions;
using Samordna.Core.Participants;
using Samordna.Web.Data;
using Samordna.Web.Features.Shared;

namespace Samordna.Web.Features.Participants;

/// <summary>One row of the national follow-up: an individual intervention's participants by gender, budget and outcome in a year.</summary>
public sealed record NationalRow(string Intervention, string Method, int Women, int Men, int Other, int? PlannedParticipants,
    decimal? InterventionBudget, decimal? InterventionOutcome, decimal? TotalBudget, decimal? TotalOutcome)
{
    public int Total => Women + Men + Other;
}

/// <summary>
/// The figures the national follow-up (Uppföljning Finsam) asks for: per individual intervention and budget year, the
/// participants by gender (each person once per intervention and year, anonymous and count-only ones included,
/// mistaken registrations left out) with the year's budget and outcome. The layout is in docs/participants.md.
/// </summary>
public sealed class NationalExport(SamordnaDb db)
{
    public static readonly string[] Header =
    [
        "Förbund", "Organisationsnummer", "År", "Insats", "Mätmetod", "Deltagare kvinnor", "Deltagare män", "Deltagare annat/vill ej ange",
        "Deltagare totalt", "Planerade deltagare", "Budget insatskostnad (kr)", "Utfall insatskostnad (kr)", "Budget totalt (kr)", "Utfall totalt (kr)",
    ];

    public async Task<(Association Association, List<NationalRow> Rows)?> RowsAsync(int associationId, int year)
    {
        var association = await db.Associations.AsNoTracking().SingleOrDefaultAsync(a => a.Id == associationId);
        if (association is null) return null;
        var interventions = await db.Interventions.AsNoTracking().Include(i => i.BudgetYears.Where(b => b.Year == year)).ThenInclude(b => b.Lines)
            .Where(i => i.AssociationId == associationId && i.Kind == InterventionKind.IndividualFocused).OrderBy(i => i.Name).ToListAsync();
        var episodes = await db.Episodes.AsNoTracking().Where(e => e.AssociationId == associationId && e.BudgetYear == year)
            .Select(e => new { e.Id, e.InterventionId, e.ParticipantId, e.Gender, e.ExitReason }).ToListAsync();
        var counts = await db.MonthlyCounts.AsNoTracking().Where(m => m.Intervention!.AssociationId == associationId && m.Year == year).ToListAsync();

        var rows = new List<NationalRow>();
        foreach (var i in interventions)
        {
            // Each person once per intervention and year (the first episode's gender); every anonymous episode is its own person.
            var people = episodes.Where(e => e.InterventionId == i.Id && EpisodeRules.CountsInStatistics(e.ExitReason))
                .GroupBy(e => e.ParticipantId is { } p ? $"p{p}" : $"e{e.Id}").Select(g => g.OrderBy(e => e.Id).First().Gender).ToList();
            var monthly = counts.Where(c => c.InterventionId == i.Id).ToList();
            var budget = i.BudgetYears.SingleOrDefault();
            if (people.Count == 0 && monthly.Count == 0 && budget is null) continue;
            var figures = budget is null ? null
                : new BudgetYearFigures(year, budget.PlannedParticipants, budget.ActualParticipants, budget.Lines.Select(l => new BudgetLine(l.Kind, l.Label, l.Budget, l.Outcome)).ToList());
            rows.Add(new NationalRow(i.Name, InterventionNames.Swedish(i.MeasurementMethod),
                people.Count(g => g == Gender.Woman) + monthly.Sum(m => m.Women), people.Count(g => g == Gender.Man) + monthly.Sum(m => m.Men),
                people.Count(g => g == Gender.Other) + monthly.Sum(m => m.Other), budget?.PlannedParticipants,
                figures?.AssociationBudget, figures?.AssociationOutcome, figures?.Budget, figures?.Outcome));
        }
        return (association, rows);
    }

    public static IEnumerable<IReadOnlyList<object?>> Cells(Association association, int year, IEnumerable<NationalRow> rows) =>
        rows.Select(r => (IReadOnlyList<object?>)[association.Name, association.OrganisationNumber, year, r.Intervention, r.Method, r.Women, r.Men, r.Other, r.Total,
            r.PlannedParticipants, r.InterventionBudget, r.InterventionOutcome, r.TotalBudget, r.TotalOutcome]);
}

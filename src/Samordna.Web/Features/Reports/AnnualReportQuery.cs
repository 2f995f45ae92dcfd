using Microsoft.EntityFrameworkCore;
using Samordna.Core.Interventions;
using Samordna.Web.Data;
using Samordna.Web.Features.Associations;
using Samordna.Web.Features.Interventions;
using Samordna.Web.Features.Shared;
using Samordna.Web.Features.Structures;

namespace Samordna.Web.Features.Reports;

public sealed record ContributionLine(string Party, long Amount);
public sealed record InterventionLine(int Id, string Name, InterventionKind Kind, InterventionStatus Status, decimal? Budget, decimal? Outcome, decimal? Utilisation,
    int? Participants, bool StartedThisYear, bool EndedThisYear);
public sealed record SurveyLine(int Id, string Name, string Instrument, int Records);
public sealed record GroupLine(string Group, string Kind, int? Planned, int Held, int Cancelled, int QuorumFailures, double? AttendanceRate);

/// <summary>The year in one place (verksamhetsberättelse): money, interventions, measurement, structures.</summary>
public sealed record AnnualReport(int AssociationId, string Association, int Year, long ContributionsTotal, IReadOnlyList<ContributionLine> Contributions,
    AssociationBudgetSummary Budget, IReadOnlyList<InterventionLine> Interventions, IReadOnlyList<SurveyLine> Surveys, IReadOnlyList<GroupLine> Groups);

public sealed class AnnualReportQuery(SamordnaDb db, FundingQueries funding, InterventionQueries interventions, StructureQueries structures)
{
    public async Task<AnnualReport?> ForAsync(int associationId, int year)
    {
        var name = await db.Associations.Where(a => a.Id == associationId).Select(a => a.Name).SingleOrDefaultAsync();
        if (name is null) return null;
        var split = await funding.SplitAsync(associationId, year);
        var portfolio = await interventions.PortfolioAsync(associationId, new PortfolioFilter(), year);
        var budgetYears = await db.InterventionBudgetYears.AsNoTracking().Include(y => y.Lines)
            .Where(y => y.Year == year && db.Interventions.Any(i => i.Id == y.InterventionId && i.AssociationId == associationId))
            .ToDictionaryAsync(y => y.InterventionId);
        var lines = portfolio
            .Where(p => budgetYears.ContainsKey(p.Id) || p.Start?.Year == year || p.End?.Year == year || IsActive(p, year))
            .Select(p =>
            {
                var figures = budgetYears.TryGetValue(p.Id, out var row) ? SaveBudgetYear.ToFigures(row) : null;
                return new InterventionLine(p.Id, p.Name, p.Kind, p.Status, figures?.AssociationBudget, figures?.AssociationOutcome,
                    figures?.Utilisation, figures?.ActualParticipants, p.Start?.Year == year, p.End?.Year == year && p.End <= interventions.Today);
            }).ToList();

        var rounds = await db.SurveyRounds.AsNoTracking().Include(r => r.Instrument)
            .Where(r => r.AssociationId == associationId && (r.CreatedAt.Year == year || (r.OpensOn != null && r.OpensOn.Value.Year == year)))
            .OrderBy(r => r.Id).ToListAsync();
        var counts = await db.SurveyRecords.Where(r => rounds.Select(x => x.Id).Contains(r.RoundId)).GroupBy(r => r.RoundId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var groups = await structures.GroupsAsync(associationId, year);

        return new AnnualReport(associationId, name, year, split?.Total ?? 0,
            split?.Contributions.Select(c => new ContributionLine(c.Party, c.Amount)).ToList() ?? [],
            await interventions.BudgetSummaryAsync(associationId, year), lines,
            rounds.Select(r => new SurveyLine(r.Id, r.Name, r.Instrument?.Title ?? "", counts.GetValueOrDefault(r.Id))).ToList(),
            groups.Select(g => new GroupLine(g.Group.Name, Core.Structures.StructureNames.Swedish(g.Group.Kind), g.Statistics.Planned, g.Statistics.Held, g.Statistics.Cancelled,
                g.Statistics.QuorumFailures, g.Statistics.AttendanceRate)).ToList());
    }

    /// <summary>Running at some point of the year: started by its end and not ended before it began.</summary>
    private static bool IsActive(PortfolioRow p, int year) =>
        p.Start is { } start && start.Year <= year && (p.End is null || p.End.Value.Year >= year)
        && p.Status is not (InterventionStatus.Idea or InterventionStatus.Application or InterventionStatus.PreStudy or InterventionStatus.Rejected);

    public static byte[] Xlsx(AnnualReport r) => XlsxExport.WriteSheets(
    [
        new("Medlemsavgifter", ["Medlem", "Belopp (kr)"], r.Contributions.Select(c => (IReadOnlyList<object?>)[c.Party, c.Amount])
            .Append([ "Totalt", r.ContributionsTotal ])),
        new("Budget", ["Post", "Budget (kr)", "Utfall (kr)"],
        [
            ["Insatser (förbundets medel)", r.Budget.InterventionBudget, r.Budget.InterventionOutcome],
            ["Administration (kansli)", r.Budget.Administration, r.Budget.AdministrationOutcome],
            ["Totalt", r.Budget.Total, r.Budget.TotalOutcome],
            ["Medlemsavgifter", r.Budget.Contributions, null],
            ["Ej fördelat", r.Budget.Unallocated, null],
        ]),
        new("Insatser", ["Insats", "Typ", "Status", "Budget (kr)", "Utfall (kr)", "Nyttjandegrad (%)", "Deltagare", "Startade i år", "Avslutades i år"],
            r.Interventions.Select(i => (IReadOnlyList<object?>)[i.Name, InterventionNames.Swedish(i.Kind), InterventionStatusNames.Swedish(i.Status), i.Budget, i.Outcome,
                i.Utilisation is { } u ? decimal.Round(u * 100, 1) : null, i.Participants, i.StartedThisYear ? "Ja" : "Nej", i.EndedThisYear ? "Ja" : "Nej"])),
        new("Samverkansmätning", ["Mätomgång", "Instrument", "Svar"], r.Surveys.Select(s => (IReadOnlyList<object?>)[s.Name, s.Instrument, s.Records])),
        new("Samverkansgrupper", ["Grupp", "Typ", "Planerade möten", "Hållna", "Inställda", "Ej beslutsföra", "Närvaro (%)"],
            r.Groups.Select(g => (IReadOnlyList<object?>)[g.Group, g.Kind, g.Planned, g.Held, g.Cancelled, g.QuorumFailures, g.AttendanceRate is { } a ? Math.Round(a * 100, 1) : null])),
    ]);
}

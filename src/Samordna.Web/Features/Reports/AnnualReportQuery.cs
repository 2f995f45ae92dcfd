using Microsoft.EntityFrameworkCore;
using Samordna.Core.Interventions;
using Samordna.Core.Participants;
using Samordna.Web.Data;
using Samordna.Web.Features.Associations;
using Samordna.Web.Features.Interventions;
using Samordna.Web.Features.Participants;
using Samordna.Web.Features.Shared;
using Samordna.Web.Features.Structures;

namespace Samordna.Web.Features.Reports;

public sealed record ContributionLine(string Party, long Amount);
public sealed record InterventionLine(int Id, string Name, InterventionKind Kind, InterventionStatus Status, decimal? Budget, decimal? Outcome, decimal? Utilisation,
    int? Participants, ParticipantSource ParticipantSource, bool StartedThisYear, bool EndedThisYear);
public sealed record SurveyLine(int Id, string Name, string Instrument, int Records);
public sealed record GroupLine(string Group, string Kind, int? Planned, int Held, int Cancelled, int QuorumFailures, double? AttendanceRate);

/// <summary>
/// The year's participants and outcomes, per intervention, from the participant report (episodes with the year as
/// budget year): every table through its small-cell suppression, hidden counts null.
/// </summary>
public sealed record AnnualParticipants(int Threshold, SuppressedTable Counts, SuppressedTable WorkOrStudiesAtExit,
    SuppressedTable WorkOrStudiesAfter90Days, SuppressedTable WorkOrStudiesAfter365Days)
{
    public IEnumerable<(string Title, SuppressedTable Table)> Tables()
    {
        yield return ("Deltagare per kön (anonyma och volyminsatser ingår)", Counts);
        yield return ("I arbete eller studier vid utskrivning", WorkOrStudiesAtExit);
        yield return ("I arbete eller studier 90 dagar efter utskrivning", WorkOrStudiesAfter90Days);
        yield return ("I arbete eller studier ett år efter utskrivning", WorkOrStudiesAfter365Days);
    }
}

/// <summary>The year in one place (verksamhetsberättelse): money, interventions, participants, measurement, structures.</summary>
public sealed record AnnualReport(int AssociationId, string Association, int Year, long ContributionsTotal, IReadOnlyList<ContributionLine> Contributions,
    AssociationBudgetSummary Budget, IReadOnlyList<InterventionLine> Interventions, AnnualParticipants Participants,
    IReadOnlyList<SurveyLine> Surveys, IReadOnlyList<GroupLine> Groups);

/// <summary>
/// Reads the year from the other capabilities. Participants are counted in SQL (<see cref="ParticipantReportQueries.ByInterventionAsync"/>)
/// and published through Core's suppression; interventions are read as narrow rows: a large association's year stays
/// within 2× of hand-written SQL for the same numbers (docs/benchmarks.md).
/// </summary>
public sealed class AnnualReportQuery(SamordnaDb db, FundingQueries funding, InterventionQueries interventions, StructureQueries structures,
    ParticipantReportQueries participants, CountedParticipants counted)
{
    /// <summary>What the report needs of an intervention: no plan, goals or staff (the portfolio reads those).</summary>
    private sealed record Listed(int Id, string Name, InterventionKind Kind, InterventionStatus Status, MeasurementMethod Method, DateOnly? Start, DateOnly? End);

    public async Task<AnnualReport?> ForAsync(int associationId, int year)
    {
        var name = await db.Associations.Where(a => a.Id == associationId).Select(a => a.Name).SingleOrDefaultAsync();
        if (name is null) return null;
        var split = await funding.SplitAsync(associationId, year);
        var listed = await db.Interventions.AsNoTracking().Where(i => i.AssociationId == associationId).OrderBy(i => i.Name)
            .Select(i => new Listed(i.Id, i.Name, i.Kind, i.Status, i.MeasurementMethod, i.StartDate, i.ActualEndDate ?? i.PlannedEndDate)).ToListAsync();
        var budgetYears = await db.InterventionBudgetYears.AsNoTracking().Include(y => y.Lines)
            .Where(y => y.Year == year && db.Interventions.Any(i => i.Id == y.InterventionId && i.AssociationId == associationId))
            .ToDictionaryAsync(y => y.InterventionId);
        // Where participants are registered as episodes, the year's participants are counted from them, as in the portfolio.
        var people = await counted.ForAssociationAsync(associationId, year);
        var lines = listed
            .Where(p => budgetYears.ContainsKey(p.Id) || p.Start?.Year == year || p.End?.Year == year || IsActive(p, year))
            .Select(p =>
            {
                var figures = budgetYears.TryGetValue(p.Id, out var row) ? SaveBudgetYear.ToFigures(row) : null;
                var (source, number) = ParticipantSources.Of(p.Method, people.TryGetValue((p.Id, year), out var n) ? n : null, figures?.ActualParticipants);
                return new InterventionLine(p.Id, p.Name, p.Kind, p.Status, figures?.AssociationBudget, figures?.AssociationOutcome,
                    figures?.Utilisation, number, source, p.Start?.Year == year, p.End?.Year == year && p.End <= interventions.Today);
            }).ToList();

        // One query for the rounds and their answer counts: each round trip counts on PostgreSQL (docs/benchmarks.md).
        var surveys = await db.SurveyRounds.AsNoTracking()
            .Where(r => r.AssociationId == associationId && (r.CreatedAt.Year == year || (r.OpensOn != null && r.OpensOn.Value.Year == year)))
            .OrderBy(r => r.Id)
            .Select(r => new SurveyLine(r.Id, r.Name, r.Instrument != null ? r.Instrument.Title : "", db.SurveyRecords.Count(x => x.RoundId == r.Id)))
            .ToListAsync();
        var groups = await structures.GroupsAsync(associationId, year);
        // Only the four tables the report shows: counted in SQL, published by the participant report's rules and suppression.
        var tallies = await participants.ByInterventionAsync(associationId, year);
        const int t = Core.Measurement.CellSuppression.DefaultThreshold;
        SuppressedTable Outcome(OutcomePoint point) => ParticipantReport.WorkOrStudies(tallies.At(point), t);

        return new AnnualReport(associationId, name, year, split?.Total ?? 0,
            split?.Contributions.Select(c => new ContributionLine(c.Party, c.Amount)).ToList() ?? [],
            await interventions.BudgetSummaryAsync(associationId, year, budgetYears.Values.Select(SaveBudgetYear.ToFigures)), lines,
            new AnnualParticipants(t, ParticipantReport.Counts(tallies.Episodes, t), Outcome(OutcomePoint.Exit),
                Outcome(OutcomePoint.After90Days), Outcome(OutcomePoint.After365Days)),
            surveys,
            groups.Select(g => new GroupLine(g.Group.Name, Core.Structures.StructureNames.Swedish(g.Group.Kind), g.Statistics.Planned, g.Statistics.Held, g.Statistics.Cancelled,
                g.Statistics.QuorumFailures, g.Statistics.AttendanceRate)).ToList());
    }

    /// <summary>Running at some point of the year: started by its end and not ended before it began.</summary>
    private static bool IsActive(Listed p, int year) =>
        p.Start is { } start && start.Year <= year && (p.End is null || p.End.Value.Year >= year)
        && p.Status is not (InterventionStatus.Idea or InterventionStatus.Application or InterventionStatus.PreStudy or InterventionStatus.Rejected);

    /// <summary>The report's tables for XLSX and CSV alike.</summary>
    public static IReadOnlyList<XlsxSheet> Sheets(AnnualReport r) =>
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
        new("Insatser", ["Insats", "Typ", "Status", "Budget (kr)", "Utfall (kr)", "Nyttjandegrad (%)", "Deltagare", "Källa för deltagare", "Startade i år", "Avslutades i år"],
            r.Interventions.Select(i => (IReadOnlyList<object?>)[i.Name, InterventionNames.Swedish(i.Kind), InterventionStatusNames.Swedish(i.Status), i.Budget, i.Outcome,
                i.Utilisation is { } u ? decimal.Round(u * 100, 1) : null, i.Participants, ParticipantSources.Swedish(i.ParticipantSource),
                i.StartedThisYear ? "Ja" : "Nej", i.EndedThisYear ? "Ja" : "Nej"])),
        new("Deltagare", ["Tabell", "Insats", "Kategori", "Antal", "Procent", "Insatsens totalt"],
            from t in r.Participants.Tables()
            from row in t.Table.Rows.Append(t.Table.All)
            from cell in row.Cells
            select (IReadOnlyList<object?>)[t.Title, row.Group, cell.Category, cell.Count, cell.Percent, row.Total],
            ExportNotes.Suppressed(r.Participants.Threshold)),
        new("Samverkansmätning", ["Mätomgång", "Instrument", "Svar"], r.Surveys.Select(s => (IReadOnlyList<object?>)[s.Name, s.Instrument, s.Records])),
        new("Samverkansgrupper", ["Grupp", "Typ", "Planerade möten", "Hållna", "Inställda", "Ej beslutsföra", "Närvaro (%)"],
            r.Groups.Select(g => (IReadOnlyList<object?>)[g.Group, g.Kind, g.Planned, g.Held, g.Cancelled, g.QuorumFailures, g.AttendanceRate is { } a ? Math.Round(a * 100, 1) : null])),
    ];
}

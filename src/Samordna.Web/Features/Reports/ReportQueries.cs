using Microsoft.EntityFrameworkCore;
using Samordna.Core.Common;
using Samordna.Core.Funding;
using Samordna.Core.Reports;
using Samordna.Web.Data;
using Samordna.Web.Features.Associations;
using Samordna.Web.Features.Interventions;
using Samordna.Web.Features.Participants;

namespace Samordna.Web.Features.Reports;

/// <summary>Overrides of the socio-economic defaults, as the form or the API sends them (shares as fractions, 0.35).</summary>
public sealed record SocioEconomicQuery(
    int? Participants = null, decimal? SuccessRate = null, decimal? BaselineRate = null, decimal? CostPerPersonYear = null,
    int? HorizonYears = null, decimal? DiscountRate = null, decimal? Persistence = null, decimal? InterventionCost = null);

/// <summary>
/// The calculation with its inputs. <paramref name="ParticipantYears"/> are the budget years the default participants
/// add up, each with its source; <paramref name="ParticipantsGiven"/> says the person typed their own number instead.
/// </summary>
public sealed record SocioEconomicReport(string Intervention, SocioEconomicInput Input, SocioEconomicResult Result, IReadOnlyList<SensitivityRow> Sensitivity, bool DefaultSplit,
    IReadOnlyList<ParticipantYear> ParticipantYears, bool ParticipantsGiven);

/// <summary>The reports built from the other capabilities' data with Core's rules.</summary>
public sealed class ReportQueries(SamordnaDb db, FundingQueries funding, PopulationStore population, CountedParticipants counted)
{
    /// <summary>
    /// Starts from the intervention's own figures (participants and outcome from its budget years; participants counted
    /// from episodes where it registers them, as the portfolio counts) and the documented defaults, then applies what
    /// the person changed.
    /// </summary>
    public async Task<Result<SocioEconomicReport>?> SocioEconomicAsync(int interventionId, SocioEconomicQuery query)
    {
        var intervention = await db.Interventions.AsNoTracking().Include(i => i.BudgetYears).ThenInclude(y => y.Lines)
            .SingleOrDefaultAsync(i => i.Id == interventionId);
        if (intervention is null) return null;
        var years = intervention.BudgetYears.Select(SaveBudgetYear.ToFigures).OrderBy(y => y.Year).ToList();
        var people = await counted.ForInterventionAsync(interventionId);
        var participantYears = years.Select(y =>
        {
            var (source, number) = ParticipantSources.Of(intervention.MeasurementMethod, people.TryGetValue((interventionId, y.Year), out var n) ? n : null, y.ActualParticipants);
            return new ParticipantYear(y.Year, number, source);
        }).ToList();
        var cost = query.CostPerPersonYear ?? SocioEconomicCalculation.Defaults.CostPerPersonYear;
        var input = new SocioEconomicInput(
            query.Participants ?? participantYears.Sum(y => y.Participants ?? 0),
            query.SuccessRate ?? SocioEconomicCalculation.Defaults.SuccessRate,
            query.BaselineRate ?? SocioEconomicCalculation.Defaults.BaselineRate,
            SocioEconomicCalculation.Defaults.CostSplit(cost),
            query.HorizonYears ?? SocioEconomicCalculation.Defaults.HorizonYears,
            query.DiscountRate ?? SocioEconomicCalculation.Defaults.DiscountRate,
            query.Persistence ?? 1m,
            query.InterventionCost ?? years.Sum(y => y.Outcome ?? y.Budget));
        var errors = SocioEconomicCalculation.Validate(input).ToList();
        if (query.CostPerPersonYear is < 0) errors.Add(new("costPerPersonYear", "Kostnaden per personår kan inte vara negativ."));
        if (errors.Count > 0) return Result<SocioEconomicReport>.Fail(errors.DistinctBy(e => e.Field));
        return Result<SocioEconomicReport>.Ok(new SocioEconomicReport(intervention.Name, input, SocioEconomicCalculation.Calculate(input),
            SocioEconomicCalculation.Sensitivity(input), DefaultSplit: true, participantYears, query.Participants is not null));
    }

    /// <summary>Null when the year has no funding; a Swedish error when population is missing for a member municipality.</summary>
    public async Task<Result<FundingPerInhabitantResult>?> PerInhabitantAsync(int associationId, int year, decimal benchmark)
    {
        var split = await funding.SplitAsync(associationId, year);
        if (split is null) return null;
        if (benchmark < 0) return Result<FundingPerInhabitantResult>.Fail("benchmark", "Jämförelsevärdet kan inte vara negativt.");
        var contributions = split.Contributions.Where(c => c.MunicipalityCode is not null)
            .GroupBy(c => c.MunicipalityCode!).ToDictionary(g => g.Key, g => (decimal)g.Sum(c => c.Amount));
        var people = await population.ForAsync(contributions.Keys, year);
        var missing = contributions.Keys.Except(people.Select(p => p.MunicipalityCode)).Order().ToList();
        if (missing.Count > 0)
            return Result<FundingPerInhabitantResult>.Fail("population",
                $"Folkmängd för {year} saknas för {string.Join(", ", missing.Select(c => Core.Reference.SwedishRegions.FindMunicipality(c)?.Name ?? c))}. Läs in SCB:s folkmängd under Administration.");
        return Result<FundingPerInhabitantResult>.Ok(FundingPerInhabitant.Compute(year, split.Total, contributions, people, benchmark)!);
    }
}

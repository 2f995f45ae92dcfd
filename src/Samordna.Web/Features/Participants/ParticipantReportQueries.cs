using Microsoft.EntityFrameworkCore;
using Samordna.Core.Measurement;
using Samordna.Core.Participants;
using Samordna.Core.Reference;
using Samordna.Web.Data;

namespace Samordna.Web.Features.Participants;

public sealed record ShareComparisonDto(OutcomePoint Point, ShareComparison? Comparison);

/// <summary>The counted answers to one of the association's yes/no or choice questions, by measurement point.</summary>
public sealed record ExtraQuestionTableDto(string Code, string Wording, SuppressedTable Table);

/// <summary>The participant report of one association: every table protected against small cells (hidden counts are null).</summary>
public sealed record ParticipantReportDto(
    int AssociationId, int? Year, ReportBreakdown By, int Threshold,
    SuppressedTable Counts, SuppressedTable WorkOrStudiesAtExit, SuppressedTable WorkOrStudiesAfter90Days, SuppressedTable WorkOrStudiesAfter365Days,
    SuppressedTable IncomeTransition, SuppressedTable OccupationTransition, SuppressedTable ExitReasons,
    SuppressedTable Education, SuppressedTable AgeBands, SuppressedTable SupportTime, SuppressedTable TimeInIntervention,
    decimal? ReferencePercent, IReadOnlyList<ShareComparisonDto> Comparisons, SuppressedTable HealthTransition, IReadOnlyList<ExtraQuestionTableDto> ExtraQuestions);

/// <summary>
/// Reads episodes as Core's <see cref="EpisodeFacts"/> (never a person) and hands them to <see cref="ParticipantReport"/>.
/// Restricted participants count like anonymous ones: in the counts, not in the outcomes. Count-only interventions add
/// their monthly counts as participants without age, municipality or measurements.
/// </summary>
public sealed class ParticipantReportQueries(SamordnaDb db, ExtraQuestionDefinitions definitions)
{
    public const string UnknownAge = "Okänd ålder";

    /// <summary>The facts of one association, or of every association when <paramref name="associationId"/> is null (national figures).</summary>
    public async Task<List<EpisodeFacts>> FactsAsync(int? associationId, int? year)
    {
        var episodes = await db.Episodes.AsNoTracking().Where(e => (associationId == null || e.AssociationId == associationId) && (year == null || e.BudgetYear == year))
            .Select(e => new
            {
                e.Id, Intervention = e.Intervention!.Name, e.Gender, e.AgeBand, e.MunicipalityCode, e.BudgetYear, e.EnrolledOn, e.ExitedOn, e.ExitReason,
                e.Anonymous, Restricted = e.Participant != null && e.Participant.Restricted,
            }).ToListAsync();
        var ids = episodes.Where(e => !e.Anonymous && !e.Restricted).Select(e => e.Id).ToHashSet();
        var measurements = (await db.ParticipantMeasurements.AsNoTracking()
                .Where(m => (associationId == null || m.Episode!.AssociationId == associationId) && (year == null || m.Episode!.BudgetYear == year)).ToListAsync())
            .Where(m => ids.Contains(m.EpisodeId));
        var current = MeasurementRows.Current(measurements).ToLookup(m => m.EpisodeId);

        var facts = episodes.Select(e =>
        {
            var byPoint = current[e.Id].ToDictionary(m => m.Point);
            var enrolment = byPoint.GetValueOrDefault(MeasurementPoint.Enrolment);
            var exit = byPoint.GetValueOrDefault(MeasurementPoint.Exit);
            return new EpisodeFacts(e.Intervention, e.Gender, e.AgeBand, e.MunicipalityCode is { } code ? SwedishRegions.FindMunicipality(code)?.Name ?? code : null,
                e.BudgetYear, e.EnrolledOn, e.ExitedOn, e.ExitReason, e.Anonymous || e.Restricted,
                enrolment?.Occupation, exit?.Occupation, byPoint.GetValueOrDefault(MeasurementPoint.FollowUp90)?.Occupation,
                byPoint.GetValueOrDefault(MeasurementPoint.FollowUp365)?.Occupation,
                enrolment is null ? null : MeasurementRows.IncomeOf(enrolment), exit is null ? null : MeasurementRows.IncomeOf(exit),
                enrolment?.Education, enrolment?.MonthsOnSupport)
            {
                HealthBefore = enrolment?.SelfRatedHealth, HealthAtExit = exit?.SelfRatedHealth,
                Answers = byPoint.Values.Any(m => m.ExtraAnswers is not null)
                    ? byPoint.Where(m => m.Value.ExtraAnswers is not null).ToDictionary(m => m.Key, m => MeasurementRows.ExtraOf(m.Value))
                    : EpisodeFacts.NoAnswers,
            };
        }).ToList();

        var counted = await db.MonthlyCounts.AsNoTracking()
            .Where(m => (associationId == null || m.Intervention!.AssociationId == associationId) && (year == null || m.Year == year))
            .Select(m => new { Intervention = m.Intervention!.Name, m.Year, m.Month, m.Women, m.Men, m.Other }).ToListAsync();
        foreach (var m in counted)
            foreach (var (gender, n) in new[] { (Gender.Woman, m.Women), (Gender.Man, m.Men), (Gender.Other, m.Other) })
                for (var i = 0; i < n; i++)
                    facts.Add(new EpisodeFacts(m.Intervention, gender, UnknownAge, null, m.Year, new DateOnly(m.Year, m.Month, 1), null, null, true,
                        null, null, null, null, null, null, null, null));
        return facts;
    }

    /// <summary>
    /// The report of one association, or national (<paramref name="associationId"/> 0: every association, without own
    /// questions, which differ between associations). The national form has no endpoint yet (issue 7); the benchmark times it.
    /// </summary>
    public async Task<ParticipantReportDto> ReportAsync(int associationId, int? year, ReportBreakdown by, decimal? reference)
    {
        var facts = await FactsAsync(associationId == 0 ? null : associationId, year);
        const int t = CellSuppression.DefaultThreshold;
        var comparisons = reference is { } r
            ? Enum.GetValues<OutcomePoint>().Select(p => new ShareComparisonDto(p, ParticipantReport.CompareWithReference(facts, p, r, t))).ToList()
            : [];
        return new ParticipantReportDto(associationId, year, by, t,
            ParticipantReport.Counts(facts, by, t),
            ParticipantReport.WorkOrStudies(facts, OutcomePoint.Exit, by, t),
            ParticipantReport.WorkOrStudies(facts, OutcomePoint.After90Days, by, t),
            ParticipantReport.WorkOrStudies(facts, OutcomePoint.After365Days, by, t),
            ParticipantReport.IncomeTransition(facts, t), ParticipantReport.OccupationTransition(facts, t),
            ParticipantReport.ExitReasons(facts, by, t), ParticipantReport.EducationProfile(facts, by, t),
            ParticipantReport.AgeProfile(facts, by, t), ParticipantReport.SupportTimeProfile(facts, by, t),
            ParticipantReport.TimeInIntervention(facts, by, t), reference, comparisons, ParticipantReport.HealthTransition(facts, t),
            (await definitions.ListAsync(associationId)).Where(q => ExtraQuestionRules.IsCounted(q.Kind))
                .Select(q => new ExtraQuestionTableDto(q.Code, q.Wording, ParticipantReport.ExtraQuestion(facts, q.ToCore(), PointName, t))).ToList());
    }

    /// <summary>The row names of the own-question tables: the follow-ups by order, as their days may differ between interventions.</summary>
    public static string PointName(MeasurementPoint point) => point switch
    {
        MeasurementPoint.FollowUp90 => "Första uppföljningen",
        MeasurementPoint.FollowUp365 => "Andra uppföljningen",
        _ => ParticipantNames.Swedish(point),
    };

    /// <summary>"intervention", "gender", "ageBand", "municipality", "year" or their Swedish names; null when unknown.</summary>
    public static ReportBreakdown? ParseBreakdown(string? text) => (text ?? "").Trim().ToLowerInvariant() switch
    {
        "" or "intervention" or "insats" => ReportBreakdown.Intervention,
        "gender" or "kön" or "kon" => ReportBreakdown.Gender,
        "ageband" or "age" or "ålder" or "åldersgrupp" => ReportBreakdown.AgeBand,
        "municipality" or "kommun" => ReportBreakdown.Municipality,
        "year" or "år" or "budgetår" => ReportBreakdown.Year,
        _ => null,
    };

    public static string Swedish(ReportBreakdown by) => by switch
    {
        ReportBreakdown.Intervention => "Insats",
        ReportBreakdown.Gender => "Kön",
        ReportBreakdown.AgeBand => "Åldersgrupp",
        ReportBreakdown.Municipality => "Kommun",
        _ => "Budgetår",
    };
}

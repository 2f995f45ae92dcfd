using Microsoft.EntityFrameworkCore;
using Samordna.Core.Measurement;
using Samordna.Core.Participants;
using Samordna.Core.Reference;
using Samordna.Web.Data;

namespace Samordna.Web.Features.Participants;

public sealed record ShareComparisonDto(OutcomePoint Point, ShareComparison? Comparison);

/// <summary>The counted answers to one of the association's yes/no or choice questions, by measurement point.</summary>
public sealed record ExtraQuestionTableDto(string Code, string Wording, SuppressedTable Table);

/// <summary>
/// The tallies behind the participant count and the work-or-studies shares by intervention (at exit, the first and the
/// second follow-up), for <see cref="ParticipantReport.Counts(IEnumerable{EpisodeTally}, int)"/> and
/// <see cref="ParticipantReport.WorkOrStudies(IEnumerable{OccupationTally}, int)"/>.
/// </summary>
public sealed record InterventionTallies(IReadOnlyList<EpisodeTally> Episodes, IReadOnlyList<OccupationTally> AtExit,
    IReadOnlyList<OccupationTally> After90Days, IReadOnlyList<OccupationTally> After365Days)
{
    public IReadOnlyList<OccupationTally> At(OutcomePoint point) => point switch
    {
        OutcomePoint.Exit => AtExit,
        OutcomePoint.After90Days => After90Days,
        _ => After365Days,
    };
}

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

    /// <summary>A current measurement as the report needs it: no person, no history, no who-recorded-it.</summary>
    private sealed record MeasuredRow(int EpisodeId, MeasurementPoint Point, string? IncomeSources, Occupation? Occupation, Education? Education,
        int? MonthsOnSupport, int? SelfRatedHealth, string? ExtraAnswers);

    /// <summary>
    /// The facts of one association, or of every association when <paramref name="associationId"/> is null (national
    /// figures). Only the current measurements (no later row corrects them) of episodes whose outcomes may be used are
    /// read, as narrow rows: the database does the filtering, so 500,000 episodes stay a few seconds (docs/benchmarks.md).
    /// </summary>
    public async Task<List<EpisodeFacts>> FactsAsync(int? associationId, int? year, bool withAnswers = true)
    {
        var episodes = await Episodes(associationId, year)
            .Select(e => new
            {
                e.Id, e.InterventionId, e.Gender, e.AgeBand, e.MunicipalityCode, e.BudgetYear, e.EnrolledOn, e.ExitedOn, e.ExitReason,
                e.Anonymous, Restricted = e.Participant != null && e.Participant.Restricted,
            }).ToListAsync();
        var names = await db.Interventions.AsNoTracking().Where(i => associationId == null || i.AssociationId == associationId).ToDictionaryAsync(i => i.Id, i => i.Name);
        var rows = await UsableMeasurements(associationId, year)
            .Select(m => new MeasuredRow(m.EpisodeId, m.Point, m.IncomeSources, m.Occupation, m.Education, m.MonthsOnSupport, m.SelfRatedHealth,
                withAnswers ? m.ExtraAnswers : null))
            .ToListAsync();
        var points = Enum.GetValues<MeasurementPoint>().Length;
        var byEpisode = new Dictionary<int, MeasuredRow?[]>(rows.Count / 2);
        foreach (var row in rows)
        {
            if (!byEpisode.TryGetValue(row.EpisodeId, out var slots)) byEpisode[row.EpisodeId] = slots = new MeasuredRow?[points];
            slots[(int)row.Point] = row;
        }
        // Few distinct income combinations and municipalities: parse each once.
        var incomes = new Dictionary<string, IReadOnlySet<IncomeSource>>();
        IReadOnlySet<IncomeSource>? Income(MeasuredRow? m) => m?.IncomeSources is not { } text ? m is null ? null : new HashSet<IncomeSource>()
            : incomes.TryGetValue(text, out var set) ? set : incomes[text] = MeasurementRows.IncomeOf(text);
        var municipalities = new Dictionary<string, string>();
        string? Municipality(string? code) => code is null ? null
            : municipalities.TryGetValue(code, out var name) ? name : municipalities[code] = SwedishRegions.FindMunicipality(code)?.Name ?? code;

        var empty = new MeasuredRow?[points];
        var facts = episodes.Select(e =>
        {
            var slots = byEpisode.GetValueOrDefault(e.Id) ?? empty;
            var (enrolment, exit) = (slots[(int)MeasurementPoint.Enrolment], slots[(int)MeasurementPoint.Exit]);
            return new EpisodeFacts(names[e.InterventionId], e.Gender, e.AgeBand, Municipality(e.MunicipalityCode),
                e.BudgetYear, e.EnrolledOn, e.ExitedOn, e.ExitReason, e.Anonymous || e.Restricted,
                enrolment?.Occupation, exit?.Occupation, slots[(int)MeasurementPoint.FollowUp90]?.Occupation, slots[(int)MeasurementPoint.FollowUp365]?.Occupation,
                enrolment is null ? null : Income(enrolment), exit is null ? null : Income(exit), enrolment?.Education, enrolment?.MonthsOnSupport)
            {
                HealthBefore = enrolment?.SelfRatedHealth, HealthAtExit = exit?.SelfRatedHealth,
                Answers = slots.Any(m => m?.ExtraAnswers is not null)
                    ? slots.Where(m => m?.ExtraAnswers is not null).ToDictionary(m => m!.Point, m => MeasurementRows.ExtraOf(m!.ExtraAnswers))
                    : EpisodeFacts.NoAnswers,
            };
        }).ToList();

        var counted = await MonthlyCounts(associationId, year)
            .Select(m => new { Intervention = m.Intervention!.Name, m.Year, m.Month, m.Women, m.Men, m.Other }).ToListAsync();
        foreach (var m in counted)
            foreach (var (gender, n) in new[] { (Gender.Woman, m.Women), (Gender.Man, m.Men), (Gender.Other, m.Other) })
                for (var i = 0; i < n; i++)
                    facts.Add(new EpisodeFacts(m.Intervention, gender, UnknownAge, null, m.Year, new DateOnly(m.Year, m.Month, 1), null, null, true,
                        null, null, null, null, null, null, null, null));
        return facts;
    }

    /// <summary>
    /// The participant count and the work-or-studies shares of one association by intervention, counted in SQL: the same
    /// tables as <see cref="ParticipantReport.Counts(IEnumerable{EpisodeFacts}, ReportBreakdown, int)"/> and
    /// <see cref="ParticipantReport.WorkOrStudies(IEnumerable{EpisodeFacts}, OutcomePoint, ReportBreakdown, int)"/> give
    /// from <see cref="FactsAsync"/>, without reading an episode (the annual report; docs/benchmarks.md). The database
    /// only groups by the columns the rules need; which episodes count and what is work or studies stays in Core.
    /// </summary>
    public async Task<InterventionTallies> ByInterventionAsync(int associationId, int? year)
    {
        var names = await db.Interventions.AsNoTracking().Where(i => i.AssociationId == associationId).ToDictionaryAsync(i => i.Id, i => i.Name);
        var episodes = await Episodes(associationId, year).GroupBy(e => new { e.InterventionId, e.Gender, e.ExitReason })
            .Select(g => new { g.Key.InterventionId, g.Key.Gender, g.Key.ExitReason, Count = g.LongCount() }).ToListAsync();
        var monthly = await MonthlyCounts(associationId, year).GroupBy(m => m.InterventionId)
            .Select(g => new { InterventionId = g.Key, Women = g.Sum(m => (long)m.Women), Men = g.Sum(m => (long)m.Men), Other = g.Sum(m => (long)m.Other) })
            .ToListAsync();
        var occupations = await UsableMeasurements(associationId, year)
            .Where(m => m.Occupation != null && m.Point != MeasurementPoint.Enrolment)
            .GroupBy(m => new { m.Episode!.InterventionId, m.Point, m.Occupation, m.Episode.ExitReason, Exited = m.Episode.ExitedOn != null })
            .Select(g => new { g.Key.InterventionId, g.Key.Point, g.Key.Occupation, g.Key.ExitReason, g.Key.Exited, Count = g.LongCount() })
            .ToListAsync();
        // Count-only interventions' monthly counts are participants without exit or measurements, as in FactsAsync.
        var tallies = episodes.Select(e => new EpisodeTally(names[e.InterventionId], e.Gender, e.ExitReason, e.Count))
            .Concat(monthly.SelectMany(m => new[] { (Gender.Woman, m.Women), (Gender.Man, m.Men), (Gender.Other, m.Other) }
                .Select(x => new EpisodeTally(names[m.InterventionId], x.Item1, null, x.Item2))))
            .ToList();
        IReadOnlyList<OccupationTally> At(MeasurementPoint point) => occupations.Where(o => o.Point == point)
            .Select(o => new OccupationTally(names[o.InterventionId], o.Exited, o.ExitReason, o.Occupation!.Value, o.Count)).ToList();
        return new InterventionTallies(tallies, At(MeasurementPoint.Exit), At(MeasurementPoint.FollowUp90), At(MeasurementPoint.FollowUp365));
    }

    private IQueryable<Episode> Episodes(int? associationId, int? year)
    {
        var episodes = db.Episodes.AsNoTracking();
        if (associationId is { } a) episodes = episodes.Where(e => e.AssociationId == a);
        return year is { } y ? episodes.Where(e => e.BudgetYear == y) : episodes;
    }

    /// <summary>
    /// The measurements whose answers a report may use: current (no later row corrects them, found on the unique
    /// CorrectsId index) and of an episode that is neither anonymous nor of a restricted person.
    /// </summary>
    private IQueryable<ParticipantMeasurement> UsableMeasurements(int? associationId, int? year)
    {
        var rows = db.ParticipantMeasurements.AsNoTracking();
        if (associationId is { } a) rows = rows.Where(m => m.Episode!.AssociationId == a);
        if (year is { } y) rows = rows.Where(m => m.Episode!.BudgetYear == y);
        return rows.Where(m => !m.Episode!.Anonymous && !(m.Episode.Participant != null && m.Episode.Participant.Restricted)
            && !db.ParticipantMeasurements.Any(c => c.CorrectsId == m.Id));
    }

    private IQueryable<MonthlyCount> MonthlyCounts(int? associationId, int? year)
    {
        var counts = db.MonthlyCounts.AsNoTracking();
        if (associationId is { } a) counts = counts.Where(m => m.Intervention!.AssociationId == a);
        return year is { } y ? counts.Where(m => m.Year == y) : counts;
    }

    /// <summary>
    /// The report of one association, or national (<paramref name="associationId"/> 0: every association, without own
    /// questions, which differ between associations). The national form has no endpoint yet (issue 7); the benchmark times it.
    /// </summary>
    public async Task<ParticipantReportDto> ReportAsync(int associationId, int? year, ReportBreakdown by, decimal? reference)
    {
        var questions = associationId == 0 ? [] : (await definitions.ListAsync(associationId)).Where(q => ExtraQuestionRules.IsCounted(q.Kind)).ToList();
        var facts = await FactsAsync(associationId == 0 ? null : associationId, year, withAnswers: questions.Count > 0);
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
            questions.Select(q => new ExtraQuestionTableDto(q.Code, q.Wording, ParticipantReport.ExtraQuestion(facts, q.ToCore(), PointName, t))).ToList());
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

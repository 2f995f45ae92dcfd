using Samordna.Core.Measurement;

namespace Samordna.Core.Participants;

/// <summary>
/// One episode as reports see it: no identity, only what the breakdowns and outcomes need. Anonymous participants
/// have no measurements, so they count in the intervention report's counts but not in the outcome tables.
/// </summary>
public sealed record EpisodeFacts(
    string Intervention, Gender Gender, string AgeBand, string? Municipality, int Year,
    DateOnly EnrolledOn, DateOnly? ExitedOn, ExitReason? ExitReason, bool Anonymous,
    Occupation? OccupationBefore, Occupation? OccupationAtExit, Occupation? OccupationAt90, Occupation? OccupationAt365,
    IReadOnlySet<IncomeSource>? IncomeBefore, IReadOnlySet<IncomeSource>? IncomeAtExit,
    Education? Education, int? MonthsOnSupportBefore)
{
    /// <summary>Self-rated health (1–5) at enrolment and at exit.</summary>
    public int? HealthBefore { get; init; }
    public int? HealthAtExit { get; init; }
    /// <summary>Answers to the association's own questions by point (code → answer); empty for anonymous participants.</summary>
    public IReadOnlyDictionary<MeasurementPoint, IReadOnlyDictionary<string, string>> Answers { get; init; } = NoAnswers;

    public static readonly IReadOnlyDictionary<MeasurementPoint, IReadOnlyDictionary<string, string>> NoAnswers =
        new Dictionary<MeasurementPoint, IReadOnlyDictionary<string, string>>();
}

/// <summary>
/// Episodes alike in what the participant count needs, counted: one episode (count 1) or a row of a grouped SQL count.
/// The rules (which episodes count, the categories) are applied to tallies, so both give the same table.
/// </summary>
public sealed record EpisodeTally(string Group, Gender Gender, ExitReason? ExitReason, long Count);

/// <summary>Current occupations measured at one point, counted alike: what the work-or-studies share needs.</summary>
public sealed record OccupationTally(string Group, bool Exited, ExitReason? ExitReason, Occupation Occupation, long Count);

public enum ReportBreakdown { Intervention, Gender, AgeBand, Municipality, Year }

public enum OutcomePoint { Exit, After90Days, After365Days }

/// <summary>The share in work or studies at one point, compared with a reference share (e.g. 6 % in ordinary services).</summary>
public sealed record ShareComparison(long InWorkOrStudies, long Measured, decimal Percent, decimal Low, decimal High, decimal Reference, bool DiffersFromReference);

/// <summary>The participant report of seed 003's kind, every table protected against small cells.</summary>
public static class ParticipantReport
{
    public static readonly IReadOnlyList<string> YesNo = ["I arbete eller studier", "Inte i arbete eller studier"];

    /// <summary>Income grouped by payer, for before → after transitions (a person with several sources lands in one group).</summary>
    public static readonly IReadOnlyList<string> IncomeGroups = ["Egen försörjning", "Ersättning från Försäkringskassan", "Ersättning från Arbetsförmedlingen", "Ekonomiskt bistånd", "Annan eller ingen försörjning"];

    public static string IncomeGroupOf(IReadOnlySet<IncomeSource> sources)
    {
        if (ParticipantNames.IsSelfSupporting(sources)) return IncomeGroups[0];
        if (sources.Contains(IncomeSource.SocialAssistance)) return IncomeGroups[3];
        if (sources.Overlaps([IncomeSource.SicknessBenefit, IncomeSource.SicknessOrActivityCompensation])) return IncomeGroups[1];
        if (sources.Overlaps([IncomeSource.UnemploymentBenefit, IncomeSource.EstablishmentAllowance, IncomeSource.ActivityCompensation])) return IncomeGroups[2];
        return IncomeGroups[4];
    }

    public static string GroupOf(EpisodeFacts e, ReportBreakdown by) => by switch
    {
        ReportBreakdown.Intervention => e.Intervention,
        ReportBreakdown.Gender => ParticipantNames.Swedish(e.Gender),
        ReportBreakdown.AgeBand => e.AgeBand,
        ReportBreakdown.Municipality => e.Municipality ?? "Okänd kommun",
        _ => e.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static IEnumerable<EpisodeFacts> Counted(IEnumerable<EpisodeFacts> episodes) =>
        episodes.Where(e => EpisodeRules.CountsInStatistics(e.ExitReason));

    public static Occupation? OccupationAt(EpisodeFacts e, OutcomePoint point) => point switch
    {
        OutcomePoint.Exit => e.OccupationAtExit,
        OutcomePoint.After90Days => e.OccupationAt90,
        _ => e.OccupationAt365,
    };

    /// <summary>Participants by group and gender, anonymous ones included: the national follow-up's count.</summary>
    public static SuppressedTable Counts(IEnumerable<EpisodeFacts> episodes, ReportBreakdown by, int threshold = CellSuppression.DefaultThreshold) =>
        Counts(episodes.Select(e => new EpisodeTally(GroupOf(e, by), e.Gender, e.ExitReason, 1)), threshold);

    /// <summary>The same table from episodes counted beforehand (a grouped SQL count): the rules stay here.</summary>
    public static SuppressedTable Counts(IEnumerable<EpisodeTally> tallies, int threshold = CellSuppression.DefaultThreshold) =>
        OutcomeTable.Counted(tallies.Where(t => EpisodeRules.CountsInStatistics(t.ExitReason)).Select(t => (t.Group, ParticipantNames.Swedish(t.Gender), t.Count)),
            Enum.GetValues<Gender>().Select(ParticipantNames.Swedish).ToList(), threshold);

    public static SuppressedTable WorkOrStudies(IEnumerable<EpisodeFacts> episodes, OutcomePoint point, ReportBreakdown by, int threshold = CellSuppression.DefaultThreshold) =>
        WorkOrStudies(episodes.Where(e => OccupationAt(e, point) is not null)
            .Select(e => new OccupationTally(GroupOf(e, by), e.ExitedOn is not null, e.ExitReason, OccupationAt(e, point)!.Value, 1)), threshold);

    /// <summary>The share in work or studies at one point from occupations counted beforehand (a grouped SQL count).</summary>
    public static SuppressedTable WorkOrStudies(IEnumerable<OccupationTally> tallies, int threshold = CellSuppression.DefaultThreshold) =>
        OutcomeTable.Counted(tallies.Where(t => t.Exited && EpisodeRules.CountsInStatistics(t.ExitReason))
            .Select(t => (t.Group, ParticipantNames.IsWorkOrStudies(t.Occupation) ? YesNo[0] : YesNo[1], t.Count)), YesNo, threshold);

    public static SuppressedTable OccupationTransition(IEnumerable<EpisodeFacts> episodes, int threshold = CellSuppression.DefaultThreshold)
    {
        var names = Enum.GetValues<Occupation>().Select(ParticipantNames.Swedish).ToList();
        return OutcomeTable.Build(Counted(episodes).Where(e => e.OccupationBefore is not null && e.OccupationAtExit is not null)
            .Select(e => (ParticipantNames.Swedish(e.OccupationBefore!.Value), ParticipantNames.Swedish(e.OccupationAtExit!.Value))), names, threshold, names);
    }

    public static SuppressedTable IncomeTransition(IEnumerable<EpisodeFacts> episodes, int threshold = CellSuppression.DefaultThreshold) =>
        OutcomeTable.Build(Counted(episodes).Where(e => e.IncomeBefore is { Count: > 0 } && e.IncomeAtExit is { Count: > 0 })
            .Select(e => (IncomeGroupOf(e.IncomeBefore!), IncomeGroupOf(e.IncomeAtExit!))), IncomeGroups, threshold, IncomeGroups);

    public static SuppressedTable ExitReasons(IEnumerable<EpisodeFacts> episodes, ReportBreakdown by, int threshold = CellSuppression.DefaultThreshold) =>
        OutcomeTable.Build(Counted(episodes).Where(e => e.ExitReason is not null).Select(e => (GroupOf(e, by), ParticipantNames.Swedish(e.ExitReason!.Value))),
            Enum.GetValues<ExitReason>().Where(r => r != ExitReason.RegisteredByMistake).Select(ParticipantNames.Swedish).ToList(), threshold);

    public static readonly IReadOnlyList<string> HealthLevels = ["1 Mycket dålig", "2 Dålig", "3 Varken bra eller dålig", "4 Bra", "5 Mycket bra"];

    /// <summary>Self-rated health at enrolment (rows) and at exit (columns), for those measured at both.</summary>
    public static SuppressedTable HealthTransition(IEnumerable<EpisodeFacts> episodes, int threshold = CellSuppression.DefaultThreshold) =>
        OutcomeTable.Build(Counted(episodes).Where(e => e.HealthBefore is >= 1 and <= 5 && e.HealthAtExit is >= 1 and <= 5)
            .Select(e => (HealthLevels[e.HealthBefore!.Value - 1], HealthLevels[e.HealthAtExit!.Value - 1])), HealthLevels, threshold, HealthLevels);

    /// <summary>
    /// The answers to one of the association's yes/no or choice questions, one row per measurement point (the point's
    /// name as <paramref name="pointName"/> words it); numbers and free text are never counted here.
    /// </summary>
    public static SuppressedTable ExtraQuestion(IEnumerable<EpisodeFacts> episodes, ExtraQuestion question, Func<MeasurementPoint, string> pointName,
        int threshold = CellSuppression.DefaultThreshold)
    {
        var points = Enum.GetValues<MeasurementPoint>();
        return OutcomeTable.Build(Counted(episodes).SelectMany(e => points
                .Where(p => e.Answers.TryGetValue(p, out var a) && a.ContainsKey(question.Code))
                .Select(p => (pointName(p), e.Answers[p][question.Code]))),
            ExtraQuestionRules.Categories(question), threshold, points.Select(pointName).ToList());
    }

    /// <summary>Time in the intervention, enrolment to exit, in bands (exited episodes only).</summary>
    public static readonly IReadOnlyList<string> TimeInInterventionBands = ["Under 3 månader", "3–5 månader", "6–11 månader", "1–2 år", "2 år eller längre"];

    public static string TimeInInterventionBand(DateOnly enrolledOn, DateOnly exitedOn)
    {
        var months = (exitedOn.Year - enrolledOn.Year) * 12 + exitedOn.Month - enrolledOn.Month - (exitedOn.Day < enrolledOn.Day ? 1 : 0);
        return months switch { < 3 => TimeInInterventionBands[0], < 6 => TimeInInterventionBands[1], < 12 => TimeInInterventionBands[2], < 24 => TimeInInterventionBands[3], _ => TimeInInterventionBands[4] };
    }

    /// <summary>The participants' profile at enrolment: highest completed education by group (those measured).</summary>
    public static SuppressedTable EducationProfile(IEnumerable<EpisodeFacts> episodes, ReportBreakdown by, int threshold = CellSuppression.DefaultThreshold) =>
        OutcomeTable.Build(Counted(episodes).Where(e => e.Education is not null).Select(e => (GroupOf(e, by), ParticipantNames.Swedish(e.Education!.Value))),
            Enum.GetValues<Education>().Select(ParticipantNames.Swedish).ToList(), threshold);

    /// <summary>Age bands by group; anonymous participants included (they keep their band).</summary>
    public static SuppressedTable AgeProfile(IEnumerable<EpisodeFacts> episodes, ReportBreakdown by, int threshold = CellSuppression.DefaultThreshold) =>
        OutcomeTable.Build(Counted(episodes).Select(e => (GroupOf(e, by), e.AgeBand)), AgeBands.All.Select(b => b.Label).ToList(), threshold);

    /// <summary>Time on public support before enrolment, in the bands of <see cref="SupportTime"/> (those measured).</summary>
    public static SuppressedTable SupportTimeProfile(IEnumerable<EpisodeFacts> episodes, ReportBreakdown by, int threshold = CellSuppression.DefaultThreshold) =>
        OutcomeTable.Build(Counted(episodes).Where(e => e.MonthsOnSupportBefore is not null).Select(e => (GroupOf(e, by), SupportTime.Band(e.MonthsOnSupportBefore!.Value))),
            SupportTime.Bands.Select(b => b.Label).ToList(), threshold);

    /// <summary>Time from enrolment to exit by group; anonymous participants included (they keep their dates).</summary>
    public static SuppressedTable TimeInIntervention(IEnumerable<EpisodeFacts> episodes, ReportBreakdown by, int threshold = CellSuppression.DefaultThreshold) =>
        OutcomeTable.Build(Counted(episodes).Where(e => e.ExitedOn is not null).Select(e => (GroupOf(e, by), TimeInInterventionBand(e.EnrolledOn, e.ExitedOn!.Value))),
            TimeInInterventionBands, threshold);

    /// <summary>Our share with its 95 % Wilson interval against a reference share; null below the threshold.</summary>
    public static ShareComparison? CompareWithReference(IEnumerable<EpisodeFacts> episodes, OutcomePoint point, decimal referencePercent, int threshold = CellSuppression.DefaultThreshold)
    {
        var measured = Counted(episodes).Where(e => e.ExitedOn is not null && OccupationAt(e, point) is not null).ToList();
        var yes = measured.LongCount(e => ParticipantNames.IsWorkOrStudies(OccupationAt(e, point)!.Value));
        if (measured.Count < threshold || yes is > 0 and var y && y < threshold || measured.Count - yes is > 0 and var n && n < threshold) return null;
        var (low, high) = Statistics.Wilson(yes, measured.Count);
        decimal Pct(double v) => decimal.Round((decimal)v * 100, 1);
        return new ShareComparison(yes, measured.Count, decimal.Round(100m * yes / measured.Count, 1), Pct(low), Pct(high), referencePercent,
            referencePercent < Pct(low) || referencePercent > Pct(high));
    }
}

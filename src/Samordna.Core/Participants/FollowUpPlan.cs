using Samordna.Core.Common;

namespace Samordna.Core.Participants;

/// <summary>
/// The two follow-ups after exit an association (or one intervention) uses: the first (by default 90 days, ± 30)
/// and the second (by default 365 days, ± 60). They are stored as the points FollowUp90 and FollowUp365, so a
/// report always has "the first" and "the second" follow-up whatever days were chosen.
/// </summary>
public sealed record FollowUpPlan(FollowUpRule First, FollowUpRule Second)
{
    public static readonly FollowUpPlan Default = new(EpisodeRules.DefaultFollowUps[0], EpisodeRules.DefaultFollowUps[1]);

    /// <summary>Longest follow-up the rules accept: five years, the same as the retention of identity.</summary>
    public const int MaxDays = 1825;

    /// <summary>The rule of a follow-up point, or null for enrolment and exit.</summary>
    public FollowUpRule? RuleFor(MeasurementPoint point) => point switch
    {
        MeasurementPoint.FollowUp90 => First,
        MeasurementPoint.FollowUp365 => Second,
        _ => null,
    };

    public IEnumerable<(MeasurementPoint Point, FollowUpRule Rule)> Points =>
        [(MeasurementPoint.FollowUp90, First), (MeasurementPoint.FollowUp365, Second)];

    /// <summary>"Uppföljning efter 90 dagar (± 30)": the point as this plan words it.</summary>
    public string Label(MeasurementPoint point) => RuleFor(point) is { } rule ? $"{Ordinal(point)} uppföljningen, {Days(rule.DaysAfterExit)} efter utskrivningen (± {rule.WindowDays} dagar)" : ParticipantNames.Swedish(point);

    private static string Ordinal(MeasurementPoint point) => point == MeasurementPoint.FollowUp90 ? "Första" : "Andra";

    public static string Days(int days) => days % 365 == 0 ? (days == 365 ? "ett år" : $"{days / 365} år") : $"{days} dagar";

    /// <summary>
    /// A follow-up comes after exit and its window must not open before exit; the second comes after the first and
    /// their windows do not overlap, so a date belongs to at most one follow-up.
    /// </summary>
    public static Result<FollowUpPlan> Check(int? firstDays, int? firstWindow, int? secondDays, int? secondWindow)
    {
        var errors = new List<FieldError>();
        Rule(firstDays, firstWindow, "first", "Första uppföljningen", errors);
        Rule(secondDays, secondWindow, "second", "Andra uppföljningen", errors);
        if (errors.Count == 0)
        {
            if (secondDays <= firstDays)
                errors.Add(new("secondDays", $"Andra uppföljningen ska komma efter den första ({firstDays} dagar)."));
            else if (secondDays - secondWindow <= firstDays + firstWindow)
                errors.Add(new("secondWindowDays", $"Fönstren överlappar: den första uppföljningen kan göras till och med dag {firstDays + firstWindow}, den andra från dag {secondDays - secondWindow}. Minska fönstren eller flytta den andra uppföljningen."));
        }
        return errors.Count > 0 ? Result<FollowUpPlan>.Fail(errors) : Result<FollowUpPlan>.Ok(new(new(firstDays!.Value, firstWindow!.Value), new(secondDays!.Value, secondWindow!.Value)));
    }

    private static void Rule(int? days, int? window, string prefix, string label, List<FieldError> errors)
    {
        if (days is null) errors.Add(new($"{prefix}Days", $"{label}: ange antal dagar efter utskrivningen (1–{MaxDays})."));
        else if (days is < 1 or > MaxDays) errors.Add(new($"{prefix}Days", $"{label}: antal dagar efter utskrivningen ska vara 1–{MaxDays}, inte {days}."));
        if (window is null) errors.Add(new($"{prefix}WindowDays", $"{label}: ange fönstret i dagar före och efter (0 eller fler)."));
        else if (window < 0) errors.Add(new($"{prefix}WindowDays", $"{label}: fönstret kan inte vara negativt."));
        else if (days is >= 1 and <= MaxDays && window >= days)
            errors.Add(new($"{prefix}WindowDays", $"{label}: fönstret ({window} dagar) ska vara kortare än tiden efter utskrivningen ({days} dagar), annars öppnar det före utskrivningen."));
    }
}

namespace Samordna.Core.Participants;

/// <summary>Försörjning: where a person's money comes from. A person may have several at once.</summary>
public enum IncomeSource
{
    Salary, SubsidisedSalary, StudentAid, ActivityCompensation, SicknessBenefit, SicknessOrActivityCompensation,
    SocialAssistance, UnemploymentBenefit, EstablishmentAllowance, OtherBenefit, NoIncome,
}

/// <summary>Sysselsättning: what the person mainly does.</summary>
public enum Occupation
{
    Work, SubsidisedWork, Studies, JobSeeking, LabourMarketProgramme, RehabilitationOrTreatment, SickLeave, ParentalLeave, None, Other,
}

/// <summary>Högsta avslutade utbildning.</summary>
public enum Education
{
    CompulsoryUnder9Years, Compulsory9Years, UpperSecondaryIncomplete, UpperSecondary, PostSecondaryUnder3Years, PostSecondary3YearsOrMore, Unknown,
}

/// <summary>Avslutsanledning. A mistaken registration is excluded from every statistic.</summary>
public enum ExitReason
{
    Work, Studies, OtherActor, Interrupted, Moved, Health, ConsentWithdrawn, RegisteredByMistake, Other,
}

public enum Gender { Woman, Man, Other }

/// <summary>When a measurement was taken: at enrolment, at exit, or at a follow-up after exit.</summary>
public enum MeasurementPoint { Enrolment, Exit, FollowUp90, FollowUp365 }

/// <summary>Swedish names of the value lists, as the national follow-up and the associations' reports word them.</summary>
public static class ParticipantNames
{
    public static string Swedish(IncomeSource s) => s switch
    {
        IncomeSource.Salary => "Lön",
        IncomeSource.SubsidisedSalary => "Lön med stöd (subventionerad anställning)",
        IncomeSource.StudentAid => "Studiemedel",
        IncomeSource.ActivityCompensation => "Aktivitetsstöd eller utvecklingsersättning",
        IncomeSource.SicknessBenefit => "Sjukpenning eller rehabiliteringspenning",
        IncomeSource.SicknessOrActivityCompensation => "Sjukersättning eller aktivitetsersättning",
        IncomeSource.SocialAssistance => "Ekonomiskt bistånd (försörjningsstöd)",
        IncomeSource.UnemploymentBenefit => "Arbetslöshetsersättning",
        IncomeSource.EstablishmentAllowance => "Etableringsersättning",
        IncomeSource.OtherBenefit => "Annan ersättning",
        IncomeSource.NoIncome => "Ingen egen försörjning",
        _ => s.ToString(),
    };

    public static string Swedish(Occupation o) => o switch
    {
        Occupation.Work => "Arbete",
        Occupation.SubsidisedWork => "Arbete med stöd",
        Occupation.Studies => "Studier",
        Occupation.JobSeeking => "Arbetssökande",
        Occupation.LabourMarketProgramme => "Arbetsmarknadsinsats",
        Occupation.RehabilitationOrTreatment => "Rehabilitering eller behandling",
        Occupation.SickLeave => "Sjukskriven",
        Occupation.ParentalLeave => "Föräldraledig",
        Occupation.None => "Ingen sysselsättning",
        Occupation.Other => "Annan sysselsättning",
        _ => o.ToString(),
    };

    public static string Swedish(Education e) => e switch
    {
        Education.CompulsoryUnder9Years => "Förgymnasial kortare än 9 år",
        Education.Compulsory9Years => "Grundskola 9 år",
        Education.UpperSecondaryIncomplete => "Gymnasium, ej fullföljt",
        Education.UpperSecondary => "Gymnasium",
        Education.PostSecondaryUnder3Years => "Eftergymnasial kortare än 3 år",
        Education.PostSecondary3YearsOrMore => "Eftergymnasial 3 år eller längre",
        Education.Unknown => "Okänd",
        _ => e.ToString(),
    };

    public static string Swedish(ExitReason r) => r switch
    {
        ExitReason.Work => "Arbete",
        ExitReason.Studies => "Studier",
        ExitReason.OtherActor => "Till annan aktör",
        ExitReason.Interrupted => "Avbrott",
        ExitReason.Moved => "Flyttat",
        ExitReason.Health => "Hälsoskäl",
        ExitReason.ConsentWithdrawn => "Samtycke återkallat",
        ExitReason.RegisteredByMistake => "Felregistrering",
        ExitReason.Other => "Annat",
        _ => r.ToString(),
    };

    public static string Swedish(MeasurementPoint p) => p switch
    {
        MeasurementPoint.Enrolment => "Inskrivning",
        MeasurementPoint.Exit => "Utskrivning",
        MeasurementPoint.FollowUp90 => "Uppföljning efter 90 dagar",
        MeasurementPoint.FollowUp365 => "Uppföljning efter ett år",
        _ => p.ToString(),
    };

    public static string Swedish(Gender g) => g switch { Gender.Woman => "Kvinna", Gender.Man => "Man", _ => "Annat/vill ej ange" };

    /// <summary>"In work or studies" as the seeds count it: ordinary or subsidised work, or studies.</summary>
    public static bool IsWorkOrStudies(Occupation o) => o is Occupation.Work or Occupation.SubsidisedWork or Occupation.Studies;

    /// <summary>Self-supporting: salary or student aid only, no benefit besides.</summary>
    public static bool IsSelfSupporting(IReadOnlySet<IncomeSource> sources) =>
        sources.Count > 0 && sources.All(s => s is IncomeSource.Salary or IncomeSource.SubsidisedSalary or IncomeSource.StudentAid);
}

/// <summary>Age bands for reports: narrow where Finsam's young adults are, wider later.</summary>
public static class AgeBands
{
    public static readonly IReadOnlyList<(int From, int To, string Label)> All =
    [
        (0, 15, "Under 16"), (16, 19, "16–19"), (20, 24, "20–24"), (25, 29, "25–29"), (30, 39, "30–39"),
        (40, 49, "40–49"), (50, 59, "50–59"), (60, 64, "60–64"), (65, 200, "65 eller äldre"),
    ];

    public static string Of(int age) => All.First(b => age >= b.From && age <= b.To).Label;
}

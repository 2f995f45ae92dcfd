using Microsoft.EntityFrameworkCore;
using Samordna.Core.Participants;
using Samordna.Web.Data;
using Samordna.Web.Features.Participants;

namespace Samordna.Web.Features.Demo;

/// <summary>
/// Invented participants for the Sydöstra Skåne demo's three individual interventions (seed 002 gives no participant
/// data): about 150 episodes with plausible enrolments, measurements, exits and follow-ups, some anonymous, one
/// mistaken registration and one withdrawn consent per intervention where it fits. Names are invented and identity
/// numbers come from <see cref="FictitiousIdentity"/>. Everything goes through the real handlers, so the demo fails
/// loudly if the rules refuse it.
/// </summary>
public sealed class DemoParticipants(SamordnaDb db, EnrolParticipant enrol, EpisodeCommands commands, ExtraQuestionDefinitions definitions)
{
    private sealed record Profile(string Intervention, DateOnly From, DateOnly LastEnrolment, DateOnly? EndsOn, int Count, int MinAge, int MaxAge,
        double Women, double Anonymous, double WorkOrStudies, IncomeSource[] IncomeBefore, Occupation[] OccupationBefore);

    private static readonly Profile[] Profiles =
    [
        // Newly arrived people with coordinators in four municipalities; ended a year early (Dec 2019).
        new("Arena för arbete", new(2018, 2, 1), new(2019, 8, 31), new(2019, 12, 31), 60, 19, 58, 0.45, 0.10, 0.38,
            [IncomeSource.EstablishmentAllowance, IncomeSource.SocialAssistance, IncomeSource.ActivityCompensation],
            [Occupation.LabourMarketProgramme, Occupation.JobSeeking, Occupation.Studies]),
        // Pre-rehabilitation for people far from work; long stays, modest outcomes.
        new("Möjligheternas hus", new(2018, 8, 1), new(2020, 6, 30), new(2020, 12, 31), 48, 22, 62, 0.62, 0.08, 0.21,
            [IncomeSource.SocialAssistance, IncomeSource.SicknessBenefit, IncomeSource.SicknessOrActivityCompensation],
            [Occupation.SickLeave, Occupation.RehabilitationOrTreatment, Occupation.None]),
        // Young people with addiction and mental ill-health; still running, so the last ones are still enrolled.
        new("Maria Skåne Sydost", new(2019, 5, 1), new(2021, 10, 31), null, 40, 16, 25, 0.55, 0.15, 0.45,
            [IncomeSource.NoIncome, IncomeSource.StudentAid, IncomeSource.SocialAssistance],
            [Occupation.Studies, Occupation.None, Occupation.RehabilitationOrTreatment]),
    ];

    private static readonly string[] FirstNames = ["Amina", "Ahmad", "Sara", "Johan", "Leyla", "Mikael", "Elin", "Yusuf", "Hanna", "Omar", "Linnea", "Karim", "Maja", "Per", "Fatima", "Oskar", "Nadia", "Emil", "Rana", "Tove"];
    private static readonly string[] LastNames = ["Demosson", "Påhittad", "Exempelsdotter", "Testlund", "Låtsasberg", "Övningsson", "Provström", "Fiktivsson"];
    private static readonly string[] Municipalities = ["1286", "1291", "1270", "1265"];

    public async Task LoadAsync()
    {
        var associationId = await db.Associations.Where(a => a.IsDemo && a.Name == DemoInterventions.Name).Select(a => (int?)a.Id).FirstOrDefaultAsync();
        if (associationId is null || await db.Episodes.AnyAsync(e => e.AssociationId == associationId)) return;
        var random = new Random(2018);
        var used = new HashSet<string>();
        // The association's own questions: housing (yes/no) and how the person found the intervention (a choice).
        DemoInterventions.Must(await definitions.CreateAsync(associationId.Value, new("eget_boende", "Har deltagaren ett eget boende (förstahandskontrakt eller eget ägt)?", "YesNo")), "egen fråga");
        DemoInterventions.Must(await definitions.CreateAsync(associationId.Value, new("kontaktvag", "Hur kom deltagaren till insatsen?", "Choice",
            ["Arbetsförmedlingen", "Försäkringskassan", "Kommunen", "Regionen", "Egen anmälan"])), "egen fråga");
        foreach (var profile in Profiles)
        {
            var interventionId = await db.Interventions.Where(i => i.AssociationId == associationId && i.Name == profile.Intervention).Select(i => i.Id).SingleAsync();
            for (var i = 0; i < profile.Count; i++) await PersonAsync(interventionId, profile, i, random, used);
        }
    }

    private async Task PersonAsync(int interventionId, Profile p, int index, Random random, HashSet<string> used)
    {
        var span = p.LastEnrolment.DayNumber - p.From.DayNumber;
        var enrolledOn = p.From.AddDays(random.Next(span + 1));
        var woman = random.NextDouble() < p.Women;
        var gender = random.NextDouble() < 0.03 ? "annat" : woman ? "kvinna" : "man";
        var age = random.Next(p.MinAge, p.MaxAge + 1);
        var anonymous = random.NextDouble() < p.Anonymous;
        var request = anonymous
            ? new EnrolRequest(enrolledOn, gender, age, false, random.NextDouble() < 0.3)
            : new EnrolRequest(enrolledOn, gender, null, true, false, Identity(enrolledOn, age, random, used),
                $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}", Municipalities[random.Next(Municipalities.Length)], null,
                new ConsentRequest(enrolledOn, ["Försäkringskassan", "Arbetsförmedlingen", "Kommunen", "Region Skåne"], ["Samordnade insatser", "Uppföljning av insatsen"]),
                new MeasurementRequest("Enrolment", enrolledOn, [Pick(p.IncomeBefore, random).ToString()], Pick(p.OccupationBefore, random).ToString(),
                    Pick(Enum.GetValues<Education>(), random).ToString(), random.Next(0, 97), null, random.Next(1, 4), Answers(index, atEnrolment: true)));
        var episode = DemoInterventions.Must(await enrol.HandleAsync(interventionId, request), $"inskrivning {p.Intervention} {index}");

        // Stays of three to eighteen months; an intervention's end closes every stay, a running one leaves the latest open.
        var exitedOn = enrolledOn.AddDays(random.Next(90, 540));
        if (p.EndsOn is { } end && exitedOn > end) exitedOn = end;
        if (p.EndsOn is null && exitedOn > new DateOnly(2021, 12, 31)) return;
        if (!anonymous && index == 7)
        {
            DemoInterventions.Must(await commands.WithdrawConsentAsync(interventionId, episode.Id, new WithdrawRequest(exitedOn)), "återkallat samtycke");
            return;
        }
        var success = random.NextDouble() < p.WorkOrStudies;
        var reason = index == 3 ? ExitReason.RegisteredByMistake
            : success ? (random.NextDouble() < 0.7 ? ExitReason.Work : ExitReason.Studies)
            : Pick([ExitReason.Interrupted, ExitReason.OtherActor, ExitReason.Health, ExitReason.Moved, ExitReason.Other], random);
        var atExit = success ? (reason == ExitReason.Studies ? Occupation.Studies : Pick([Occupation.Work, Occupation.SubsidisedWork], random)) : Pick(p.OccupationBefore, random);
        var income = success ? (atExit == Occupation.Studies ? IncomeSource.StudentAid : Pick([IncomeSource.Salary, IncomeSource.SubsidisedSalary], random)) : Pick(p.IncomeBefore, random);
        DemoInterventions.Must(await commands.ExitAsync(interventionId, episode.Id, new ExitRequest(exitedOn, reason.ToString(), anonymous ? null
            : new MeasurementRequest("Exit", exitedOn, [income.ToString()], atExit.ToString(), null, null, null, random.Next(2, 6), Answers(index, atEnrolment: false)))), $"utskrivning {p.Intervention} {index}");
        if (anonymous || reason == ExitReason.RegisteredByMistake) return;

        // Follow-ups: most are reached after 90 days, fewer after a year; a few more find work in between.
        foreach (var (point, days, reached) in new[] { (MeasurementPoint.FollowUp90, 90, 0.8), (MeasurementPoint.FollowUp365, 365, 0.6) })
        {
            if (random.NextDouble() > reached) continue;
            if (!success && random.NextDouble() < 0.15) (success, atExit, income) = (true, Occupation.Work, IncomeSource.Salary);
            var on = exitedOn.AddDays(days + random.Next(-10, 11));
            DemoInterventions.Must(await commands.MeasureAsync(interventionId, episode.Id, new MeasurementRequest(point.ToString(), on, [income.ToString()], atExit.ToString())), $"uppföljning {p.Intervention} {index}");
        }
        if (index == 5)
        {
            // One correction, so the demo shows a measurement's history.
            var first = await db.ParticipantMeasurements.Where(m => m.EpisodeId == episode.Id && m.Point == MeasurementPoint.Enrolment).Select(m => m.Id).SingleAsync();
            DemoInterventions.Must(await commands.CorrectAsync(interventionId, episode.Id, first, new MeasurementRequest(null, enrolledOn, [p.IncomeBefore[0].ToString()],
                p.OccupationBefore[0].ToString(), nameof(Education.UpperSecondary), 24, null, 2, null, "Utbildningen var fel angiven")), "rättelse");
        }
    }

    /// <summary>Own-question answers from their own random sequence, so the rest of the demo stays as it was.</summary>
    private static Dictionary<string, string> Answers(int index, bool atEnrolment)
    {
        var random = new Random(index * 2 + (atEnrolment ? 0 : 1));
        var answers = new Dictionary<string, string> { ["eget_boende"] = random.NextDouble() < (atEnrolment ? 0.45 : 0.6) ? "Ja" : "Nej" };
        if (atEnrolment) answers["kontaktvag"] = Pick(["Arbetsförmedlingen", "Försäkringskassan", "Kommunen", "Kommunen", "Regionen", "Egen anmälan"], random);
        return answers;
    }

    /// <summary>A fictitious number that gives the wanted age at enrolment, never the same twice.</summary>
    private static string Identity(DateOnly enrolledOn, int age, Random random, HashSet<string> used)
    {
        for (var attempt = 0; ; attempt++)
        {
            // Born on the first of a month before the enrolment date's month, so the age is exact.
            var year = enrolledOn.Year - age - (attempt / 120 % 2);
            var month = random.Next(1, enrolledOn.Month + 1);
            var number = FictitiousIdentity.Number(year, month, random.Next(10));
            if (used.Add(number)) return number;
        }
    }

    private static T Pick<T>(IReadOnlyList<T> values, Random random) => values[random.Next(values.Count)];
}

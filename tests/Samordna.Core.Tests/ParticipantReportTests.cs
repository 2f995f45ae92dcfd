using Samordna.Core.Participants;

namespace Samordna.Core.Tests;

public sealed class ParticipantReportTests
{
    private static EpisodeFacts Episode(Gender gender, Occupation? atExit, ExitReason? reason = ExitReason.Other, bool anonymous = false,
        IncomeSource[]? before = null, IncomeSource[]? after = null, string intervention = "Arena för arbete") =>
        new(intervention, gender, "25–29", "1286", 2019, new(2019, 1, 10), new(2019, 9, 30), reason, anonymous,
            anonymous ? null : Occupation.JobSeeking, anonymous ? null : atExit, null, null,
            before?.ToHashSet(), after?.ToHashSet(), Education.UpperSecondary, 30);

    /// <summary>40 measured leavers, 14 in work or studies (35 %), 2 mistaken registrations, 6 anonymous.</summary>
    private static List<EpisodeFacts> Leavers()
    {
        var list = new List<EpisodeFacts>();
        for (var i = 0; i < 40; i++)
            list.Add(Episode(i % 2 == 0 ? Gender.Woman : Gender.Man, i < 10 ? Occupation.Work : i < 14 ? Occupation.Studies : Occupation.JobSeeking,
                before: [IncomeSource.SocialAssistance], after: i < 10 ? [IncomeSource.Salary] : [IncomeSource.SocialAssistance]));
        list.Add(Episode(Gender.Woman, Occupation.Work, ExitReason.RegisteredByMistake));
        list.Add(Episode(Gender.Man, Occupation.Work, ExitReason.RegisteredByMistake));
        for (var i = 0; i < 6; i++) list.Add(Episode(Gender.Woman, null, anonymous: true));
        return list;
    }

    [Fact]
    public void Tallies_counted_beforehand_give_the_same_protected_tables_as_the_episodes()
    {
        // Two interventions, one small enough to be hidden, mistakes and anonymous ones among them.
        var episodes = Leavers().Concat([Episode(Gender.Man, Occupation.Work, intervention: "Liten"), Episode(Gender.Woman, Occupation.SickLeave, intervention: "Liten"),
            Episode(Gender.Other, Occupation.Work, ExitReason.RegisteredByMistake, intervention: "Liten")]).ToList();
        // As a grouped SQL count returns them: one row per distinct combination of the columns the rules need.
        var tallies = episodes.GroupBy(e => (e.Intervention, e.Gender, e.ExitReason)).Select(g => new EpisodeTally(g.Key.Intervention, g.Key.Gender, g.Key.ExitReason, g.Count()));
        var occupations = episodes.Where(e => e.OccupationAtExit is not null).GroupBy(e => (e.Intervention, e.ExitedOn is not null, e.ExitReason, e.OccupationAtExit!.Value))
            .Select(g => new OccupationTally(g.Key.Intervention, g.Key.Item2, g.Key.ExitReason, g.Key.Value, g.Count()));

        string Json(SuppressedTable t) => System.Text.Json.JsonSerializer.Serialize(t);
        var counts = ParticipantReport.Counts(tallies);
        Assert.Equal(Json(ParticipantReport.Counts(episodes, ReportBreakdown.Intervention)), Json(counts));
        Assert.Equal(46 + 2, counts.All.Total);                                    // 40 + 6 anonymous + Liten's 2, no mistakes
        Assert.Null(counts.Rows.Single(r => r.Group == "Liten").Total);             // 2 < 5
        var atExit = ParticipantReport.WorkOrStudies(occupations);
        Assert.Equal(Json(ParticipantReport.WorkOrStudies(episodes, OutcomePoint.Exit, ReportBreakdown.Intervention)), Json(atExit));
        Assert.Equal(42, atExit.All.Total);
    }

    [Fact]
    public void A_tally_counting_nobody_adds_no_group()
    {
        var table = OutcomeTable.Counted([("Arena", "Ja", 7L), ("Arena", "Nej", 5L), ("Forum", "Ja", 0L)], ["Ja", "Nej"]);
        Assert.Equal(["Arena"], table.Rows.Select(r => r.Group));
        Assert.Equal(12, table.All.Total);
    }

    [Fact]
    public void Share_in_work_or_studies_at_exit_excludes_mistakes_and_compares_with_the_reference()
    {
        var table = ParticipantReport.WorkOrStudies(Leavers(), OutcomePoint.Exit, ReportBreakdown.Intervention);
        Assert.Equal(40, table.All.Total);
        Assert.Equal(14, table.All.Cells[0].Count);
        Assert.Equal(35m, table.All.Cells[0].Percent);

        var comparison = ParticipantReport.CompareWithReference(Leavers(), OutcomePoint.Exit, 6m)!;
        Assert.Equal(35m, comparison.Percent);
        Assert.Equal(22.1m, comparison.Low);   // Wilson 95 % by hand (p = 0.35, n = 40, z = 1.96): 0.22135…
        Assert.Equal(50.5m, comparison.High);  //                                                 0.50494…
        Assert.True(comparison.DiffersFromReference);
        Assert.False(ParticipantReport.CompareWithReference(Leavers(), OutcomePoint.Exit, 40m)!.DiffersFromReference);
    }

    [Fact]
    public void Counts_by_gender_include_anonymous_participants_but_not_mistakes()
    {
        var counts = ParticipantReport.Counts(Leavers(), ReportBreakdown.Intervention);
        Assert.Equal(46, counts.All.Total);
        Assert.Equal(26, counts.All.Cells.Single(c => c.Category == "Kvinna").Count);
    }

    [Fact]
    public void Income_before_and_after_moves_ten_people_to_self_support()
    {
        var table = ParticipantReport.IncomeTransition(Leavers());
        var fromAssistance = table.Rows.Single(r => r.Group == "Ekonomiskt bistånd");
        Assert.Equal(10, fromAssistance.Cells.Single(c => c.Category == "Egen försörjning").Count);
        Assert.Equal(30, fromAssistance.Cells.Single(c => c.Category == "Ekonomiskt bistånd").Count);
    }

    [Fact]
    public void Small_results_are_not_published()
    {
        var few = Leavers().Take(8).ToList();
        Assert.Null(ParticipantReport.CompareWithReference(few.Take(4), OutcomePoint.Exit, 6m));
        Assert.Null(ParticipantReport.CompareWithReference(Leavers().Skip(8).Take(10), OutcomePoint.Exit, 6m)); // 6 of 10: the 4 others are a small count
        var table = ParticipantReport.WorkOrStudies(few, OutcomePoint.Exit, ReportBreakdown.Gender);
        Assert.All(table.Rows.SelectMany(r => r.Cells), c => Assert.Null(c.Count));
    }

    [Theory]
    [InlineData(new[] { IncomeSource.Salary, IncomeSource.StudentAid }, "Egen försörjning")]
    [InlineData(new[] { IncomeSource.Salary, IncomeSource.SocialAssistance }, "Ekonomiskt bistånd")]
    [InlineData(new[] { IncomeSource.SicknessBenefit, IncomeSource.UnemploymentBenefit }, "Ersättning från Försäkringskassan")]
    [InlineData(new[] { IncomeSource.EstablishmentAllowance }, "Ersättning från Arbetsförmedlingen")]
    [InlineData(new[] { IncomeSource.NoIncome }, "Annan eller ingen försörjning")]
    public void Several_income_sources_land_in_one_group(IncomeSource[] sources, string group) =>
        Assert.Equal(group, ParticipantReport.IncomeGroupOf(sources.ToHashSet()));
}

public sealed class ParticipantProfileTests
{
    private static EpisodeFacts Facts(Gender gender, int days, bool anonymous, Education? education, int? months) =>
        new("Arena", gender, "20–24", null, 2019, new(2019, 1, 1), new DateOnly(2019, 1, 1).AddDays(days), ExitReason.Other, anonymous,
            null, null, null, null, null, null, anonymous ? null : education, anonymous ? null : months);

    [Fact]
    public void Profiles_count_the_measured_and_time_in_intervention_counts_the_anonymous_too()
    {
        var episodes = Enumerable.Range(0, 12).Select(i => Facts(i % 2 == 0 ? Gender.Woman : Gender.Man, i < 6 ? 40 : 400, anonymous: i >= 11, Education.UpperSecondary, i < 6 ? 0 : 30)).ToList();
        var education = ParticipantReport.EducationProfile(episodes, ReportBreakdown.Intervention);
        Assert.Equal(11, education.All.Total);
        Assert.Equal(11, education.All.Cells.Single(c => c.Category == "Gymnasium").Count);
        var time = ParticipantReport.TimeInIntervention(episodes, ReportBreakdown.Intervention);
        Assert.Equal(12, time.All.Total);
        Assert.Equal(6, time.All.Cells.Single(c => c.Category == "Under 3 månader").Count);
        Assert.Equal(6, time.All.Cells.Single(c => c.Category == "1–2 år").Count);
        var support = ParticipantReport.SupportTimeProfile(episodes, ReportBreakdown.Intervention);
        Assert.Equal(6, support.All.Cells.Single(c => c.Category == "Ingen").Count);
        Assert.Equal(5, support.All.Cells.Single(c => c.Category == "2–5 år").Count);
        Assert.Equal(12, ParticipantReport.AgeProfile(episodes, ReportBreakdown.Gender).All.Total);
    }

    [Theory]
    [InlineData("2019-01-15", "2019-04-14", "Under 3 månader")]
    [InlineData("2019-01-15", "2019-04-15", "3–5 månader")]
    [InlineData("2019-01-15", "2021-01-15", "2 år eller längre")]
    public void Time_in_intervention_counts_whole_months(string from, string to, string band) =>
        Assert.Equal(band, ParticipantReport.TimeInInterventionBand(DateOnly.Parse(from), DateOnly.Parse(to)));
}

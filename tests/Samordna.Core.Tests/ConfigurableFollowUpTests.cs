using Samordna.Core.Interventions;
using Samordna.Core.Participants;

namespace Samordna.Core.Tests;

/// <summary>The association's own follow-up days and windows, its own questions, health before → after, counted participants.</summary>
public sealed class ConfigurableFollowUpTests
{
    private static readonly DateOnly Exit = new(2025, 1, 1);

    [Fact]
    public void The_default_plan_is_90_and_365_days_as_before()
    {
        Assert.Equal(new FollowUpRule(90, 30), FollowUpPlan.Default.RuleFor(MeasurementPoint.FollowUp90));
        Assert.Equal(new FollowUpRule(365, 60), FollowUpPlan.Default.RuleFor(MeasurementPoint.FollowUp365));
        Assert.Null(FollowUpPlan.Default.RuleFor(MeasurementPoint.Exit));
    }

    [Theory]
    // A plan of 180 days ± 14 and 730 ± 30: its window is 2025-06-16 – 2025-07-14.
    [InlineData("2025-06-15", FollowUpState.Upcoming)]   // the day before the window opens: outside the window
    [InlineData("2025-06-16", FollowUpState.Due)]        // first day of the window
    [InlineData("2025-07-14", FollowUpState.Due)]        // last day of the window
    [InlineData("2025-07-15", FollowUpState.Missed)]     // overdue: the window has closed
    public void A_configured_follow_up_is_due_in_its_own_window(string today, FollowUpState expected)
    {
        var plan = FollowUpPlan.Check(180, 14, 730, 30).Value!;
        var rule = plan.RuleFor(MeasurementPoint.FollowUp90)!;
        Assert.Equal(expected, EpisodeRules.StateOf(Exit, rule, null, DateOnly.Parse(today)));
        // The default plan would have said otherwise on the same days.
        Assert.Equal(FollowUpState.Missed, EpisodeRules.StateOf(Exit, FollowUpPlan.Default.First, null, DateOnly.Parse(today)));
    }

    [Fact]
    public void A_measurement_may_not_come_before_the_configured_window_opens()
    {
        var plan = FollowUpPlan.Check(180, 14, 730, 30).Value!;
        var episode = new EpisodeState(new(2024, 1, 10), Exit, false, false) { FollowUps = plan };
        var input = new MeasurementInput("FollowUp90", new(2025, 4, 1), null, "Arbete", null, null, null, null);
        var early = MeasurementRules.Check(input, episode, new(2025, 12, 1));
        Assert.Contains("tidigast 2025-06-16", Assert.Single(early.Errors).Message);
        // With the default plan the same date is inside the window (90 days ± 30).
        Assert.True(MeasurementRules.Check(input, episode with { FollowUps = FollowUpPlan.Default }, new(2025, 12, 1)).IsValid);
    }

    [Theory]
    [InlineData(null, 30, 365, 60, "firstDays")]
    [InlineData(90, 90, 365, 60, "firstWindowDays")]       // the window would open on the day of exit
    [InlineData(90, 30, 60, 10, "secondDays")]             // the second before the first
    [InlineData(90, 30, 150, 40, "secondWindowDays")]      // windows overlap (… 120 and 110 …)
    [InlineData(90, -1, 365, 60, "firstWindowDays")]
    [InlineData(90, 30, 2000, 60, "secondDays")]
    public void A_plan_is_refused_naming_the_field(int? firstDays, int? firstWindow, int? secondDays, int? secondWindow, string field)
    {
        var result = FollowUpPlan.Check(firstDays, firstWindow, secondDays, secondWindow);
        Assert.False(result.IsValid);
        Assert.Equal(field, result.Errors[0].Field);
    }

    private static readonly IReadOnlyList<ExtraQuestion> Questions =
    [
        ExtraQuestionRules.CheckDefinition(new("boende", "Har deltagaren eget boende?", "Ja/nej", null, null, null, null)).Value!,
        ExtraQuestionRules.CheckDefinition(new("kontakt", "Hur kom deltagaren i kontakt med insatsen?", "Choice", ["Jobbcentrum", "Försäkringskassan", "Egen anmälan"], null, null, null)).Value!,
        ExtraQuestionRules.CheckDefinition(new("timmar", "Timmar i veckan i praktik", "Number", null, null, 0, 40)).Value!,
        ExtraQuestionRules.CheckDefinition(new("notering", "Kort notering", "Text", null, 20, null, null)).Value!,
    ];

    [Fact]
    public void Answers_are_checked_against_the_definitions_and_normalised()
    {
        var ok = ExtraQuestionRules.CheckAnswers(new Dictionary<string, string> { ["boende"] = "ja", ["kontakt"] = "egen anmälan", ["timmar"] = "12,5", ["notering"] = " Kör bil " }, Questions);
        Assert.True(ok.IsValid, string.Join("; ", ok.Errors.Select(e => e.Message)));
        Assert.Equal("Ja", ok.Value!["boende"]);
        Assert.Equal("Egen anmälan", ok.Value["kontakt"]);
        Assert.Equal("12.5", ok.Value["timmar"]);
        Assert.Equal("Kör bil", ok.Value["notering"]);

        var bad = ExtraQuestionRules.CheckAnswers(new Dictionary<string, string>
        {
            ["boende"] = "kanske", ["kontakt"] = "Grannen", ["timmar"] = "50", ["notering"] = "en notering som är alldeles för lång", ["okand"] = "x",
        }, Questions);
        var errors = bad.Errors.ToDictionary(e => e.Field, e => e.Message);
        Assert.Contains("Ja eller Nej", errors["extraAnswers.boende"]);
        Assert.Contains("Jobbcentrum, Försäkringskassan, Egen anmälan", errors["extraAnswers.kontakt"]);
        Assert.Contains("från 0 till 40", errors["extraAnswers.timmar"]);
        Assert.Contains("högst 20", errors["extraAnswers.notering"]);
        Assert.Contains("ingen aktiv fråga", errors["extraAnswers.okand"]);
        var identity = ExtraQuestionRules.CheckAnswers(new Dictionary<string, string> { ["notering"] = "19900101-9812" }, Questions);
        Assert.Contains("personnummer", Assert.Single(identity.Errors).Message);
    }

    [Fact]
    public void An_anonymous_participant_answers_no_question()
    {
        var episode = new EpisodeState(new(2025, 1, 10), null, Anonymous: true, Restricted: false) { Questions = Questions };
        var result = MeasurementRules.Check(new("Enrolment", new(2025, 1, 10), null, null, null, null, null, new Dictionary<string, string> { ["boende"] = "Ja" }), episode, new(2025, 2, 1));
        Assert.Equal("measurement", Assert.Single(result.Errors).Field);
    }

    [Theory]
    [InlineData("", "Ja/nej", null, "code")]
    [InlineData("boende", "", null, "wording")]
    [InlineData("boende", "Boende?", "Skostorlek", "kind")]
    public void Definitions_are_refused_naming_the_field(string code, string wording, string? kind, string field) =>
        Assert.Equal(field, ExtraQuestionRules.CheckDefinition(new(code, wording, kind ?? "YesNo", null, null, null, null)).Errors[0].Field);

    [Fact]
    public void A_choice_question_needs_two_distinct_choices() =>
        Assert.Equal("choices", ExtraQuestionRules.CheckDefinition(new("k", "Val?", "Choice", ["A", "a"], null, null, null)).Errors.Single().Field);

    private static EpisodeFacts Facts(int? before, int? after, string? boende = null) =>
        new("Arena", Gender.Woman, "25–29", null, 2025, new(2025, 1, 1), new(2025, 6, 1), ExitReason.Work, false,
            null, null, null, null, null, null, null, null)
        {
            HealthBefore = before, HealthAtExit = after,
            Answers = boende is null ? EpisodeFacts.NoAnswers
                : new Dictionary<MeasurementPoint, IReadOnlyDictionary<string, string>> { [MeasurementPoint.Enrolment] = new Dictionary<string, string> { ["boende"] = boende } },
        };

    [Fact]
    public void Health_before_and_after_is_a_transition_table_with_small_cells_hidden()
    {
        var facts = Enumerable.Range(0, 12).Select(_ => Facts(2, 4)).Concat(Enumerable.Range(0, 6).Select(_ => Facts(2, 2))).Append(Facts(3, null)).ToList();
        var table = ParticipantReport.HealthTransition(facts);
        Assert.Equal(18, table.All.Total);                           // the one without an exit value is not counted
        var row = table.Rows.Single(r => r.Group == "2 Dålig");
        Assert.Equal(12, row.Cells[3].Count);
        Assert.Equal(6, row.Cells[1].Count);
        var few = ParticipantReport.HealthTransition(facts.Take(12).Concat(Enumerable.Range(0, 2).Select(_ => Facts(2, 2))));
        Assert.Null(few.Rows.Single(r => r.Group == "2 Dålig").Cells[1].Count);   // 2 → 2 twice: under 5
        Assert.Null(few.Rows.Single(r => r.Group == "2 Dålig").Cells[3].Count);   // and 12 would give it away
    }

    [Fact]
    public void Yes_no_answers_are_counted_per_point_with_suppression()
    {
        var facts = Enumerable.Range(0, 9).Select(_ => Facts(null, null, "Ja")).Concat(Enumerable.Range(0, 3).Select(_ => Facts(null, null, "Nej"))).ToList();
        var table = ParticipantReport.ExtraQuestion(facts, Questions[0], ParticipantNames.Swedish);
        var enrolment = table.Rows.Single(r => r.Group == "Inskrivning");
        Assert.Equal(12, enrolment.Total);
        Assert.Null(enrolment.Cells[1].Count);                       // three "Nej"
        Assert.Null(enrolment.Cells[0].Count);                       // … and nine "Ja" would give them away
        Assert.Equal(["Ja", "Nej"], table.Categories);
    }

    [Fact]
    public void Counted_participants_replace_the_typed_count_only_where_episodes_are_registered()
    {
        var typed = new BudgetYearFigures(2025, 40, 30, [new BudgetLine(BudgetLineKind.InterventionCost, null, 1_000_000, 900_000)]);
        Assert.Equal(25, BudgetRules.WithCountedParticipants(typed, MeasurementMethod.PersonalData, 25).ActualParticipants);
        Assert.Equal(36_000m, BudgetRules.WithCountedParticipants(typed, MeasurementMethod.Anonymous, 25).CostPerParticipant);
        Assert.Equal(30, BudgetRules.WithCountedParticipants(typed, MeasurementMethod.CountsOnly, 25).ActualParticipants);
        Assert.Equal(30, BudgetRules.WithCountedParticipants(typed, MeasurementMethod.None, 25).ActualParticipants);
        // A year without episodes (before the intervention registered them) keeps what was typed.
        Assert.Equal(30, BudgetRules.WithCountedParticipants(typed, MeasurementMethod.PersonalData, null).ActualParticipants);
    }
}

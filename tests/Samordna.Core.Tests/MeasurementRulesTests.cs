using Samordna.Core.Participants;

namespace Samordna.Core.Tests;

public sealed class MeasurementRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly EpisodeState Open = new(new(2026, 1, 10), null, Anonymous: false, Restricted: false);
    private static readonly EpisodeState Exited = Open with { ExitedOn = new(2026, 6, 30) };

    private static MeasurementInput Input(string point, DateOnly on, string[]? income = null, string? occupation = "Arbetssökande", int? months = null, int? health = null,
        Dictionary<string, string>? extra = null) =>
        new(point, on, income, occupation, null, months, health, extra);

    [Fact]
    public void An_enrolment_measurement_parses_codes_and_Swedish_names()
    {
        var result = MeasurementRules.Check(Input("Inskrivning", new(2026, 1, 10), ["Ekonomiskt bistånd (försörjningsstöd)", "ActivityCompensation"], "jobseeking", months: 30, health: 2), Open, Today);
        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => e.Message)));
        var m = result.Value!;
        Assert.Equal(MeasurementPoint.Enrolment, m.Point);
        Assert.Equal([IncomeSource.ActivityCompensation, IncomeSource.SocialAssistance], m.IncomeSources.Order());
        Assert.Equal(Occupation.JobSeeking, m.Occupation);
        Assert.Equal(30, m.MonthsOnSupport);
    }

    [Fact]
    public void Anonymous_and_restricted_participants_get_no_measurements()
    {
        Assert.Equal("measurement", Assert.Single(MeasurementRules.Check(Input("Enrolment", Today), Open with { Anonymous = true }, Today).Errors).Field);
        Assert.Contains("begränsade", Assert.Single(MeasurementRules.Check(Input("Enrolment", Today), Open with { Restricted = true }, Today).Errors).Message);
    }

    [Fact]
    public void Exit_and_follow_ups_come_after_the_exit_and_not_before_their_window()
    {
        Assert.Contains("Skriv ut deltagaren först", MeasurementRules.Check(Input("Exit", new(2026, 5, 1)), Open, Today).Errors[0].Message);
        Assert.Equal("measuredOn", MeasurementRules.Check(Input("Exit", new(2026, 6, 1)), Exited, Today).Errors[0].Field);
        // +90 days from 2026-06-30 is 2026-09-28; the window opens 30 days earlier.
        var early = MeasurementRules.Check(Input("FollowUp90", new(2026, 8, 28)), Exited, Today);
        Assert.Contains("tidigast 2026-08-29", Assert.Single(early.Errors).Message);
        Assert.True(MeasurementRules.Check(Input("FollowUp90", new(2026, 8, 29)), Exited, Today).IsValid);
        Assert.Equal("monthsOnSupport", Assert.Single(MeasurementRules.Check(Input("Exit", new(2026, 7, 1), months: 3), Exited, Today).Errors).Field);
    }

    [Fact]
    public void Every_bad_field_is_named_in_Swedish()
    {
        var result = MeasurementRules.Check(new("Mitten", Today.AddDays(1), ["Lön", "Lotto"], "Astronaut", "Doktor", null, 7, null), Open, Today);
        Assert.Equal(["point", "measuredOn", "incomeSources[1]", "occupation", "education", "selfRatedHealth"], result.Errors.Select(e => e.Field));
        Assert.Contains("Lotto", result.Errors[2].Message);
        Assert.Equal("incomeSources", Assert.Single(MeasurementRules.Check(Input("Enrolment", Today, ["Lön", "Ingen egen försörjning"]), Open, Today).Errors).Field);
        Assert.Equal("measurement", Assert.Single(MeasurementRules.Check(Input("Enrolment", Today, occupation: null), Open, Today).Errors).Field);
    }

    [Fact]
    public void Own_questions_are_short_answers_without_identity_numbers()
    {
        var result = MeasurementRules.Check(Input("Enrolment", Today, extra: new() { ["vardkontakter"] = "3", ["ok ej"] = "x", ["notering"] = "ring 19900101-1239" }), Open, Today);
        Assert.Equal(["extraAnswers.ok ej", "extraAnswers.notering"], result.Errors.Select(e => e.Field));
        Assert.Contains("personnummer", result.Errors[1].Message);
    }

    [Theory]
    [InlineData(new[] { "2020-03-01", "2021-05-31" }, "2026-05-31", true)]
    [InlineData(new[] { "2020-03-01", "2021-05-31" }, "2026-05-30", false)]
    [InlineData(new[] { "2015-03-01", null }, "2026-05-30", false)]
    [InlineData(new string?[0], "2026-05-30", false)]
    public void Identity_is_due_for_deletion_five_years_after_the_last_exit_and_never_while_an_episode_is_open(string?[] exits, string today, bool due) =>
        Assert.Equal(due, Retention.IsDue(exits.Select(e => e is null ? (DateOnly?)null : DateOnly.Parse(e)), DateOnly.Parse(today), Retention.DefaultYears));

    [Fact]
    public void Anonymous_participants_are_refused_every_extra_field_they_are_given()
    {
        var errors = EpisodeRules.CheckAnonymousFields(true, [("municipalityCode", "kommun", true), ("measurement", "mätning", false)]);
        Assert.Equal("municipalityCode", Assert.Single(errors).Field);
        Assert.Empty(EpisodeRules.CheckAnonymousFields(false, [("municipalityCode", "kommun", true)]));
    }
}

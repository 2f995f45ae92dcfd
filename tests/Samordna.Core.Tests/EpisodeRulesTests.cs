using Samordna.Core.Participants;

namespace Samordna.Core.Tests;

public sealed class EpisodeRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    [Fact]
    public void With_consent_an_identity_number_is_required()
    {
        var errors = EpisodeRules.CheckEnrolment(new(Today, "kvinna", 24, ConsentGiven: true, ProtectedIdentity: false, HasIdentityNumber: false, HasName: true), false, Today);
        Assert.Equal("identityNumber", Assert.Single(errors).Field);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public void An_anonymous_participant_cannot_carry_name_or_identity_number(bool consent, bool protectedIdentity)
    {
        var errors = EpisodeRules.CheckEnrolment(new(Today, "man", 30, consent, protectedIdentity, HasIdentityNumber: true, HasName: true), false, Today);
        Assert.Equal(["identityNumber", "name"], errors.Select(e => e.Field));
        Assert.Contains(protectedIdentity ? "skyddade personuppgifter" : "samtycke", errors[0].Message);
        Assert.Empty(EpisodeRules.CheckEnrolment(new(Today, "man", 30, consent, protectedIdentity, false, false), false, Today));
    }

    [Fact]
    public void Someone_who_withdrew_consent_is_never_registered_again_as_anonymous()
    {
        var errors = EpisodeRules.CheckEnrolment(new(Today, "kvinna", 40, false, false, false, false), personWithdrewConsentBefore: true, Today);
        Assert.Equal("consent", Assert.Single(errors).Field);
    }

    [Fact]
    public void Enrolment_and_exit_fields_are_named()
    {
        var errors = EpisodeRules.CheckEnrolment(new(Today.AddDays(1), "okänt", 200, true, false, true, true), false, Today);
        Assert.Equal(["enrolledOn", "gender", "age"], errors.Select(e => e.Field));
        var exit = EpisodeRules.CheckExit(Today, Today.AddDays(-1), null, Today);
        Assert.Equal(["exitedOn", "exitReason"], exit.Select(e => e.Field));
        Assert.Contains("Felregistrering", exit[1].Message);
    }

    [Fact]
    public void A_mistaken_registration_counts_in_no_statistic() =>
        Assert.False(EpisodeRules.CountsInStatistics(ExitReason.RegisteredByMistake));

    [Theory]
    [InlineData("2026-01-01", null, FollowUpState.Upcoming)]
    [InlineData("2025-10-01", null, FollowUpState.Due)]
    [InlineData("2025-06-01", null, FollowUpState.Missed)]
    [InlineData("2025-06-01", "2025-09-01", FollowUpState.Done)]
    public void Follow_ups_are_due_in_their_window(string exit, string? measured, FollowUpState expected)
    {
        var rule = new FollowUpRule(90, 30);
        var today = new DateOnly(2025, 12, 15);
        Assert.Equal(expected, EpisodeRules.StateOf(DateOnly.Parse(exit), rule, measured is null ? null : DateOnly.Parse(measured), today));
    }

    [Fact]
    public void Days_in_intervention_count_both_ends() =>
        Assert.Equal(31, EpisodeRules.DaysInIntervention(new(2025, 1, 1), new(2025, 1, 31), Today));
}

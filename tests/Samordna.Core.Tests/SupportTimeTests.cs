using Samordna.Core.Participants;

namespace Samordna.Core.Tests;

public sealed class SupportTimeTests
{
    private static readonly DateOnly Enrolment = new(2020, 3, 1);

    [Fact]
    public void One_open_period_counts_whole_months_up_to_enrolment()
    {
        Assert.Equal(26, SupportTime.MonthsBefore([new(new(2018, 1, 1), null)], Enrolment));
        Assert.Equal(25, SupportTime.MonthsBefore([new(new(2018, 1, 15), null)], Enrolment));
        Assert.Equal("2–5 år", SupportTime.Band(26));
    }

    [Fact]
    public void An_interruption_shorter_than_a_month_does_not_break_the_stretch()
    {
        SupportPeriod[] periods = [new(new(2017, 3, 1), new(2018, 6, 30)), new(new(2018, 7, 20), null)];
        Assert.Equal(36, SupportTime.MonthsBefore(periods, Enrolment));
    }

    [Fact]
    public void An_interruption_of_a_month_or_more_starts_the_count_again()
    {
        SupportPeriod[] periods = [new(new(2017, 3, 1), new(2018, 6, 30)), new(new(2018, 8, 1), null)];
        Assert.Equal(19, SupportTime.MonthsBefore(periods, Enrolment));
        Assert.Equal("1–2 år", SupportTime.Band(19));
    }

    [Fact]
    public void Overlapping_and_unordered_periods_merge()
    {
        SupportPeriod[] periods = [new(new(2019, 1, 1), null), new(new(2016, 3, 1), new(2019, 2, 1)), new(new(2015, 1, 1), new(2015, 2, 1))];
        Assert.Equal(48, SupportTime.MonthsBefore(periods, Enrolment));
    }

    [Fact]
    public void Support_that_ended_a_month_or_more_before_enrolment_or_started_after_it_counts_as_none()
    {
        Assert.Equal(0, SupportTime.MonthsBefore([new(new(2018, 1, 1), new(2020, 1, 31))], Enrolment));
        Assert.Equal(0, SupportTime.MonthsBefore([new(new(2020, 4, 1), null)], Enrolment));
        Assert.Equal(0, SupportTime.MonthsBefore([], Enrolment));
        Assert.Equal("Ingen", SupportTime.Band(0));
        // A gap under a month before enrolment is bridged like any other, so the stretch reaches enrolment.
        Assert.Equal(26, SupportTime.MonthsBefore([new(new(2018, 1, 1), new(2020, 2, 15))], Enrolment));
    }

    [Theory]
    [InlineData(15, "Under 16")]
    [InlineData(16, "16–19")]
    [InlineData(29, "25–29")]
    [InlineData(64, "60–64")]
    [InlineData(70, "65 eller äldre")]
    public void Age_bands(int age, string band) => Assert.Equal(band, AgeBands.Of(age));

    [Fact]
    public void Work_or_studies_and_self_support_follow_the_seeds_definitions()
    {
        Assert.True(ParticipantNames.IsWorkOrStudies(Occupation.SubsidisedWork));
        Assert.False(ParticipantNames.IsWorkOrStudies(Occupation.LabourMarketProgramme));
        Assert.True(ParticipantNames.IsSelfSupporting(new HashSet<IncomeSource> { IncomeSource.Salary, IncomeSource.StudentAid }));
        Assert.False(ParticipantNames.IsSelfSupporting(new HashSet<IncomeSource> { IncomeSource.Salary, IncomeSource.SocialAssistance }));
        Assert.False(ParticipantNames.IsSelfSupporting(new HashSet<IncomeSource>()));
    }
}

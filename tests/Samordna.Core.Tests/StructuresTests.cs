using System.Text;
using Samordna.Core.Structures;

namespace Samordna.Core.Tests;

public class QuorumTests
{
    // A board like Gävleborg's: seven ordinary seats for five principals, substitutes linked to members, one adjunct.
    private static readonly Seat[] Board =
    [
        new(1, "Region", MemberRole.Chair), new(2, "FK", MemberRole.ViceChair), new(3, "AF", MemberRole.Member),
        new(4, "Gävle", MemberRole.Member), new(5, "Sandviken", MemberRole.Member), new(6, "Region", MemberRole.Member),
        new(7, "Gävle", MemberRole.Member),
        new(11, "AF", MemberRole.Substitute, SubstituteForId: 3), new(12, "FK", MemberRole.Substitute, SubstituteForId: 2),
        new(20, "Ockelbo", MemberRole.Adjunct),
    ];

    private static Dictionary<int, Attendance> Present(params int[] ids) => ids.ToDictionary(i => i, _ => Attendance.Present);

    [Fact]
    public void Every_party_rule_names_the_missing_principals()
    {
        var result = Quorum.Check(QuorumRule.EveryParty, Board, Present(1, 2, 4, 6, 7, 20));
        Assert.False(result.IsQuorate);
        Assert.Equal(["AF", "Sandviken"], result.MissingParties);
        Assert.Contains("AF, Sandviken saknas", result.Explanation);
    }

    [Fact]
    public void A_linked_substitute_who_is_present_fills_the_members_seat()
    {
        var attendance = Present(1, 2, 4, 5, 11);
        var result = Quorum.Check(QuorumRule.EveryParty, Board, attendance);
        Assert.True(result.IsQuorate, result.Explanation);
        Assert.Equal(5, result.FilledSeats);
    }

    [Fact]
    public void A_member_marked_substitute_present_fills_the_seat_but_an_adjunct_never_does()
    {
        var attendance = Present(1, 4, 5, 20);
        attendance[3] = Attendance.SubstitutePresent;
        Assert.False(Quorum.Check(QuorumRule.EveryParty, Board, attendance).IsQuorate); // FK missing; the adjunct counts for nothing
        attendance[2] = Attendance.SubstitutePresent;
        Assert.True(Quorum.Check(QuorumRule.EveryParty, Board, attendance).IsQuorate);
    }

    [Theory]
    [InlineData(new[] { 1, 2, 3 }, false)]    // 3 of 7
    [InlineData(new[] { 1, 2, 3, 4 }, true)]  // 4 of 7
    [InlineData(new[] { 11, 12, 20, 1 }, false)] // two substitutes fill two seats, the adjunct none: 3 of 7
    public void Majority_needs_more_than_half_of_the_ordinary_seats(int[] present, bool quorate)
    {
        var result = Quorum.Check(QuorumRule.MajorityOfSeats, Board, Present(present));
        Assert.Equal(quorate, result.IsQuorate);
        Assert.Equal(7, result.OrdinarySeats);
    }

    [Fact]
    public void Half_of_an_even_number_of_seats_is_not_a_majority()
    {
        // Samverk Nässjö, 13 June 2019: four of eight representatives present (seed 001).
        var seats = Enumerable.Range(1, 8).Select(i => new Seat(i, $"Part {i}", MemberRole.Member)).ToArray();
        Assert.False(Quorum.Check(QuorumRule.MajorityOfSeats, seats, Present(1, 2, 3, 4)).IsQuorate);
        Assert.True(Quorum.Check(QuorumRule.MajorityOfSeats, seats, Present(1, 2, 3, 4, 5)).IsQuorate);
    }

    [Fact]
    public void Without_a_rule_a_meeting_is_quorate_and_without_seats_no_rule_is_met()
    {
        Assert.True(Quorum.Check(QuorumRule.None, Board, Present()).IsQuorate);
        var onlySubstitutes = Quorum.Check(QuorumRule.MajorityOfSeats, [new Seat(1, "FK", MemberRole.Substitute)], Present(1));
        Assert.False(onlySubstitutes.IsQuorate);
        Assert.Contains("inga ordinarie", onlySubstitutes.Explanation);
    }
}

public class TenureTests
{
    [Theory]
    [InlineData("2019-01-01", "2019-06-30", "2019-01-01", true)]
    [InlineData("2019-01-01", "2019-06-30", "2019-06-30", true)]
    [InlineData("2019-01-01", "2019-06-30", "2019-07-01", false)]
    [InlineData("2019-01-01", null, "2030-01-01", true)]
    [InlineData(null, "2019-06-30", "2000-01-01", true)]
    [InlineData("2019-02-01", null, "2019-01-31", false)]
    public void A_member_is_current_from_the_first_to_the_last_day_inclusive(string? from, string? to, string day, bool current) =>
        Assert.Equal(current, Tenure.IsCurrent(D(from), D(to), D(day)!.Value));

    [Fact]
    public void Seat_history_follows_successors_from_any_holder()
    {
        // Sävsjö's coordinator seat: coordinator 1 until 2017-05-11, coordinator 2 from 2017-05-12 (seed 001); a parallel seat stays apart.
        Tenancy[] all =
        [
            new(5, null, D("2016-08-01"), D("2017-05-11")), new(9, 5, D("2017-05-12"), D("2018-12-31")),
            new(12, 9, D("2019-01-01"), null), new(7, null, D("2016-08-01"), null),
        ];
        Assert.Equal([5, 9, 12], Tenure.SeatHistory(all, 9).Select(t => t.Id));
        Assert.Equal([5, 9, 12], Tenure.SeatHistory(all, 12).Select(t => t.Id));
        Assert.Equal([7], Tenure.SeatHistory(all, 7).Select(t => t.Id));
        Assert.Empty(Tenure.SeatHistory(all, 99));
    }

    [Fact]
    public void Turnover_counts_who_was_there_on_1_January_who_left_and_who_joined()
    {
        Tenancy[] all =
        [
            new(1, null, D("2018-01-01"), D("2019-03-31")), new(2, 1, D("2019-04-01"), null),
            new(3, null, D("2017-01-01"), null), new(4, null, D("2017-01-01"), D("2019-12-31")),
            new(5, null, D("2019-01-01"), null),
        ];
        var summary = Tenure.Turnover(all, 2019);
        Assert.Equal(4, summary.HoldersAtStart);
        Assert.Equal(2, summary.Left);
        Assert.Equal(1, summary.Joined);
        Assert.Equal(0.5, summary.Rate);
    }

    [Fact]
    public void Ending_a_tenancy_checks_the_dates_and_the_successors_start()
    {
        var current = new Tenancy(1, null, D("2019-01-01"), null);
        Assert.Empty(Tenure.CheckEnding(current, D("2019-05-31")!.Value, D("2019-06-01")));
        var errors = Tenure.CheckEnding(current, D("2018-12-31")!.Value, D("2018-12-31"));
        Assert.Equal(["lastDay", "successorFrom"], errors.Select(e => e.Field));
        Assert.Contains("2019-01-01", errors[1].Message);
        Assert.Single(Tenure.CheckPeriod(D("2019-02-01"), D("2019-01-01")));
    }

    internal static DateOnly? D(string? s) => s is null ? null : DateOnly.Parse(s);
}

public class AgreementExpiryTests
{
    private static readonly DateOnly From = new(2018, 11, 1), To = new(2020, 4, 1); // Aneby's agreement, seed 001

    [Theory]
    [InlineData("2019-12-31", ExpiryState.Valid)]
    [InlineData("2020-01-02", ExpiryState.ExpiresSoon)] // exactly 90 days before the last day
    [InlineData("2020-01-01", ExpiryState.Valid)]        // 91 days before
    [InlineData("2020-04-01", ExpiryState.ExpiresSoon)]  // the last day still counts
    [InlineData("2020-04-02", ExpiryState.Expired)]
    [InlineData("2018-10-31", ExpiryState.NotYetValid)]
    public void The_reminder_comes_the_given_number_of_days_before_the_last_day(string today, ExpiryState expected) =>
        Assert.Equal(expected, AgreementExpiry.State(From, To, DateOnly.Parse(today), AgreementExpiry.DefaultReminderDays));

    [Fact]
    public void Open_ended_agreements_never_remind_and_the_text_counts_the_days()
    {
        Assert.Equal(ExpiryState.OpenEnded, AgreementExpiry.State(From, null, new(2040, 1, 1), 90));
        Assert.Contains("om 30 dagar", AgreementExpiry.Describe(ExpiryState.ExpiresSoon, To, new(2020, 3, 2)));
    }

    [Fact]
    public void A_version_needs_a_start_a_sane_age_range_and_a_reminder_within_two_years()
    {
        var errors = AgreementExpiry.CheckVersion(null, null, 65, 16, 1000);
        Assert.Equal(["validFrom", "ageTo", "reminderDays"], errors.Select(e => e.Field));
        Assert.Empty(AgreementExpiry.CheckVersion(From, To, 16, 64, 90));
    }
}

public class MeetingStatisticsTests
{
    [Fact]
    public void Planned_held_attendance_and_quorum_failures_per_group_and_year()
    {
        MeetingFact[] meetings =
        [
            // Samverk Nässjö 2019: March cancelled for absence, June held with 4 of 8 (seed 001), autumn held with 7 of 8.
            new(1, 2019, MeetingStatus.Cancelled, CancelledForLackOfQuorum: true, Quorate: false, 0, 0),
            new(1, 2019, MeetingStatus.Held, false, Quorate: false, FilledSeats: 4, OrdinarySeats: 8),
            new(1, 2019, MeetingStatus.Held, false, Quorate: true, FilledSeats: 7, OrdinarySeats: 8),
            new(1, 2019, MeetingStatus.Planned, false, false, 0, 0),
            new(1, 2020, MeetingStatus.Cancelled, CancelledForLackOfQuorum: false, false, 0, 0),
        ];
        var stats = MeetingStatistics.Compute(meetings, new Dictionary<int, int?> { [1] = 4, [2] = null }, [2019]);

        var nassjo = stats.Single(s => s.GroupId == 1 && s.Year == 2019);
        Assert.Equal((4, 4, 2, 1, 2), (nassjo.Planned, nassjo.Scheduled, nassjo.Held, nassjo.Cancelled, nassjo.QuorumFailures));
        Assert.Equal(11.0 / 16, nassjo.AttendanceRate);
        Assert.Equal(0.5, nassjo.HeldShareOfPlanned);

        var later = stats.Single(s => s.GroupId == 1 && s.Year == 2020);
        Assert.Equal(0, later.QuorumFailures); // cancelled for another reason
        Assert.Null(later.AttendanceRate);

        var empty = stats.Single(s => s.GroupId == 2);
        Assert.Equal((2019, 0, null), (empty.Year, empty.Held, empty.HeldShareOfPlanned));
    }
}

public class ICalendarTests
{
    [Fact]
    public void Writes_events_in_utc_with_escaped_text_and_crlf()
    {
        var start = SwedishTime.ToUtc(new DateTime(2019, 6, 13, 9, 0, 0));
        var winter = SwedishTime.ToUtc(new DateTime(2019, 3, 22, 9, 0, 0));
        Assert.Equal(new DateTime(2019, 6, 13, 7, 0, 0), start);  // summer time, UTC+2
        Assert.Equal(new DateTime(2019, 3, 22, 8, 0, 0), winter); // standard time, UTC+1

        var text = ICalendar.Write("Styrgrupp Samverk Nässjö", [
            new("m1@samordna", start, start.AddHours(2), "Styrgrupp; möte, juni", "Nässjö stadshus", "Punkt 1\nPunkt 2", false),
            new("m2@samordna", winter, winter.AddHours(2), "Styrgrupp", null, null, true),
        ], new DateTime(2019, 6, 1, 12, 0, 0));

        Assert.StartsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", text);
        Assert.EndsWith("END:VCALENDAR\r\n", text);
        Assert.DoesNotContain("\n", text.Replace("\r\n", ""));
        Assert.Contains("DTSTART:20190613T070000Z\r\n", text);
        Assert.Contains("DTEND:20190613T090000Z\r\n", text);
        Assert.Contains("SUMMARY:Styrgrupp\\; möte\\, juni\r\n", text);
        Assert.Contains("DESCRIPTION:Punkt 1\\nPunkt 2\r\n", text);
        Assert.Contains("STATUS:CANCELLED", text);
        Assert.Equal(2, text.Split("BEGIN:VEVENT").Length - 1);
    }

    [Fact]
    public void Long_lines_fold_at_75_octets_without_splitting_a_letter()
    {
        var line = "SUMMARY:" + new string('å', 100);
        var folded = ICalendar.Fold(line);
        var parts = folded.Split("\r\n");
        Assert.True(parts.Length > 1);
        Assert.All(parts, p => Assert.True(Encoding.UTF8.GetByteCount(p) <= 75, p));
        Assert.Equal(line, string.Concat(parts.Select((p, i) => i == 0 ? p : p[1..])));
    }
}

public class DeviationTests
{
    [Fact]
    public void Identity_numbers_in_free_text_are_refused_per_field_in_swedish()
    {
        var errors = Deviations.CheckFreeText([
            ("description", "Beskrivningen", "Remissen för 19121212-1212 kom aldrig fram till AF."),
            ("action", "Åtgärden", "Rutinen för remisser ses över den 2019-06-13."),
        ]);
        var error = Assert.Single(errors);
        Assert.Equal("description", error.Field);
        Assert.Contains("Beskrivningen innehåller något som liknar ett personnummer", error.Message);
        Assert.Contains("tecken 14", error.Message);
        Assert.DoesNotContain("1212-1212", error.Message); // the number itself is not repeated back
    }

    [Fact]
    public void Statistics_count_reports_per_category_and_each_named_actor()
    {
        DeviationFact[] facts =
        [
            new(DeviationCategory.Handover, ["Arbetsförmedlingen", "Kommunen"], 2019),
            new(DeviationCategory.Handover, ["Försäkringskassan"], 2019),
            new(DeviationCategory.WaitingTime, ["Arbetsförmedlingen", "Arbetsförmedlingen"], 2019),
        ];
        Assert.Equal([new("Överlämning mellan aktörer", 2), new("Väntetid", 1)], Deviations.PerCategory(facts));
        var actors = Deviations.PerActor(facts);
        Assert.Equal(new DeviationCount("Arbetsförmedlingen", 2), actors[0]);
        Assert.Equal(4, actors.Sum(a => a.Count));
    }
}

public class CoordinatorTests
{
    // Aneby in seed 001: 50 % to 2017-07-31, then nobody until 2018-08-01, then 50 % and from 2019 25 %.
    private static readonly CoordinatorPeriod[] Aneby =
    [
        new("Koordinator 1", 50, new(2016, 8, 1), new(2017, 7, 31)),
        new("Koordinator 2", 50, new(2018, 8, 1), new(2018, 12, 31)),
        new("Koordinator 3", 25, new(2019, 1, 1), new(2019, 7, 31)),
    ];

    [Fact]
    public void Vacancies_are_the_days_nobody_held_the_post()
    {
        var gaps = Coordinators.Vacancies(Aneby, new(2016, 8, 1), new(2019, 12, 31));
        Assert.Equal([new Vacancy(new(2017, 8, 1), new(2018, 7, 31)), new Vacancy(new(2019, 8, 1), new(2019, 12, 31))], gaps);
        Assert.Empty(Coordinators.Vacancies(Aneby, new(2019, 1, 1), new(2019, 7, 31)));
        Assert.Equal([new Vacancy(new(2016, 1, 1), new(2016, 7, 31))], Coordinators.Vacancies(Aneby, new(2016, 1, 1), new(2016, 12, 31)));
    }

    [Fact]
    public void Funding_check_compares_the_cap_with_the_actual_cost()
    {
        var check = Coordinators.Check(2018, 300_000, 140_000, Aneby);
        Assert.Equal(160_000, check.Remaining);
        Assert.False(check.OverCap);
        Assert.Equal(153.0 / 365, check.StaffedShare, 6); // August to December
        Assert.True(Coordinators.Check(2019, 300_000, 310_000, Aneby).OverCap);
        Assert.Null(Coordinators.Check(2019, 300_000, null, Aneby).Remaining);
    }
}

public class ReportPeriodTests
{
    [Fact]
    public void Half_years_parse_and_step()
    {
        var p = ReportPeriod.Parse("2019h1")!;
        Assert.Equal((new DateOnly(2019, 1, 1), new DateOnly(2019, 6, 30)), (p.From, p.To));
        Assert.Equal("januari–juni 2019", p.Swedish);
        Assert.Equal("2018H2", p.Previous.Code);
        Assert.Equal("2019H2", ReportPeriod.Containing(new(2019, 7, 1)).Code);
        Assert.Null(ReportPeriod.Parse("2019H3"));
        Assert.Equal(5, IntroductionChecklist.Items.Count);
    }
}

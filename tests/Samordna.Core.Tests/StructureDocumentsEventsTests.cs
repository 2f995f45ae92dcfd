using System.Text;
using Samordna.Core.Structures;

namespace Samordna.Core.Tests;

public class DocumentRulesTests
{
    [Theory]
    [InlineData("inbjudan.pdf", "%PDF-1.7 ...")]
    [InlineData("mall.docx", "PK\u0003\u0004rest")]
    [InlineData("lista.xlsx", "PK\u0003\u0004rest")]
    [InlineData("guide.odt", "PK\u0003\u0004rest")]
    [InlineData("checklista.md", "# Introduktion för nya ledamöter")]
    [InlineData("Vägen in.TXT", "Ring kommunens växel")]
    public void The_allowed_types_are_accepted_when_their_bytes_match(string name, string content) =>
        Assert.Empty(DocumentRules.CheckFile("file", name, Encoding.UTF8.GetBytes(content)));

    [Fact]
    public void Another_type_is_refused_in_swedish_naming_the_field_and_the_allowed_types()
    {
        var error = Assert.Single(DocumentRules.CheckFile("file", "program.exe", "MZ"u8));
        Assert.Equal("file", error.Field);
        Assert.Contains("(exe)", error.Message);
        Assert.Contains("pdf, docx, xlsx, odt, txt eller md", error.Message);
    }

    [Fact]
    public void A_renamed_file_and_binary_text_are_refused()
    {
        Assert.Contains("ser inte ut att vara en pdf-fil", Assert.Single(DocumentRules.CheckFile("file", "inbjudan.pdf", "PK\u0003\u0004"u8)).Message);
        Assert.Single(DocumentRules.CheckFile("file", "text.txt", new byte[] { 0x41, 0x00, 0x42 }));
        Assert.Single(DocumentRules.CheckFile("file", "text.txt", new byte[] { 0xC3, 0x28 })); // not UTF-8
    }

    [Fact]
    public void The_size_limit_is_exact()
    {
        var limit = new byte[DocumentRules.MaxBytes];
        Array.Fill(limit, (byte)'a');
        Assert.Empty(DocumentRules.CheckFile("file", "a.txt", limit));
        var over = new byte[DocumentRules.MaxBytes + 1];
        Array.Fill(over, (byte)'a');
        Assert.Contains("största tillåtna storlek är 5 MB", Assert.Single(DocumentRules.CheckFile("file", "a.txt", over)).Message);
        Assert.Contains("tom", Assert.Single(DocumentRules.CheckFile("file", "a.txt", [])).Message);
    }

    [Fact]
    public void Review_is_late_the_day_after_the_review_date()
    {
        var today = new DateOnly(2019, 9, 1);
        Assert.Equal(ReviewState.Current, DocumentRules.Review(today.AddDays(31), today));
        Assert.Equal(ReviewState.DueSoon, DocumentRules.Review(today.AddDays(30), today));
        Assert.Equal(ReviewState.DueSoon, DocumentRules.Review(today, today));
        Assert.Equal(ReviewState.Overdue, DocumentRules.Review(today.AddDays(-1), today));
        Assert.StartsWith("Granskning försenad", DocumentRules.Describe(ReviewState.Overdue, today.AddDays(-1)));
        Assert.Equal(ReviewState.NoReviewDate, DocumentRules.Review(null, today));
    }
}

public class EventFollowUpTests
{
    [Theory]
    [InlineData(null, "2020-03-12")]
    [InlineData(6, "2020-03-12")]
    [InlineData(12, "2020-09-12")]
    public void The_follow_up_is_planned_months_after_the_event(int? months, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), EventFollowUp.Plan(new DateOnly(2019, 9, 12), months).Value);

    [Theory]
    [InlineData(5)]
    [InlineData(13)]
    [InlineData(0)]
    public void Outside_six_to_twelve_months_is_refused(int months)
    {
        var result = EventFollowUp.Plan(new DateOnly(2019, 9, 12), months);
        Assert.Equal("followUpMonths", Assert.Single(result.Errors).Field);
        Assert.Contains("6–12 månader", result.Errors[0].Message);
    }

    [Fact]
    public void A_month_end_event_follows_up_at_the_end_of_the_shorter_month() =>
        Assert.Equal(new DateOnly(2020, 2, 29), EventFollowUp.Plan(new DateOnly(2019, 8, 31), 6).Value);

    [Fact]
    public void The_follow_up_is_due_from_its_day_until_done()
    {
        var on = new DateOnly(2020, 3, 12);
        Assert.Equal(FollowUpState.Planned, EventFollowUp.State(on, null, on.AddDays(-1)));
        Assert.Equal(FollowUpState.Due, EventFollowUp.State(on, null, on));
        Assert.Equal(FollowUpState.Done, EventFollowUp.State(on, on.AddDays(3), on.AddDays(10)));
        Assert.Equal(FollowUpState.None, EventFollowUp.State(null, null, on));
    }

    [Fact]
    public void Participants_per_organisation_name_the_row()
    {
        var errors = EventFollowUp.CheckParticipants([("Försäkringskassan", 12), ("försäkringskassan", 3), ("", 2), ("AF", -1)]);
        Assert.Equal(["participants[1].party", "participants[2].party", "participants[3].count"], errors.Select(e => e.Field));
        Assert.Contains("Rad 2", errors[0].Message);
    }
}

public class ReminderTests
{
    private static readonly DateOnly Today = new(2019, 9, 1);

    [Fact]
    public void Each_kind_is_due_by_its_own_rule_and_nothing_else_is()
    {
        var due = Reminders.Due(Today, 7,
            [
                new(1, "Skicka protokollet", "Anna", "LSG Aneby", Today.AddDays(7), null), // within 7 days
                new(2, "Boka lokal", "Per", "LSG Aneby", Today.AddDays(8), null),          // too far ahead
                new(3, "Kalla till möte", "Per", "LSG Aneby", Today.AddDays(-3), null),     // overdue
                new(4, "Klar redan", "Per", "LSG Aneby", Today.AddDays(-3), Today.AddDays(-4)),
                new(5, "Utan datum", "Per", "LSG Aneby", null, null),
            ],
            [new(1, "Samverk Aneby", 1, new(2019, 1, 1), Today.AddDays(60), 90), new(2, "Samverk Sävsjö", 1, new(2019, 1, 1), null, 90)],
            [new(1, "Inbjudan", "Koordinatorn", Today.AddDays(-1)), new(2, "Checklista", "Koordinatorn", Today)],
            [new(1, "Frukostmöte", new(2019, 3, 1), Today, null), new(2, "Inspirationsdag", new(2019, 3, 1), Today.AddDays(1), null)]);
        Assert.Equal(["action:3:2019-08-29", "document:1:2019-08-31", "event:1:2019-09-01", "action:1:2019-09-08", "agreement:1:v1:ExpiresSoon"], due.Select(r => r.Key));
        Assert.Contains("försenad", due[0].Text);
        Assert.Contains("granskning försenad", due[1].Text);
    }

    [Fact]
    public void A_moved_date_is_a_new_reminder()
    {
        var before = Reminders.Due(Today, 7, [new(1, "Skicka", "Anna", "G", Today, null)], [], [], []);
        var after = Reminders.Due(Today, 7, [new(1, "Skicka", "Anna", "G", Today.AddDays(2), null)], [], [], []);
        Assert.NotEqual(before.Single().Key, after.Single().Key);
    }
}

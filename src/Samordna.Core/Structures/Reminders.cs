namespace Samordna.Core.Structures;

public enum ReminderKind { ActionItem, Agreement, DocumentReview, EventFollowUp }

/// <summary>
/// One thing someone must be reminded of. The key names the thing and the date it is about, so a reminder is sent
/// once, and again only when the date moves (a new due date, a new agreement version, a new review date).
/// </summary>
public sealed record Reminder(ReminderKind Kind, string Key, string Subject, DateOnly? Due, string Text);

public sealed record ActionFact(int Id, string Text, string Owner, string Group, DateOnly? DueOn, DateOnly? DoneOn);
public sealed record AgreementFact(int Id, string Title, int Version, DateOnly ValidFrom, DateOnly? ValidTo, int ReminderDays);
public sealed record DocumentFact(int Id, string Title, string Owner, DateOnly? ReviewOn);
public sealed record EventFact(int Id, string Title, DateOnly HeldOn, DateOnly? FollowUpOn, DateOnly? FollowUpDoneOn);

/// <summary>What is due in the structures: action items due within N days or overdue, agreements expiring, documents past review, event follow-ups due.</summary>
public static class Reminders
{
    public const int DefaultDays = 7;

    public static IReadOnlyList<Reminder> Due(DateOnly today, int days, IEnumerable<ActionFact> actions, IEnumerable<AgreementFact> agreements,
        IEnumerable<DocumentFact> documents, IEnumerable<EventFact> events)
    {
        var due = new List<Reminder>();
        foreach (var a in actions.Where(a => a.DoneOn is null && a.DueOn is { } d && d.DayNumber - today.DayNumber <= days))
        {
            var late = a.DueOn < today ? "försenad, skulle vara klar" : "ska vara klar";
            due.Add(new(ReminderKind.ActionItem, $"action:{a.Id}:{a.DueOn:yyyy-MM-dd}", $"Åtgärd: {a.Text}", a.DueOn,
                $"Åtgärden \"{a.Text}\" ({a.Group}, ansvarig {a.Owner}) {late} {a.DueOn:yyyy-MM-dd}."));
        }
        foreach (var a in agreements)
        {
            var state = AgreementExpiry.State(a.ValidFrom, a.ValidTo, today, a.ReminderDays);
            if (state is ExpiryState.ExpiresSoon or ExpiryState.Expired)
                due.Add(new(ReminderKind.Agreement, $"agreement:{a.Id}:v{a.Version}:{state}", $"Överenskommelse: {a.Title}", a.ValidTo,
                    $"Överenskommelsen \"{a.Title}\" (version {a.Version}): {AgreementExpiry.Describe(state, a.ValidTo, today)}"));
        }
        foreach (var d in documents.Where(d => DocumentRules.Review(d.ReviewOn, today) == ReviewState.Overdue))
            due.Add(new(ReminderKind.DocumentReview, $"document:{d.Id}:{d.ReviewOn:yyyy-MM-dd}", $"Granskning: {d.Title}", d.ReviewOn,
                $"Dokumentet \"{d.Title}\" (ägare {d.Owner}): granskning försenad, skulle ha granskats {d.ReviewOn:yyyy-MM-dd}."));
        foreach (var e in events.Where(e => EventFollowUp.State(e.FollowUpOn, e.FollowUpDoneOn, today) == FollowUpState.Due))
            due.Add(new(ReminderKind.EventFollowUp, $"event:{e.Id}:{e.FollowUpOn:yyyy-MM-dd}", $"Uppföljning: {e.Title}", e.FollowUpOn,
                $"Träffen \"{e.Title}\" {e.HeldOn:yyyy-MM-dd} ska följas upp; uppföljningen var planerad {e.FollowUpOn:yyyy-MM-dd}."));
        return due.OrderBy(r => r.Due ?? DateOnly.MaxValue).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();
    }
}

using Samordna.Core.Common;

namespace Samordna.Core.Structures;

/// <summary>The association's own events (seed 001: the Inspirationsdag, local information days, breakfast meetings).</summary>
public enum EventKind { InformationDay, InspirationDay, BreakfastMeeting, Other }

public enum FollowUpState { None, Planned, Due, Done }

/// <summary>An event is followed up 6–12 months later: long enough for the contacts made to be used, soon enough to be remembered.</summary>
public static class EventFollowUp
{
    public const int MinMonths = 6, MaxMonths = 12, DefaultMonths = 6;

    public static string Swedish(EventKind kind) => kind switch
    {
        EventKind.InformationDay => "Informationsdag",
        EventKind.InspirationDay => "Inspirationsdag",
        EventKind.BreakfastMeeting => "Frukostmöte",
        EventKind.Other => "Annan träff",
        _ => kind.ToString(),
    };

    /// <summary>The follow-up date: the same day of the month, the given number of months after the event.</summary>
    public static Result<DateOnly> Plan(DateOnly heldOn, int? months)
    {
        var m = months ?? DefaultMonths;
        if (m is < MinMonths or > MaxMonths)
            return Result<DateOnly>.Fail("followUpMonths", $"Uppföljningen ska ske {MinMonths}–{MaxMonths} månader efter träffen (nu {m}).");
        return Result<DateOnly>.Ok(heldOn.AddMonths(m));
    }

    public static FollowUpState State(DateOnly? followUpOn, DateOnly? doneOn, DateOnly today) =>
        doneOn is not null ? FollowUpState.Done
        : followUpOn is not { } due ? FollowUpState.None
        : due <= today ? FollowUpState.Due
        : FollowUpState.Planned;

    public static string Describe(FollowUpState state, DateOnly? followUpOn, DateOnly? doneOn) => state switch
    {
        FollowUpState.None => "Ingen uppföljning planerad.",
        FollowUpState.Planned => $"Uppföljning planerad {followUpOn:yyyy-MM-dd}.",
        FollowUpState.Due => $"Uppföljning att göra: planerad {followUpOn:yyyy-MM-dd}.",
        FollowUpState.Done => $"Uppföljd {doneOn:yyyy-MM-dd}.",
        _ => "",
    };

    /// <summary>Participants per organisation: each count a whole number from 0, each organisation once.</summary>
    public static IReadOnlyList<FieldError> CheckParticipants(IReadOnlyList<(string Party, int? Count)> rows)
    {
        var errors = new List<FieldError>();
        var seen = new HashSet<string>(StringComparer.CurrentCultureIgnoreCase);
        for (var i = 0; i < rows.Count; i++)
        {
            var (party, count) = rows[i];
            if (string.IsNullOrWhiteSpace(party)) errors.Add(new($"participants[{i}].party", $"Rad {i + 1}: fyll i organisationen."));
            else if (!seen.Add(party.Trim())) errors.Add(new($"participants[{i}].party", $"Rad {i + 1}: {party.Trim()} står redan på en annan rad."));
            if (count is null or < 0 or > 100_000) errors.Add(new($"participants[{i}].count", $"Rad {i + 1}: antalet deltagare ska vara ett heltal från 0."));
        }
        return errors;
    }
}

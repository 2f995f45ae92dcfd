namespace Samordna.Core.Structures;

/// <summary>A person in a group as the quorum rule sees them on the meeting's day.</summary>
/// <param name="SubstituteForId">For a substitute: the member whose seat they stand in for.</param>
public sealed record Seat(int MemberId, string Party, MemberRole Role, int? SubstituteForId = null)
{
    /// <summary>Chair, vice chair and members hold ordinary seats; substitutes and adjuncts do not.</summary>
    public bool IsOrdinary => Role is MemberRole.Chair or MemberRole.ViceChair or MemberRole.Member;
}

public sealed record QuorumResult(bool IsQuorate, int OrdinarySeats, int FilledSeats, IReadOnlyList<string> MissingParties, string Explanation);

/// <summary>
/// Whether a meeting may decide. A seat is filled when its member is present, or when the member is marked
/// "substitute present", or when a substitute linked to that member is present. Some boards are quorate only
/// when every principal is there (domain guide §1); others need a majority of seats.
/// </summary>
public static class Quorum
{
    public static QuorumResult Check(QuorumRule rule, IReadOnlyList<Seat> seats, IReadOnlyDictionary<int, Attendance> attendance)
    {
        var ordinary = seats.Where(s => s.IsOrdinary).ToList();
        var filled = ordinary.Where(s => IsFilled(s, seats, attendance)).ToList();
        var missingParties = ordinary.Select(s => s.Party).Distinct()
            .Where(p => !filled.Any(f => f.Party == p)).OrderBy(p => p, StringComparer.Create(new("sv-SE"), false)).ToList();

        if (rule == QuorumRule.None)
            return new(true, ordinary.Count, filled.Count, missingParties, $"Ingen regel om beslutsförhet. {filled.Count} av {ordinary.Count} ordinarie platser besatta.");
        if (ordinary.Count == 0)
            return new(false, 0, 0, [], "Inte beslutsför: gruppen har inga ordinarie ledamöter den dagen.");

        return rule switch
        {
            QuorumRule.MajorityOfSeats => Majority(ordinary.Count, filled.Count, missingParties),
            QuorumRule.EveryParty => missingParties.Count == 0
                ? new(true, ordinary.Count, filled.Count, [], $"Beslutsför: alla {ordinary.Select(s => s.Party).Distinct().Count()} huvudmän är företrädda.")
                : new(false, ordinary.Count, filled.Count, missingParties, $"Inte beslutsför: varje huvudman ska vara företrädd, men {string.Join(", ", missingParties)} saknas."),
            _ => throw new ArgumentOutOfRangeException(nameof(rule)),
        };
    }

    private static QuorumResult Majority(int seats, int filled, IReadOnlyList<string> missingParties)
    {
        var needed = seats / 2 + 1;
        return filled >= needed
            ? new(true, seats, filled, missingParties, $"Beslutsför: {filled} av {seats} ordinarie platser besatta (minst {needed} krävs).")
            : new(false, seats, filled, missingParties, $"Inte beslutsför: {filled} av {seats} ordinarie platser besatta, minst {needed} krävs.");
    }

    private static bool IsFilled(Seat seat, IReadOnlyList<Seat> all, IReadOnlyDictionary<int, Attendance> attendance) =>
        attendance.GetValueOrDefault(seat.MemberId, Attendance.Absent) is Attendance.Present or Attendance.SubstitutePresent
        || all.Any(s => s.Role == MemberRole.Substitute && s.SubstituteForId == seat.MemberId
                        && attendance.GetValueOrDefault(s.MemberId, Attendance.Absent) == Attendance.Present);
}

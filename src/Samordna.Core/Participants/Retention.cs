namespace Samordna.Core.Participants;

/// <summary>
/// How long identity and name are kept: a fixed number of years after the person's last exit (default five),
/// never while an episode is open. The episodes stay, as statistics without a person.
/// </summary>
public static class Retention
{
    public const int DefaultYears = 5;

    public static bool IsDue(IEnumerable<DateOnly?> exits, DateOnly today, int years)
    {
        var list = exits.ToList();
        if (list.Count == 0 || list.Any(e => e is null)) return false;
        return list.Max()!.Value.AddYears(years) <= today;
    }
}

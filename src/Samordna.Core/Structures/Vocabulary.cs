namespace Samordna.Core.Structures;

/// <summary>The kinds of collaboration group an association runs (seeds 001 and 004).</summary>
public enum GroupKind
{
    /// <summary>Styrelse: the association's board.</summary>
    Board,
    /// <summary>Beredningsgrupp: senior officials preparing the board's matters.</summary>
    PreparatoryGroup,
    /// <summary>Lokal ledningsgrupp: managers in one municipal area (Mysam, LSG, styrgrupp för Samverk X).</summary>
    LocalManagementGroup,
    /// <summary>Arbetsgrupp: caseworkers of the parties in one area.</summary>
    WorkingGroup,
    /// <summary>Utvecklingsgrupp.</summary>
    DevelopmentGroup,
    /// <summary>Styrgrupp för en insats.</summary>
    InterventionSteeringGroup,
    /// <summary>Nätverk, e.g. the coordinators' monthly network.</summary>
    Network,
}

/// <summary>A person's role in a group.</summary>
public enum MemberRole { Chair, ViceChair, Member, Substitute, Adjunct }

/// <summary>Who calls the group's meetings.</summary>
public enum ConveningRule
{
    /// <summary>The coordinator convenes (Aneby's LSG, seed 001).</summary>
    Coordinator,
    /// <summary>One named party always convenes.</summary>
    FixedParty,
    /// <summary>The parties take turns (Samverk Nässjö from 2019, seed 001).</summary>
    Rotating,
}

/// <summary>When a meeting may take decisions.</summary>
public enum QuorumRule
{
    /// <summary>No rule: every held meeting counts as quorate.</summary>
    None,
    /// <summary>More than half of the ordinary seats are filled by a member or their substitute.</summary>
    MajorityOfSeats,
    /// <summary>Every party (principal) with an ordinary seat is represented by a member or substitute.</summary>
    EveryParty,
}

public enum MeetingStatus { Planned, Held, Cancelled }

public enum Attendance { Present, Absent, SubstitutePresent }

/// <summary>Swedish names for the interface, and parsing of both the code and the Swedish name.</summary>
public static class StructureNames
{
    public static string Swedish(GroupKind kind) => kind switch
    {
        GroupKind.Board => "Styrelse",
        GroupKind.PreparatoryGroup => "Beredningsgrupp",
        GroupKind.LocalManagementGroup => "Lokal ledningsgrupp",
        GroupKind.WorkingGroup => "Arbetsgrupp",
        GroupKind.DevelopmentGroup => "Utvecklingsgrupp",
        GroupKind.InterventionSteeringGroup => "Styrgrupp för insats",
        GroupKind.Network => "Nätverk",
        _ => kind.ToString(),
    };

    public static string Swedish(MemberRole role) => role switch
    {
        MemberRole.Chair => "Ordförande",
        MemberRole.ViceChair => "Vice ordförande",
        MemberRole.Member => "Ledamot",
        MemberRole.Substitute => "Ersättare",
        MemberRole.Adjunct => "Adjungerad",
        _ => role.ToString(),
    };

    public static string Swedish(ConveningRule rule) => rule switch
    {
        ConveningRule.Coordinator => "Samverkanskoordinatorn kallar",
        ConveningRule.FixedParty => "En fast part kallar",
        ConveningRule.Rotating => "Parterna kallar i tur och ordning",
        _ => rule.ToString(),
    };

    public static string Swedish(QuorumRule rule) => rule switch
    {
        QuorumRule.None => "Ingen regel",
        QuorumRule.MajorityOfSeats => "Mer än hälften av de ordinarie platserna besatta",
        QuorumRule.EveryParty => "Varje huvudman närvarande",
        _ => rule.ToString(),
    };

    public static string Swedish(MeetingStatus status) => status switch
    {
        MeetingStatus.Planned => "Planerat",
        MeetingStatus.Held => "Genomfört",
        MeetingStatus.Cancelled => "Inställt",
        _ => status.ToString(),
    };

    public static string Swedish(Attendance attendance) => attendance switch
    {
        Attendance.Present => "Närvarande",
        Attendance.Absent => "Frånvarande",
        Attendance.SubstitutePresent => "Ersättare närvarande",
        _ => attendance.ToString(),
    };

    /// <summary>The enum value whose code or Swedish name is the text (case ignored); null when none is.</summary>
    public static T? Parse<T>(string? text, Func<T, string> swedish) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim();
        foreach (var value in Enum.GetValues<T>())
            if (string.Equals(value.ToString(), t, StringComparison.OrdinalIgnoreCase) || string.Equals(swedish(value), t, StringComparison.OrdinalIgnoreCase))
                return value;
        return null;
    }

    /// <summary>"a, b eller c": the Swedish names, for error messages that list what is accepted.</summary>
    public static string Choices<T>(Func<T, string> swedish) where T : struct, Enum =>
        string.Join(", ", Enum.GetValues<T>().Select(v => $"{v} ({swedish(v)})"));
}

namespace Samordna.Core.Access;

/// <summary>
/// The roles a person can hold. All but SystemAdministrator are held per association, so one person can be
/// board member in one association and analyst in another. The separation follows the national system (SUS).
/// </summary>
public enum Role
{
    /// <summary>Runs the installation: creates associations and accounts. Not per association.</summary>
    SystemAdministrator,
    /// <summary>Samverkansadministratör, the office: runs the association, never sees participant personal data.</summary>
    AssociationAdministrator,
    /// <summary>Styrelseledamot: reads reports.</summary>
    BoardMember,
    /// <summary>Samverkanskoordinator: runs local groups, no individual cases.</summary>
    Coordinator,
    /// <summary>Insatsansvarig: runs interventions, budgets and counts; no personal data.</summary>
    InterventionLead,
    /// <summary>Deltagaransvarig: registers participants of their own interventions and sees only their personal data.</summary>
    ParticipantRegistrar,
    /// <summary>Analytiker: aggregates and pseudonymised data only.</summary>
    Analyst,
}

public static class RoleNames
{
    public static string Swedish(Role role) => role switch
    {
        Role.SystemAdministrator => "Systemadministratör",
        Role.AssociationAdministrator => "Förbundsadministratör",
        Role.BoardMember => "Styrelseledamot",
        Role.Coordinator => "Samverkanskoordinator",
        Role.InterventionLead => "Insatsansvarig",
        Role.ParticipantRegistrar => "Deltagaransvarig",
        Role.Analyst => "Analytiker",
        _ => role.ToString(),
    };

    /// <summary>Parses the English code name or the Swedish name, ignoring case.</summary>
    public static Role? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        foreach (var role in Enum.GetValues<Role>())
        {
            if (string.Equals(role.ToString(), text.Trim(), StringComparison.OrdinalIgnoreCase)
                || string.Equals(Swedish(role), text.Trim(), StringComparison.OrdinalIgnoreCase))
                return role;
        }
        return null;
    }
}

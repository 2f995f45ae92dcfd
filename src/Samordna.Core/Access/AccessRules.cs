using Samordna.Core.Common;

namespace Samordna.Core.Access;

/// <summary>One role held by a person, in one association (or installation-wide when AssociationId is null).</summary>
public sealed record RoleGrant(Role Role, int? AssociationId);

/// <summary>The pure decision: may someone holding these grants do this, in this association?</summary>
public static class AccessRules
{
    private static readonly IReadOnlyDictionary<Permission, Role[]> AllowedRoles = new Dictionary<Permission, Role[]>
    {
        [Permission.AdministerInstallation] = [],
        [Permission.ViewAssociation] =
        [
            Role.AssociationAdministrator, Role.BoardMember, Role.Coordinator,
            Role.InterventionLead, Role.ParticipantRegistrar, Role.Analyst,
        ],
        [Permission.ManageAssociation] = [Role.AssociationAdministrator],
        [Permission.ManageRoles] = [Role.AssociationAdministrator],
        [Permission.ReadAudit] = [Role.AssociationAdministrator],
        [Permission.ManageMeasurement] = [Role.AssociationAdministrator, Role.Coordinator],
        [Permission.ManageInterventions] = [Role.AssociationAdministrator, Role.InterventionLead],
        [Permission.ManageStructures] = [Role.AssociationAdministrator, Role.Coordinator],
        [Permission.RegisterParticipants] = [Role.ParticipantRegistrar],
        // In an association that has opted in; see ComparisonAccess, which is what the handler asks.
        [Permission.ViewComparisons] =
        [
            Role.AssociationAdministrator, Role.BoardMember, Role.Coordinator,
            Role.InterventionLead, Role.ParticipantRegistrar, Role.Analyst,
        ],
    };

    /// <summary>Permissions the system administrator does not get: participants' personal data (GUIDE §4).</summary>
    private static readonly IReadOnlySet<Permission> NotForSystemAdministrator = new HashSet<Permission> { Permission.RegisterParticipants };

    /// <summary>
    /// The system administrator may do everything that concerns running the installation in every association,
    /// except <see cref="Permission.RegisterParticipants"/>: participants' identity is seen only by the participant
    /// registrars of their interventions. Other roles may only what their role allows, in the association that
    /// granted it.
    /// </summary>
    public static bool IsAllowed(IEnumerable<RoleGrant> grants, Permission permission, int? associationId)
    {
        var list = grants as IReadOnlyCollection<RoleGrant> ?? grants.ToList();
        if (list.Any(g => g.Role == Role.SystemAdministrator) && !NotForSystemAdministrator.Contains(permission)) return true;
        if (associationId is null) return false;
        return list.Any(g => g.AssociationId == associationId && AllowedRoles[permission].Contains(g.Role));
    }

    /// <summary>Roles that may not be combined in one association (SUS: the office never registers participants).</summary>
    public static IReadOnlyList<(Role A, Role B)> IncompatibleRoles { get; } =
        [(Role.AssociationAdministrator, Role.ParticipantRegistrar)];

    /// <summary>Checks that adding a grant keeps the person's roles valid.</summary>
    public static IReadOnlyList<FieldError> CheckNewGrant(IEnumerable<RoleGrant> existing, RoleGrant added)
    {
        var errors = new List<FieldError>();
        var list = existing.ToList();
        if (added.Role == Role.SystemAdministrator && added.AssociationId is not null)
            errors.Add(new("association", "Systemadministratör gäller hela installationen och ska inte kopplas till ett förbund."));
        if (added.Role != Role.SystemAdministrator && added.AssociationId is null)
            errors.Add(new("association", $"Rollen {RoleNames.Swedish(added.Role)} gäller ett förbund. Ange vilket."));
        if (list.Contains(added))
            errors.Add(new("role", $"Personen har redan rollen {RoleNames.Swedish(added.Role)} här."));
        foreach (var (a, b) in IncompatibleRoles)
        {
            var other = added.Role == a ? b : added.Role == b ? a : (Role?)null;
            if (other is { } o && list.Any(g => g.Role == o && g.AssociationId == added.AssociationId))
                errors.Add(new("role", $"{RoleNames.Swedish(added.Role)} kan inte kombineras med {RoleNames.Swedish(o)} i samma förbund."));
        }
        return errors;
    }
}

namespace Samordna.Core.Access;

/// <summary>What a request wants to do. Every page and endpoint declares exactly one.</summary>
public enum Permission
{
    /// <summary>Create associations and accounts across the installation.</summary>
    AdministerInstallation,
    /// <summary>See an association's name, area, members and funding.</summary>
    ViewAssociation,
    /// <summary>Change an association's details, members and funding years.</summary>
    ManageAssociation,
    /// <summary>Give and take roles within an association.</summary>
    ManageRoles,
    /// <summary>Read and export the audit log of an association.</summary>
    ReadAudit,
    /// <summary>Create survey rounds and import or collect their answers.</summary>
    ManageMeasurement,
    /// <summary>Register interventions, their decisions, budgets, staffing, theory of change and plans.</summary>
    ManageInterventions,
    /// <summary>Run collaboration structures: groups, members, meetings, agreements, the directory, deviations.</summary>
    ManageStructures,
    /// <summary>
    /// Register participants and see their identity, only in the interventions one is assigned to. The one
    /// permission the system administrator does not pass: an installation's operator never sees a participant.
    /// </summary>
    RegisterParticipants,
    /// <summary>
    /// See the comparison of associations on the installation (aggregates of those that opted in). Not tied to one
    /// association: decided by <see cref="ComparisonAccess"/> from the caller's grants and the opted-in associations.
    /// </summary>
    ViewComparisons,
}

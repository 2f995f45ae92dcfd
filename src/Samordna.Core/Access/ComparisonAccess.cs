namespace Samordna.Core.Access;

/// <summary>
/// Who may see the comparison of associations: the system administrator, and anyone holding a role in an
/// association that has opted in. An association that shares nothing sees nothing of the others (reciprocity),
/// and what is shown is aggregates only, protected against small cells.
/// </summary>
public static class ComparisonAccess
{
    public static bool MaySee(IEnumerable<RoleGrant> grants, IReadOnlySet<int> optedIn) =>
        grants.Any(g => g.Role == Role.SystemAdministrator
                        || (g.AssociationId is { } id && optedIn.Contains(id) && AccessRules.IsAllowed([g], Permission.ViewComparisons, id)));
}

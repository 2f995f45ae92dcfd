using Samordna.Core.Access;
using Samordna.Core.Interventions;
using Samordna.Web.Data;
using Samordna.Web.Features.Access;
using Samordna.Web.Features.Shared;

namespace Samordna.Web.Features.Interventions;

/// <summary>
/// A page about one intervention (/Interventions/{interventionId}/…): it reads the intervention once with
/// everything on it, its association, and whether the person may change it.
/// </summary>
public abstract class InterventionPageModel(InterventionQueries queries, CurrentGrants grants) : FormPageModel
{
    public InterventionView View { get; private set; } = null!;
    public Intervention Intervention => View.Intervention;
    public Association Association { get; private set; } = null!;
    public bool CanManage { get; private set; }
    public DateOnly Today => queries.Today;

    /// <summary>The page's place in the intervention's menu; the menu marks it as the current page.</summary>
    public abstract string Section { get; }

    public bool HasEnded => Intervention.ActualEndDate is not null || Intervention.Status == InterventionStatus.Ended;

    /// <summary>False when the intervention does not exist (only a system administrator gets this far then).</summary>
    protected async Task<bool> LoadAsync(int interventionId)
    {
        if (await queries.ViewAsync(interventionId) is not { } view) return false;
        View = view;
        Association = (await queries.AssociationAsync(view.Intervention.AssociationId))!;
        CanManage = await grants.IsAllowedAsync(User, Permission.ManageInterventions, Association.Id);
        return true;
    }
}

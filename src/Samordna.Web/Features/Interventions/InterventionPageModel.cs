using Microsoft.AspNetCore.Mvc;
using Samordna.Core.Access;
using Samordna.Core.Common;
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
    protected InterventionQueries Queries => queries;

    /// <summary>The revision of the list or record this page edits, as the form was opened on it (posted back as "revision").</summary>
    [BindProperty] public int? Revision { get; set; }

    /// <summary>The hidden revision field and, after a refused stale save, the conflict notice.</summary>
    public RevisionView RevisionView => new(Revision, ErrorFor(Revisions.Field), Request.Path);

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

    /// <summary>
    /// The end of every form's post: what could not be read, else the handler's answer; on success a message (and
    /// any warnings) for the intervention page, and back there (or to <paramref name="then"/>).
    /// </summary>
    protected async Task<IActionResult> SaveAsync<T>(FormReader read, Func<Task<Result<T>?>> save, Func<T, string> saved,
        string anchor, Func<T, IEnumerable<string>>? warnings = null, string? then = null)
    {
        if (read.Errors.Count > 0) return Refused(read.Errors);
        if (await save() is not { } result) return NotFound();
        if (!result.IsValid) return Refused(result.Errors);
        TempData[OverviewModel.SavedKey] = saved(result.Value!);
        if (warnings is not null) TempData[OverviewModel.WarningsKey] = string.Join("\n", warnings(result.Value!));
        return Redirect(then ?? $"/Interventions/{Intervention.Id}#{anchor}");
    }

    /// <summary>The filled rows of a list editor and a few empty ones to add to, so no script is needed.</summary>
    public static IEnumerable<T> WithEmpty<T>(IEnumerable<T> rows, Func<T> empty) =>
        rows.Concat(Enumerable.Range(0, InterventionForm.EmptyRows).Select(_ => empty()));
}

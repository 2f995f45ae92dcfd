using Microsoft.AspNetCore.Mvc;
using Samordna.Core.Access;
using Samordna.Core.Structures;
using Samordna.Web.Data;
using Samordna.Web.Features.Access;

namespace Samordna.Web.Features.Structures;

/// <summary>Running a group: its settings, members joining and leaving (with successors), introductions, planned meetings.</summary>
[RequiresPermission(Permission.ManageStructures)]
public sealed class GroupEditModel(SamordnaDb db, StructureQueries queries, GroupCommands groups, MeetingCommands meetings) : StructurePage(db)
{
    public GroupView View { get; private set; } = null!;
    public DateOnly Today => queries.Today;

    public async Task<IActionResult> OnGetAsync([FromRoute] int associationId, [FromRoute] int groupId) =>
        await LoadAsync(associationId, groupId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSettingsAsync([FromRoute] int associationId, [FromRoute] int groupId, GroupRequest request) =>
        Done(await groups.UpdateAsync(associationId, groupId, request) is { } r ? r.Errors : null, associationId, groupId) ?? await Refused(associationId, groupId);

    public async Task<IActionResult> OnPostMemberAsync([FromRoute] int associationId, [FromRoute] int groupId, MemberRequest request) =>
        Done(await groups.AddMemberAsync(associationId, groupId, request) is { } r ? r.Errors : null, associationId, groupId) ?? await Refused(associationId, groupId);

    public async Task<IActionResult> OnPostEndAsync([FromRoute] int associationId, [FromRoute] int groupId, int memberId, EndMemberRequest request, Dictionary<int, int> revisions) =>
        Done(await groups.EndMemberAsync(associationId, groupId, memberId, request with { Revision = revisions.TryGetValue(memberId, out var rev) ? rev : null }) is { } r ? r.Errors : null, associationId, groupId)
        ?? await Refused(associationId, groupId);

    public async Task<IActionResult> OnPostIntroductionAsync([FromRoute] int associationId, [FromRoute] int groupId, int memberId, string[] done)
    {
        foreach (var (code, _) in IntroductionChecklist.Items)
            if (!await groups.SetIntroductionStepAsync(associationId, groupId, memberId, code, done.Contains(code), queries.Today)) return NotFound();
        return Redirect($"/Associations/{associationId}/Structures/Groups/{groupId}/Edit#introduction");
    }

    public async Task<IActionResult> OnPostMeetingAsync([FromRoute] int associationId, [FromRoute] int groupId, MeetingRequest request)
    {
        var result = await meetings.PlanAsync(associationId, groupId, request);
        if (result is null) return NotFound();
        return result.IsValid ? Redirect($"/Associations/{associationId}/Structures/Meetings/{result.Value!.Id}/Edit") : await RefusedAsync(result.Errors, () => LoadAsync(associationId, groupId));
    }

    private IReadOnlyList<Core.Common.FieldError>? pending;

    /// <summary>Redirects back when saved; remembers the errors (or a missing group) for Refused otherwise.</summary>
    private IActionResult? Done(IReadOnlyList<Core.Common.FieldError>? errors, int associationId, int groupId)
    {
        if (errors is null) return NotFound();
        if (errors.Count == 0) return Redirect($"/Associations/{associationId}/Structures/Groups/{groupId}/Edit");
        pending = errors;
        return null;
    }

    private Task<IActionResult> Refused(int associationId, int groupId) => RefusedAsync(pending!, () => LoadAsync(associationId, groupId));

    private async Task<bool> LoadAsync(int associationId, int groupId)
    {
        if (!await LoadAssociationAsync(associationId)) return false;
        if (await queries.GroupAsync(associationId, groupId, queries.Today.Year) is not { } view) return false;
        View = view;
        return true;
    }
}

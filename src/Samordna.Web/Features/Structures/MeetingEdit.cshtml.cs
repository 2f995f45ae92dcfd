using Microsoft.AspNetCore.Mvc;
using Samordna.Core.Access;
using Samordna.Core.Common;
using Samordna.Web.Data;
using Samordna.Web.Features.Access;

namespace Samordna.Web.Features.Structures;

/// <summary>Recording a meeting: attendance (which marks it held and shows the quorum), cancellation, minutes, decisions, actions.</summary>
[RequiresPermission(Permission.ManageStructures)]
public sealed class MeetingEditModel(SamordnaDb db, StructureQueries queries, MeetingCommands meetings) : StructurePage(db)
{
    public MeetingView View { get; private set; } = null!;
    public DateOnly Today => queries.Today;

    public async Task<IActionResult> OnGetAsync([FromRoute] int associationId, [FromRoute] int meetingId) =>
        await LoadAsync(associationId, meetingId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAttendanceAsync([FromRoute] int associationId, [FromRoute] int meetingId, Dictionary<int, string> attendance, int? revision) =>
        await After(await meetings.RecordAttendanceAsync(associationId, meetingId, new AttendanceRequest(attendance, revision)) is { } r ? r.Errors : null, associationId, meetingId);

    public async Task<IActionResult> OnPostCancelAsync([FromRoute] int associationId, [FromRoute] int meetingId, CancelRequest request) =>
        await After(await meetings.CancelAsync(associationId, meetingId, request) is { } r ? r.Errors : null, associationId, meetingId);

    public async Task<IActionResult> OnPostMinutesAsync([FromRoute] int associationId, [FromRoute] int meetingId, string? agenda, string? minutes, int? revision) =>
        await After(await meetings.SaveMinutesAsync(associationId, meetingId, agenda, minutes, revision) is { } r ? r.Errors : null, associationId, meetingId);

    public async Task<IActionResult> OnPostDecisionAsync([FromRoute] int associationId, [FromRoute] int meetingId, string? decision) =>
        await After(await meetings.AddDecisionAsync(associationId, meetingId, decision) is { } r ? r.Errors : null, associationId, meetingId);

    public async Task<IActionResult> OnPostActionAsync([FromRoute] int associationId, [FromRoute] int meetingId, string? actionText, string? owner, DateOnly? dueOn) =>
        await After(await meetings.AddActionAsync(associationId, meetingId, new ActionItemRequest(actionText, owner, dueOn)) is { } r ? r.Errors : null, associationId, meetingId);

    public async Task<IActionResult> OnPostDoneAsync([FromRoute] int associationId, [FromRoute] int meetingId, int actionId, bool done) =>
        await After(await meetings.SetActionDoneAsync(associationId, actionId, done ? queries.Today : null) ? [] : null, associationId, meetingId);

    private async Task<IActionResult> After(IReadOnlyList<FieldError>? errors, int associationId, int meetingId) => errors switch
    {
        null => NotFound(),
        { Count: 0 } => Redirect($"/Associations/{associationId}/Structures/Meetings/{meetingId}/Edit"),
        _ => await RefusedAsync(errors, () => LoadAsync(associationId, meetingId)),
    };

    private async Task<bool> LoadAsync(int associationId, int meetingId)
    {
        if (!await LoadAssociationAsync(associationId)) return false;
        if (await queries.MeetingAsync(associationId, meetingId) is not { } view) return false;
        View = view;
        return true;
    }
}

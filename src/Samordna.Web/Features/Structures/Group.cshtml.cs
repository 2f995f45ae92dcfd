using Microsoft.AspNetCore.Mvc;
using Samordna.Core.Access;
using Samordna.Web.Data;
using Samordna.Web.Features.Access;

namespace Samordna.Web.Features.Structures;

/// <summary>A group's year: settings, current members and substitutes, turnover, meetings with quorum, open actions; its calendar.</summary>
[RequiresPermission(Permission.ViewAssociation)]
public sealed class GroupModel(SamordnaDb db, StructureQueries queries, CurrentGrants grants) : StructurePage(db)
{
    public GroupView View { get; private set; } = null!;
    public int Year { get; private set; }
    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] int associationId, [FromRoute] int groupId, int? showYear)
    {
        if (!await LoadAssociationAsync(associationId)) return NotFound();
        Year = showYear is >= 2000 and <= 2100 ? showYear.Value : queries.Today.Year;
        if (await queries.GroupAsync(associationId, groupId, Year) is not { } view) return NotFound();
        View = view;
        CanManage = await grants.IsAllowedAsync(User, Permission.ManageStructures, associationId);
        return Page();
    }

    /// <summary>All the group's meetings as an iCalendar file, for the members' own calendars.</summary>
    public async Task<IActionResult> OnGetCalendarAsync([FromRoute] int associationId, [FromRoute] int groupId) =>
        await queries.CalendarAsync(associationId, groupId, Request.Host.Host) is { } ics
            ? File(System.Text.Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8", $"grupp-{groupId}.ics")
            : NotFound();

    public string NameOf(int? memberId) => View.Group.Members.FirstOrDefault(m => m.Id == memberId)?.PersonName ?? "";
}

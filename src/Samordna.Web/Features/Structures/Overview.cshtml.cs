using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Web.Data;
using Samordna.Web.Features.Access;

namespace Samordna.Web.Features.Structures;

/// <summary>An association's groups with the year's meeting statistics, its agreements with expiry reminders, and its plans.</summary>
[RequiresPermission(Permission.ViewAssociation)]
public sealed class OverviewModel(SamordnaDb db, StructureQueries queries, Agreements agreements, CurrentGrants grants,
    StructureReminders reminders, Measurement.SmtpOptions smtp) : StructurePage(db)
{
    public IReadOnlyList<ReminderLine> Reminders { get; private set; } = [];
    public bool MailConfigured => smtp.Configured;
    public int Year { get; private set; }
    public List<GroupSummary> Groups { get; private set; } = [];
    public List<AgreementView> Agreements { get; private set; } = [];
    public List<ActionPlan> Plans { get; private set; } = [];
    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] int associationId, int? showYear)
    {
        if (!await LoadAssociationAsync(associationId)) return NotFound();
        Year = showYear is >= 2000 and <= 2100 ? showYear.Value : queries.Today.Year;
        Groups = await queries.GroupsAsync(associationId, Year);
        Agreements = await agreements.ListAsync(associationId);
        Plans = await Db.ActionPlans.AsNoTracking().Where(p => p.AssociationId == associationId).OrderBy(p => p.Title).ToListAsync();
        CanManage = await grants.IsAllowedAsync(User, Permission.ManageStructures, associationId);
        Reminders = await reminders.ListAsync(associationId, queries.Today);
        return Page();
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Web.Data;
using Samordna.Web.Features.Access;

namespace Samordna.Web.Features.Measurement;

[RequiresPermission(Permission.ViewAssociation)]
public sealed class RoundsModel(SamordnaDb db, CurrentGrants grants) : PageModel
{
    public sealed record Row(int Id, string Name, string Instrument, int Version, int? BaselineRoundId, int Records);

    public int AssociationId { get; private set; }
    public string AssociationName { get; private set; } = "";
    public List<Row> Rounds { get; private set; } = [];
    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] int associationId)
    {
        var name = await db.Associations.Where(a => a.Id == associationId).Select(a => a.Name).SingleOrDefaultAsync();
        if (name is null) return NotFound();
        (AssociationId, AssociationName) = (associationId, name);
        Rounds = await db.SurveyRounds.AsNoTracking().Where(r => r.AssociationId == associationId).OrderBy(r => r.Id)
            .Select(r => new Row(r.Id, r.Name, r.Instrument!.Code, r.Instrument.Version, r.BaselineRoundId, db.SurveyRecords.Count(x => x.RoundId == r.Id)))
            .ToListAsync();
        CanManage = await grants.IsAllowedAsync(User, Permission.ManageMeasurement, associationId);
        return Page();
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordna.Core.Access;
using Samordna.Web.Features.Access;

namespace Samordna.Web.Features.Audit;

[RequiresPermission(Permission.ReadAudit)]
public sealed class AssociationAuditModel(AuditQueries queries) : PageModel
{
    public int AssociationId { get; private set; }
    public List<AuditRow> Rows { get; private set; } = [];

    public async Task OnGetAsync([FromRoute] int associationId)
    {
        AssociationId = associationId;
        Rows = await queries.ListAsync(associationId);
    }

    public async Task<IActionResult> OnGetCsvAsync([FromRoute] int associationId) =>
        File(AuditQueries.ToCsv(await queries.ListAsync(associationId, int.MaxValue)), "text/csv; charset=utf-8", $"granskningslogg-forbund-{associationId}.csv");
}

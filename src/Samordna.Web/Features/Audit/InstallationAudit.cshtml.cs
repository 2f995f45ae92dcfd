using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordna.Core.Access;
using Samordna.Web.Features.Access;

namespace Samordna.Web.Features.Audit;

[RequiresPermission(Permission.AdministerInstallation)]
public sealed class InstallationAuditModel(AuditQueries queries) : PageModel
{
    public List<AuditRow> Rows { get; private set; } = [];

    public async Task OnGetAsync() => Rows = await queries.ListAsync(null);

    public async Task<IActionResult> OnGetCsvAsync() =>
        File(AuditQueries.ToCsv(await queries.ListAsync(null, int.MaxValue)), "text/csv; charset=utf-8", "granskningslogg.csv");
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordna.Core.Access;
using Samordna.Web.Features.Access;

namespace Samordna.Web.Features.Reports;

[RequiresPermission(Permission.ViewAssociation)]
public sealed class BoardPackModel(BoardPackQuery query) : PageModel
{
    public BoardPack Pack { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromRoute] int associationId, DateOnly? since)
    {
        if (await query.ForAsync(associationId, since) is not { } pack) return NotFound();
        Pack = pack;
        return Page();
    }
}

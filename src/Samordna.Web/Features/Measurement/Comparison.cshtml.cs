using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordna.Core.Access;
using Samordna.Web.Data;
using Samordna.Web.Features.Access;

namespace Samordna.Web.Features.Measurement;

[RequiresPermission(Permission.ViewAssociation)]
public sealed class ComparisonModel(MeasurementResults results, SamordnaDb db) : PageModel
{
    public ComparisonDto Comparison { get; private set; } = null!;
    public List<string> Attributes { get; private set; } = [];

    public int? With { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] int roundId, string? by, int? with)
    {
        With = with;
        var baseline = with ?? await db.SurveyRounds.Where(r => r.Id == roundId).Select(r => r.BaselineRoundId).SingleOrDefaultAsync();
        if (await results.NotYetPublishedAsync(roundId, baseline) is not null) return NotFound();
        var loaded = await results.ComparisonAsync(roundId, string.IsNullOrWhiteSpace(by) ? null : by.Trim().ToLowerInvariant(), with);
        if (loaded is null) return NotFound();
        Comparison = loaded;
        Attributes = await results.AttributesAsync(roundId);
        return Page();
    }
}

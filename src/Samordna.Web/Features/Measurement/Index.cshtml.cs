using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordna.Core.Measurement;
using Samordna.Web.Data;
using Samordna.Web.Features.Access;
using Samordna.Web.Features.Associations;

namespace Samordna.Web.Features.Measurement;

/// <summary>The entry to measurement: the person's associations and the item bank.</summary>
[Authorize]
public sealed class IndexModel(SamordnaDb db, CurrentGrants grants, MeasurementOptions options, InstrumentBank bank) : PageModel
{
    public List<Association> Associations { get; private set; } = [];
    public List<Instrument> Instruments { get; private set; } = [];
    public int Threshold => options.SuppressionThreshold;

    public async Task OnGetAsync()
    {
        Associations = await VisibleAssociations.QueryAsync(db, await grants.ForAsync(User));
        Instruments = await bank.ListAsync();
    }
}

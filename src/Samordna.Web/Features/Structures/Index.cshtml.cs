using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordna.Web.Data;
using Samordna.Web.Features.Access;
using Samordna.Web.Features.Associations;

namespace Samordna.Web.Features.Structures;

/// <summary>The entry to collaboration structures: the person's associations.</summary>
[Authorize]
public sealed class IndexModel(SamordnaDb db, CurrentGrants grants) : PageModel
{
    public List<Association> Associations { get; private set; } = [];

    public async Task OnGetAsync() => Associations = await VisibleAssociations.QueryAsync(db, await grants.ForAsync(User));
}

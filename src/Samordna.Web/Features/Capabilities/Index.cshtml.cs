using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using static Samordna.Web.Features.Shared.Texts;

namespace Samordna.Web.Features.Capabilities;

/// <summary>Says plainly which capabilities are not built yet, instead of a dead link or an empty page.</summary>
[Authorize]
public sealed class IndexModel : PageModel
{
    private static readonly Dictionary<string, (string Title, string Description)> Planned = new()
    {
        ["reports"] = ("Rapporter", "Jämförelser mellan insatser och mellan förbund (med medgivande, bara summor, med skydd för små tal) och diagram. Det som redan finns ligger på förbundets sida (verksamhetsåret, styrelseunderlag, deltagarrapport, medel per invånare) och på insatsens sida (samhällsekonomisk kalkyl)."),
    };

    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";

    public IActionResult OnGet(string capability)
    {
        if (!Planned.TryGetValue(capability, out var planned)) return NotFound();
        (Title, Description) = (T(planned.Title), planned.Description);
        return Page();
    }
}

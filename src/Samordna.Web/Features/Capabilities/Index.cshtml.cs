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
        ["reports"] = ("Rapporter", "Underlag till verksamhetsberättelse, styrelsepaket, jämförelser mellan insatser och förbund, samhällsekonomisk kalkyl och export till XLSX, CSV och utskrift."),
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

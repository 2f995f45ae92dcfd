using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordna.Core.Access;
using Samordna.Core.Common;
using Samordna.Web.Features.Access;

namespace Samordna.Web.Features.Associations;

[RequiresPermission(Permission.AdministerInstallation)]
public sealed class CreateModel(CreateAssociation create) : PageModel
{
    public CreateAssociationRequest Input { get; private set; } = new(null, null, null, [], []);
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(string? name, string? organisationNumber, string? startDate, List<string?>? counties, List<string?>? municipalities)
    {
        Input = new CreateAssociationRequest(name, organisationNumber, startDate, counties ?? [], municipalities ?? []);
        var result = await create.HandleAsync(Input);
        if (result.IsValid) return Redirect($"/Associations/{result.Value!.Id}");
        // The form has one group per list, so errors about a single code point at the group.
        Errors = result.Errors.Select(e => e with { Field = e.Field.Split('.')[0] }).ToList();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}

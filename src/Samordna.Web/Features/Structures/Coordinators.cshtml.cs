using Microsoft.AspNetCore.Mvc;
using Samordna.Core.Access;
using Samordna.Core.Reference;
using Samordna.Web.Data;
using Samordna.Web.Features.Access;

namespace Samordna.Web.Features.Structures;

/// <summary>Coordinator posts: assignments, vacancies in the year, and the funding cap against the actual cost.</summary>
[RequiresPermission(Permission.ManageStructures)]
public sealed class CoordinatorsModel(SamordnaDb db, CoordinatorPosts posts, StructureQueries queries) : StructurePage(db)
{
    public int Year { get; private set; }
    public List<CoordinatorPostView> Posts { get; private set; } = [];
    public List<Municipality> Municipalities { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromRoute] int associationId, int? showYear) => await LoadAsync(associationId, showYear) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAssignAsync([FromRoute] int associationId, AssignmentRequest request)
    {
        var result = await posts.AssignAsync(associationId, request);
        return result.IsValid ? Redirect($"/Associations/{associationId}/Structures/Coordinators") : await RefusedAsync(result.Errors, () => LoadAsync(associationId, null));
    }

    public async Task<IActionResult> OnPostFundingAsync([FromRoute] int associationId, string? fundingMunicipalityCode, int? fundingYear, long? cap, long? actualCost)
    {
        var result = await posts.SetFundingAsync(associationId, new FundingRequest(fundingMunicipalityCode, fundingYear, cap, actualCost));
        return result.IsValid ? Redirect($"/Associations/{associationId}/Structures/Coordinators?showYear={fundingYear}") : await RefusedAsync(result.Errors, () => LoadAsync(associationId, fundingYear));
    }

    private async Task<bool> LoadAsync(int associationId, int? year)
    {
        if (!await LoadAssociationAsync(associationId)) return false;
        Year = year is >= 2000 and <= 2100 ? year.Value : queries.Today.Year;
        Posts = await posts.ListAsync(associationId, Year);
        var codes = Db.MemberParties.Where(m => m.AssociationId == associationId && m.MunicipalityCode != null).Select(m => m.MunicipalityCode!).ToList();
        Municipalities = codes.Select(SwedishRegions.FindMunicipality).OfType<Municipality>().OrderBy(m => m.Name).ToList();
        return true;
    }
}

using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Web.Data;
using Samordna.Web.Features.Access;
using Samordna.Web.Features.Api;

namespace Samordna.Web.Features.Associations;

public sealed record MemberDto(string Kind, string Name, string? CountyCode, string? MunicipalityCode);
public sealed record AssociationDto(int Id, string Name, string OrganisationNumber, DateOnly StartDate, bool IsDemo,
    IReadOnlyList<MemberDto> Members, IReadOnlyList<int> FundingYears);

public static class AssociationsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/associations", [Authorize] async (ClaimsPrincipal user, SamordnaDb db, CurrentGrants grants) =>
        {
            var visible = await VisibleAssociations.QueryAsync(db, await grants.ForAsync(user));
            return Results.Ok(visible.Select(a => new { a.Id, a.Name, a.OrganisationNumber, a.IsDemo }));
        });

        api.MapPost("/associations", async (CreateAssociationRequest request, CreateAssociation create) =>
        {
            var result = await create.HandleAsync(request);
            return result.IsValid
                ? Results.Created($"/api/v1/associations/{result.Value!.Id}", new { id = result.Value.Id })
                : ApiProblems.Validation(result.Errors, "Förbundet kunde inte skapas");
        }).RequirePermission(Permission.AdministerInstallation);

        api.MapGet("/associations/{associationId:int}", async (int associationId, SamordnaDb db) =>
        {
            var a = await db.Associations.AsNoTracking().Include(x => x.Members).Include(x => x.FundingYears)
                .SingleOrDefaultAsync(x => x.Id == associationId);
            return a is null ? ApiProblems.NotFound("Förbundet") : Results.Ok(ToDto(a));
        }).RequirePermission(Permission.ViewAssociation);

        api.MapGet("/associations/{associationId:int}/funding/{year:int}", async (int associationId, int year, FundingQueries queries) =>
        {
            var split = await queries.SplitAsync(associationId, year);
            return split is null ? ApiProblems.NotFound($"Budgetåret {year}") : Results.Ok(FundingDto.From(year, split, await queries.RevisionAsync(associationId, year)));
        }).RequirePermission(Permission.ViewAssociation);

        api.MapPut("/associations/{associationId:int}/funding/{year:int}", async (int associationId, int year, SetFundingRequest request, SetFunding setFunding, FundingQueries queries) =>
        {
            var result = await setFunding.HandleAsync(associationId, year, request);
            if (result is null) return ApiProblems.NotFound("Förbundet");
            return result.IsValid
                ? Results.Ok(FundingDto.From(year, result.Value!, await queries.RevisionAsync(associationId, year)))
                : ApiProblems.ValidationOrConflict(result.Errors, "Budgeten kunde inte fördelas");
        }).RequirePermission(Permission.ManageAssociation);
    }

    public static AssociationDto ToDto(Association a) => new(
        a.Id, a.Name, a.OrganisationNumber, a.StartDate, a.IsDemo,
        a.Members.OrderBy(m => m.Kind).ThenBy(m => m.MunicipalityCode ?? m.CountyCode)
            .Select(m => new MemberDto(m.Kind.ToString(), m.Name, m.CountyCode, m.MunicipalityCode)).ToList(),
        a.FundingYears.Select(f => f.Year).Order().ToList());
}

public sealed record ContributionDto(string Party, string Kind, string? CountyCode, string? MunicipalityCode, long Amount);
/// <param name="Revision">Send it back with the next PUT; a stale one gets 409.</param>
public sealed record FundingDto(int Year, long Total, string Key, IReadOnlyList<ContributionDto> Contributions, int Revision)
{
    public static FundingDto From(int year, Core.Funding.FundingSplitResult split, int revision) => new(
        year, split.Total, split.Key.ToString().ToLowerInvariant(),
        split.Contributions.Select(c => new ContributionDto(c.Party, c.Kind, c.CountyCode, c.MunicipalityCode, c.Amount)).ToList(), revision);
}

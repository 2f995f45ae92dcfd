using Microsoft.AspNetCore.Authorization;
using Samordna.Core.Reference;

namespace Samordna.Web.Features.Api;

/// <summary>The SCB codes the API accepts, so clients need not keep their own copy.</summary>
public static class ReferenceApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/reference/municipalities", [Authorize] () =>
            Results.Ok(SwedishRegions.Municipalities.Values.OrderBy(m => m.Code)));
        api.MapGet("/reference/counties", [Authorize] () =>
            Results.Ok(SwedishRegions.Counties.Values.OrderBy(c => c.Code).Select(c => new { c.Code, c.Name, c.RegionName })));
    }
}

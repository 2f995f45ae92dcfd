using Microsoft.AspNetCore.Authorization;
using Samordna.Core.Access;

namespace Samordna.Web.Features.Access;

/// <summary>
/// The access decision of a page or endpoint. The authorization matrix test requires every endpoint to carry
/// either this, [Authorize] for "any signed-in person, own data only", or [AllowAnonymous].
/// The association is taken from the route value "associationId".
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class RequiresPermissionAttribute(Permission permission) : Attribute, IAuthorizeData
{
    public Permission Permission { get; } = permission;
    public string? Policy { get => PolicyName(Permission); set { } }
    public string? Roles { get; set; }
    public string? AuthenticationSchemes { get; set; }

    public static string PolicyName(Permission permission) => $"permission:{permission}";
}

public static class PermissionEndpointExtensions
{
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, Permission permission)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequiresPermissionAttribute(permission));
}

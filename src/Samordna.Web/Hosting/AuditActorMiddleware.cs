using System.Security.Claims;
using Samordna.Web.Data;

namespace Samordna.Web.Hosting;

/// <summary>Tells the audit trail who is writing in this request.</summary>
public sealed class AuditActorMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, AuditActor actor)
    {
        if (context.User.Identity?.IsAuthenticated == true)
        {
            actor.UserId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
            actor.Name = context.User.Identity.Name ?? actor.UserId ?? "okänd";
        }
        else actor.Name = "anonym";
        return next(context);
    }
}

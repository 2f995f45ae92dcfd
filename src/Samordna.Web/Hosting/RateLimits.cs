using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Samordna.Web.Features.Accounts;

namespace Samordna.Web.Hosting;

/// <summary>One limit: at most Limit requests per WindowSeconds (a fixed window), then 429 with Retry-After.</summary>
public sealed class RateLimit
{
    public int Limit { get; set; }
    public int WindowSeconds { get; set; }
}

/// <summary>The "Samordna:RateLimits" section (docs/operations.md).</summary>
public sealed class RateLimitOptions
{
    /// <summary>Sign-in attempts per client address and e-mail address (on top of the account lockout).</summary>
    public RateLimit LoginPerAccount { get; set; } = new() { Limit = 10, WindowSeconds = 300 };

    /// <summary>Sign-in and second-factor attempts per client address, whatever the account: stops spraying many accounts.</summary>
    public RateLimit LoginPerAddress { get; set; } = new() { Limit = 100, WindowSeconds = 300 };

    /// <summary>API requests per token, or per client address for requests without one.</summary>
    public RateLimit Api { get; set; } = new() { Limit = 600, WindowSeconds = 60 };

    /// <summary>Requests to the respondents' form /s/{token} per client address (a workplace behind one address shares it).</summary>
    public RateLimit Survey { get; set; } = new() { Limit = 600, WindowSeconds = 60 };
}

/// <summary>
/// Rate limits on sign-in, API token use and the public survey form. Answers: 429 with Retry-After, as
/// problem details on the API and the Swedish error page elsewhere (both by the status-code pages).
/// </summary>
public static class RateLimits
{
    public static void AddRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection("Samordna:RateLimits").Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // The middleware tries a refused request twice (at once, then through the empty queue), and a chain
            // takes permits in order until one refuses: the narrower sign-in limit comes first, so attempts it
            // refuses do not use up the address's limit for the other accounts.
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                Limiter(limits.LoginPerAccount, ctx => IsPasswordSignIn(ctx) ? "account:" + Address(ctx) + "|" + Account(ctx) : null),
                Limiter(limits.LoginPerAddress, ctx => IsSignIn(ctx) ? "address:" + Address(ctx) : null),
                Limiter(limits.Api, ctx => ctx.Request.Path.StartsWithSegments("/api") ? ApiCaller(ctx) : null),
                Limiter(limits.Survey, ctx => ctx.Request.Path.StartsWithSegments("/s") ? "survey:" + Address(ctx) : null));
            o.OnRejected = (rejected, _) =>
            {
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait))
                    rejected.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
        });
    }

    /// <summary>
    /// The limiter decides before the page reads its form, so a sign-in's form is read first (and kept: the page
    /// binds from the same copy) to find the account it is for.
    /// </summary>
    public static void UseRateLimits(this WebApplication app)
    {
        app.UseWhen(IsPasswordSignIn, signIn => signIn.Use(async (ctx, next) =>
        {
            if (ctx.Request.HasFormContentType)
            {
                try { await ctx.Request.ReadFormAsync(); }
                catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException) { /* the page refuses it */ }
            }
            await next(ctx);
        }));
        app.UseRateLimiter();
    }

    private static PartitionedRateLimiter<HttpContext> Limiter(RateLimit limit, Func<HttpContext, string?> key) =>
        PartitionedRateLimiter.Create<HttpContext, string>(ctx => key(ctx) is { } k
            ? RateLimitPartition.GetFixedWindowLimiter(k, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, limit.Limit),
                Window = TimeSpan.FromSeconds(Math.Max(1, limit.WindowSeconds)),
                QueueLimit = 0,
            })
            : RateLimitPartition.GetNoLimiter(""));

    private static bool IsPasswordSignIn(HttpContext ctx) =>
        HttpMethods.IsPost(ctx.Request.Method) && ctx.Request.Path.Equals("/Account/Login", StringComparison.OrdinalIgnoreCase);

    private static bool IsSignIn(HttpContext ctx) =>
        IsPasswordSignIn(ctx) || HttpMethods.IsPost(ctx.Request.Method) && ctx.Request.Path.Equals("/Account/LoginWith2fa", StringComparison.OrdinalIgnoreCase);

    private static string Address(HttpContext ctx) => ctx.Connection.RemoteIpAddress?.ToString() ?? "okänd";

    private static string Account(HttpContext ctx)
    {
        var email = ctx.Request.HasFormContentType && ctx.Features.Get<Microsoft.AspNetCore.Http.Features.IFormFeature>()?.Form is { } form
            ? form["email"].ToString().Trim().ToLowerInvariant() : "";
        return email[..Math.Min(email.Length, 256)];
    }

    /// <summary>A token's own limit (keyed by its hash, never the secret); callers without one share their address's.</summary>
    private static string ApiCaller(HttpContext ctx)
    {
        var header = ctx.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? "token:" + ApiTokenService.Hash(header["Bearer ".Length..].Trim())
            : "api-address:" + Address(ctx);
    }
}

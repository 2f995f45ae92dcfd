using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Samordna.Web.Data;

namespace Samordna.Web.Features.Accounts;

/// <summary>Creates, finds and revokes API tokens. Only a SHA-256 hash is stored; the secret is shown once.</summary>
public sealed class ApiTokenService(SamordnaDb db)
{
    public const string SecretPrefix = "smd_";

    public sealed record Created(int Id, string Secret);

    public async Task<Created> CreateAsync(string userId, string name)
    {
        var secret = SecretPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var token = new ApiToken
        {
            UserId = userId,
            // A label only; the page limits it to 200 characters, and the column holds no more.
            Name = string.IsNullOrWhiteSpace(name) ? "API-nyckel" : name.Trim()[..Math.Min(name.Trim().Length, 200)],
            Prefix = secret[..(SecretPrefix.Length + 6)],
            TokenHash = Hash(secret),
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync();
        return new Created(token.Id, secret);
    }

    public async Task<bool> RevokeAsync(string userId, int tokenId)
    {
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId && t.RevokedAt == null);
        if (token is null) return false;
        token.RevokedAt = DateTime.UtcNow;
        await db.SaveChangesAsync();
        return true;
    }

    /// <summary>The owner of a live token, or null.</summary>
    public async Task<AppUser?> FindOwnerAsync(string secret)
    {
        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal) || secret.Length > 100) return null;
        var hash = Hash(secret);
        var token = await db.ApiTokens.AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash && t.RevokedAt == null);
        if (token is null) return null;
        var now = DateTime.UtcNow;
        // Usage is bookkeeping, not a user's write, so it bypasses the audit trail; once a minute is enough.
        if (token.LastUsedAt is null || token.LastUsedAt < now.AddMinutes(-1))
            await db.ApiTokens.Where(t => t.Id == token.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now));
        return await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == token.UserId);
    }

    public static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

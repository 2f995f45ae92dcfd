using System.Security.Cryptography;
using System.Text;

namespace Samordna.Core.Participants;

/// <summary>
/// Encrypts identity numbers with AES-256-GCM and derives a keyed HMAC-SHA256 lookup hash, with keys that live
/// outside the database. Ciphertexts carry the key id ("k1:…") so keys can be rotated: new writes use the current
/// key, old rows stay readable with the retired keys until re-encrypted (docs/operations.md).
/// </summary>
public sealed class IdentityProtection
{
    private readonly string currentKeyId;
    private readonly IReadOnlyDictionary<string, byte[]> encryptionKeys;
    private readonly byte[] lookupKey;

    /// <param name="encryptionKeys">key id → 32-byte key; the current one encrypts, all decrypt.</param>
    /// <param name="lookupKey">32 bytes; changing it means recomputing every lookup hash.</param>
    public IdentityProtection(string currentKeyId, IReadOnlyDictionary<string, byte[]> encryptionKeys, byte[] lookupKey)
    {
        if (!encryptionKeys.TryGetValue(currentKeyId, out var current) || current.Length != 32)
            throw new ArgumentException($"Nyckeln {currentKeyId} saknas eller är inte 32 byte.", nameof(encryptionKeys));
        if (encryptionKeys.Values.Any(k => k.Length != 32) || lookupKey.Length != 32)
            throw new ArgumentException("Alla nycklar ska vara 32 byte (256 bitar).");
        if (encryptionKeys.Keys.Any(k => k.Contains(':')))
            throw new ArgumentException("Nyckel-id får inte innehålla kolon.");
        this.currentKeyId = currentKeyId;
        this.encryptionKeys = encryptionKeys;
        this.lookupKey = lookupKey;
    }

    public string Encrypt(IdentityNumber number) => EncryptText(number.Canonical);

    /// <summary>Any short personal text under the same keys, e.g. the participant's name (UTF-8).</summary>
    public string EncryptText(string text)
    {
        var plain = Encoding.UTF8.GetBytes(text);
        var nonce = RandomNumberGenerator.GetBytes(12);
        var cipher = new byte[plain.Length];
        var tag = new byte[16];
        using var aes = new AesGcm(encryptionKeys[currentKeyId], tag.Length);
        aes.Encrypt(nonce, plain, cipher, tag, Encoding.ASCII.GetBytes(currentKeyId));
        return $"{currentKeyId}:{Convert.ToBase64String([.. nonce, .. tag, .. cipher])}";
    }

    /// <summary>The canonical number (or text), or null when the text was not made by one of these keys or was altered.</summary>
    public string? Decrypt(string stored)
    {
        var colon = stored.IndexOf(':');
        if (colon <= 0 || !encryptionKeys.TryGetValue(stored[..colon], out var key)) return null;
        byte[] data;
        try { data = Convert.FromBase64String(stored[(colon + 1)..]); }
        catch (FormatException) { return null; }
        if (data.Length < 28) return null;
        var plain = new byte[data.Length - 28];
        try
        {
            using var aes = new AesGcm(key, 16);
            aes.Decrypt(data[..12], data[28..], data[12..28], plain, Encoding.ASCII.GetBytes(stored[..colon]));
        }
        catch (CryptographicException) { return null; }
        return Encoding.UTF8.GetString(plain);
    }

    public string CurrentKeyId => currentKeyId;

    public bool NeedsReEncryption(string stored) => !stored.StartsWith(currentKeyId + ":", StringComparison.Ordinal);

    /// <summary>Finds a person again without decrypting every row: HMAC of the canonical number under the lookup key.</summary>
    public string LookupHash(IdentityNumber number) => Convert.ToHexString(HMACSHA256.HashData(lookupKey, Encoding.ASCII.GetBytes(number.Canonical)));
}

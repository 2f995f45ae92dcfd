using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Samordna.Core.Participants;
using Samordna.Web.Data;

namespace Samordna.Web.Features.Participants;

/// <summary>The "Samordna:Participants" configuration section.</summary>
public sealed class ParticipantOptions
{
    /// <summary>A JSON key file outside the database: {"current":"k1","keys":{"k1":"base64"},"lookupKey":"base64"}.</summary>
    public string? KeyFile { get; set; }
    /// <summary>The same keys given in configuration (e.g. environment variables) instead of a file.</summary>
    public KeySet? Keys { get; set; }
    /// <summary>Identity and name are deleted this many years after the person's last exit.</summary>
    public int RetentionYears { get; set; } = Retention.DefaultYears;
    /// <summary>Run the retention rule once a day in the web application (the `participants purge` verb does it on demand).</summary>
    public bool PurgeDaily { get; set; } = true;
}

/// <summary>The keys as the key file and configuration spell them.</summary>
public sealed class KeySet
{
    [JsonPropertyName("current")] public string? Current { get; set; }
    [JsonPropertyName("keys")] public Dictionary<string, string>? Keys { get; set; }
    [JsonPropertyName("lookupKey")] public string? LookupKey { get; set; }
}

/// <summary>
/// The keys that encrypt identity numbers and names, read once at start from a key file or configuration; never
/// from the database. Without either, a key file is generated in the data directory for demonstration and
/// development, and every start says so loudly: in production the keys must live elsewhere (docs/operations.md).
/// </summary>
public sealed class ParticipantKeys
{
    public const string GeneratedFileName = "participant-keys.json";

    private ParticipantKeys(IdentityProtection protection, string source, bool generated)
    {
        Protection = protection;
        Source = source;
        Generated = generated;
    }

    public IdentityProtection Protection { get; }
    /// <summary>Where the keys came from, for the log (never the keys).</summary>
    public string Source { get; }
    public bool Generated { get; }

    public static ParticipantKeys Load(ParticipantOptions options, string dataDirectory, ILogger logger)
    {
        ParticipantKeys keys;
        if (!string.IsNullOrWhiteSpace(options.KeyFile))
            keys = new(Build(ReadFile(options.KeyFile), $"nyckelfilen {options.KeyFile}"), $"nyckelfilen {options.KeyFile}", false);
        else if (options.Keys is { } configured)
            keys = new(Build(configured, "Samordna:Participants:Keys"), "konfigurationen (Samordna:Participants:Keys)", false);
        else
        {
            var path = Path.Combine(Path.GetFullPath(dataDirectory), GeneratedFileName);
            if (!File.Exists(path)) Generate(path);
            keys = new(Build(ReadFile(path), $"nyckelfilen {path}"), $"den genererade nyckelfilen {path}", true);
            logger.LogWarning(
                "VARNING: deltagarnas personnummer och namn krypteras med en nyckelfil som genererats i datakatalogen ({Path}), bredvid databasen. " +
                "Det duger bara för demo och utveckling. I drift: flytta filen utanför datakatalogen och säkerhetskopian och ange Samordna:Participants:KeyFile (se docs/operations.md).", path);
        }
        logger.LogInformation("Deltagarnycklar lästa från {Source}; aktuell nyckel {KeyId}.", keys.Source, keys.Protection.CurrentKeyId);
        return keys;
    }

    /// <summary>A new key set with random 256-bit keys: what the first start writes, and what `participants keygen` could print.</summary>
    public static KeySet NewKeySet(string keyId = "k1") => new()
    {
        Current = keyId,
        Keys = new() { [keyId] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) },
        LookupKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
    };

    private static void Generate(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, JsonSerializer.Serialize(NewKeySet(), new JsonSerializerOptions { WriteIndented = true }));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    private static KeySet ReadFile(string path)
    {
        if (!File.Exists(path)) throw new ConfigurationProblem($"Nyckelfilen för deltagare ({path}) finns inte. Kontrollera Samordna:Participants:KeyFile.");
        try
        {
            return JsonSerializer.Deserialize<KeySet>(File.ReadAllText(path))
                ?? throw new ConfigurationProblem($"Nyckelfilen för deltagare ({path}) är tom.");
        }
        catch (JsonException e)
        {
            throw new ConfigurationProblem($"Nyckelfilen för deltagare ({path}) är inte giltig JSON ({e.Message}). Formatet är {{\"current\":\"k1\",\"keys\":{{\"k1\":\"base64\"}},\"lookupKey\":\"base64\"}}.");
        }
    }

    private static IdentityProtection Build(KeySet set, string where)
    {
        if (string.IsNullOrWhiteSpace(set.Current) || set.Keys is not { Count: > 0 } || string.IsNullOrWhiteSpace(set.LookupKey))
            throw new ConfigurationProblem($"Deltagarnycklarna i {where} ska ha \"current\", \"keys\" och \"lookupKey\".");
        try
        {
            return new IdentityProtection(set.Current, set.Keys.ToDictionary(k => k.Key, k => Convert.FromBase64String(k.Value)), Convert.FromBase64String(set.LookupKey));
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new ConfigurationProblem($"Deltagarnycklarna i {where} kunde inte läsas: {e.Message} Varje nyckel är 32 slumpmässiga byte i base64.");
        }
    }
}

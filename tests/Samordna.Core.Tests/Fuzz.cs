using System.Text;

namespace Samordna.Core.Tests;

/// <summary>
/// Deterministic bad input for property tests: a seeded generator and mutations of valid input (flipped,
/// inserted, deleted and duplicated bytes, truncation, troublesome characters). The same seed always gives
/// the same cases, so a failure names its seed and case and can be replayed.
/// </summary>
public sealed class Fuzz(int seed)
{
    private readonly Random random = new(seed);

    /// <summary>Characters that break parsers: delimiters, quotes, line ends, NUL, BOM, non-ASCII digits, surrogates, RTL.</summary>
    private static readonly string[] Troublesome =
    [
        "\"", ";", ",", "\n", "\r", "\r\n", "\0", "\uFEFF", "|", "\t", " ", "\u00a0", "-", "+", "٣", "１", "𝟗", "\u202e",
        "å", "Ö", "{", "}", "[", "]", ":", "null", "\\", "\\u0000", "1e400", "-0", "99999999999999999999", "NaN", "<", ">", "&",
    ];

    public int Next(int max) => random.Next(max);

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public string Text(int maxLength)
    {
        var builder = new StringBuilder();
        var length = random.Next(maxLength + 1);
        while (builder.Length < length)
            builder.Append(random.Next(4) switch
            {
                0 => Pick(Troublesome),
                1 => (char)random.Next(32, 127),
                2 => (char)random.Next(0x00a0, 0x0250),
                _ => random.Next(10).ToString(),
            });
        return builder.ToString();
    }

    public string Mutate(string text) => Encoding.UTF8.GetString(Mutate(Encoding.UTF8.GetBytes(text), textual: true));

    /// <summary>One to four mutations of the input.</summary>
    public byte[] Mutate(byte[] input, bool textual = false)
    {
        var bytes = new List<byte>(input);
        for (var n = 1 + random.Next(4); n > 0; n--)
        {
            var at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
            switch (random.Next(textual ? 7 : 6))
            {
                case 0 when bytes.Count > 0: bytes[at] = (byte)random.Next(256); break;
                case 1: bytes.Insert(at, (byte)random.Next(256)); break;
                case 2 when bytes.Count > 0: bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + random.Next(16))); break;
                case 3: bytes.RemoveRange(at, bytes.Count - at); break; // truncated
                case 4 when bytes.Count > 0:
                    var length = Math.Min(bytes.Count - at, 1 + random.Next(64));
                    bytes.InsertRange(at, bytes.GetRange(at, length));
                    break;
                case 5 when bytes.Count > 0: bytes[at] ^= (byte)(1 << random.Next(8)); break;
                case 6: bytes.InsertRange(at, Encoding.UTF8.GetBytes(Pick(Troublesome))); break;
            }
        }
        return bytes.ToArray();
    }

    /// <summary>True for a message a Swedish user can read: Swedish letters or words, no exception type or runtime text.</summary>
    public static bool IsSwedishMessage(string message) =>
        message.Length > 10
        && !message.Contains("Exception") && !message.Contains("Object reference") && !message.Contains(" at ")
        && (message.IndexOfAny(['å', 'ä', 'ö', 'Å', 'Ä', 'Ö']) >= 0 || new[] { " är ", " har ", "inga", "ingen", " kan ", " ska ", "saknas", " inte ", "Kontrollera", "finns", "Okänd", "Okänt", "Ange", " får ", "Filen", "Raden", "Värdet", "tom" }
            .Any(word => message.Contains(word, StringComparison.Ordinal)));
}

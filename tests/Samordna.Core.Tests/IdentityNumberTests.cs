using System.Text;
using Samordna.Core.Participants;

namespace Samordna.Core.Tests;

public sealed class IdentityNumberTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    [Theory]
    [InlineData("811218-9876", "198112189876", IdentityKind.Personnummer, "1981-12-18")]
    [InlineData("8112189876", "198112189876", IdentityKind.Personnummer, "1981-12-18")]
    [InlineData("19811218-9876", "198112189876", IdentityKind.Personnummer, "1981-12-18")]
    [InlineData("198112189876", "198112189876", IdentityKind.Personnummer, "1981-12-18")]
    [InlineData("701063-2391", "197010632391", IdentityKind.Samordningsnummer, "1970-10-03")]
    [InlineData("121212+1212", "191212121212", IdentityKind.Personnummer, "1912-12-12")]
    [InlineData("121212-1212", "201212121212", IdentityKind.Personnummer, "2012-12-12")]
    [InlineData("000229-1235", "200002291235", IdentityKind.Personnummer, "2000-02-29")]
    [InlineData("261231-1239", "192612311239", IdentityKind.Personnummer, "1926-12-31")]
    public void Valid_numbers_parse_to_the_canonical_form_and_birth_date(string input, string canonical, IdentityKind kind, string birth)
    {
        var result = IdentityNumber.Parse(input, Today);
        Assert.True(result.IsValid, string.Join(", ", result.Errors.Select(e => e.Message)));
        Assert.Equal(canonical, result.Value!.Canonical);
        Assert.Equal(kind, result.Value.Kind);
        Assert.Equal(DateOnly.Parse(birth), result.Value.BirthDate);
    }

    [Theory]
    [InlineData("", "Ange")]
    [InlineData("811218-9875", "Kontrollsiffran")]
    [InlineData("811318-9876", "giltigt datum")]
    [InlineData("810229-9876", "giltigt datum")]
    [InlineData("811218 9876", "10 eller 12 siffror")]
    [InlineData("81121-89876", "före de fyra sista")]
    [InlineData("8112-18-9876", "10 eller 12 siffror")]
    [InlineData("811218-98766", "10 eller 12 siffror")]
    [InlineData("19811218+9876", "fyllt 100")]
    [InlineData("20301218-9876", "framtiden")]
    [InlineData("abcdef-ghij", "10 eller 12 siffror")]
    public void Invalid_numbers_get_a_swedish_reason(string input, string expected)
    {
        var result = IdentityNumber.Parse(input, Today);
        var error = Assert.Single(result.Errors);
        Assert.Equal("identityNumber", error.Field);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Age_gender_and_printing_never_show_the_number()
    {
        var number = IdentityNumber.Parse("811218-9876", Today).Value!;
        Assert.Equal(44, number.AgeOn(Today));
        Assert.Equal(43, number.AgeOn(new DateOnly(2025, 12, 17)));
        Assert.True(number.RegisteredMale);
        Assert.DoesNotContain("9876", number.ToString());
    }

    private static IdentityProtection Protection(string current = "k1") => new(current,
        new Dictionary<string, byte[]> { ["k1"] = Enumerable.Repeat((byte)1, 32).ToArray(), ["k2"] = Enumerable.Repeat((byte)2, 32).ToArray() },
        Enumerable.Repeat((byte)9, 32).ToArray());

    [Fact]
    public void Encryption_round_trips_hides_the_number_and_differs_each_time()
    {
        var number = IdentityNumber.Parse("811218-9876", Today).Value!;
        var protection = Protection();
        var first = protection.Encrypt(number);
        var second = protection.Encrypt(number);
        Assert.NotEqual(first, second);
        Assert.StartsWith("k1:", first);
        Assert.DoesNotContain("8112", Encoding.ASCII.GetString(Convert.FromBase64String(first[3..])));
        Assert.Equal("198112189876", protection.Decrypt(first));
    }

    [Fact]
    public void Names_are_encrypted_under_the_same_keys_with_Swedish_letters_intact()
    {
        var stored = Protection().EncryptText("Åsa Öberg-Ängström");
        Assert.DoesNotContain("sa", Encoding.UTF8.GetString(Convert.FromBase64String(stored[3..])));
        Assert.Equal("Åsa Öberg-Ängström", Protection("k2").Decrypt(stored));
    }

    [Fact]
    public void Altered_or_foreign_ciphertexts_are_refused_and_rotation_keeps_old_rows_readable()
    {
        var number = IdentityNumber.Parse("811218-9876", Today).Value!;
        var old = Protection("k1").Encrypt(number);
        var rotated = Protection("k2");
        Assert.Equal("198112189876", rotated.Decrypt(old));
        Assert.True(rotated.NeedsReEncryption(old));
        Assert.False(rotated.NeedsReEncryption(rotated.Encrypt(number)));

        var bytes = Convert.FromBase64String(old[3..]);
        bytes[^1] ^= 1;
        Assert.Null(rotated.Decrypt("k1:" + Convert.ToBase64String(bytes)));
        Assert.Null(rotated.Decrypt("k2:" + old[3..])); // the key id is authenticated too
        Assert.Null(rotated.Decrypt("k9:" + old[3..]));
        Assert.Null(rotated.Decrypt("inte krypterat"));
    }

    [Fact]
    public void The_lookup_hash_is_stable_per_key_and_says_nothing_without_it()
    {
        var number = IdentityNumber.Parse("811218-9876", Today).Value!;
        var same = IdentityNumber.Parse("198112189876", Today).Value!;
        Assert.Equal(Protection().LookupHash(number), Protection("k2").LookupHash(same));
        var otherKey = new IdentityProtection("k1", new Dictionary<string, byte[]> { ["k1"] = new byte[32] }, Enumerable.Repeat((byte)8, 32).ToArray());
        Assert.NotEqual(Protection().LookupHash(number), otherKey.LookupHash(number));
        Assert.Equal(64, Protection().LookupHash(number).Length);
    }
}

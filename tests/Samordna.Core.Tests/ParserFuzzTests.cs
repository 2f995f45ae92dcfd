using System.Text.Json.Nodes;
using Samordna.Core.Associations;
using Samordna.Core.Common;
using Samordna.Core.Measurement;

namespace Samordna.Core.Tests;

/// <summary>Instrument files, organisation numbers and identity-number detection meet mutated and random input.</summary>
public class ParserFuzzTests
{
    [Fact]
    public void Mutated_instrument_files_never_throw_and_either_parse_or_name_the_field()
    {
        var fuzz = new Fuzz(8);
        var (refused, parsed) = (0, 0);
        foreach (var code in BuiltInInstruments.All.Keys)
        {
            var valid = BuiltInInstruments.Json(code);
            Assert.True(InstrumentFile.Parse(valid).IsValid);
            for (var i = 0; i < 400; i++)
            {
                var json = i % 2 == 0 ? fuzz.Mutate(valid) : MutateStructure(valid, fuzz);
                Result<Instrument> result;
                try { result = InstrumentFile.Parse(json); }
                catch (Exception e) { throw new Xunit.Sdk.XunitException($"{code} fall {i}: {e.GetType().Name}: {e.Message}\n{e.StackTrace}\n{json}"); }

                if (result.IsValid)
                {
                    parsed++;
                    var instrument = result.Value!;
                    Assert.NotEmpty(instrument.Items);
                    // Everything a round later relies on holds for a file that was accepted.
                    Assert.All(instrument.Items, item => Assert.False(string.IsNullOrWhiteSpace(item.Code)));
                    Assert.All(instrument.Items, item => Assert.NotNull(instrument.ScaleOf(item)));
                    Assert.True(InstrumentFile.Parse(InstrumentFile.Write(instrument)).IsValid, $"{code} fall {i}: skrivs inte tillbaka läsbart");
                }
                else
                {
                    refused++;
                    Assert.All(result.Errors, e =>
                    {
                        Assert.False(string.IsNullOrWhiteSpace(e.Field), $"{code} fall {i}: fel utan fält: {e.Message}");
                        Assert.True(Fuzz.IsSwedishMessage(e.Message), $"{code} fall {i}: inte svenska: {e.Message}");
                    });
                }
            }
        }
        Assert.True(refused > 500 && parsed > 100, $"avvisade {refused}, lästa {parsed}");
    }

    /// <summary>Replaces, removes or retypes one value somewhere in the JSON tree.</summary>
    private static string MutateStructure(string json, Fuzz fuzz)
    {
        var root = JsonNode.Parse(json)!;
        var nodes = new List<JsonNode>();
        Collect(root, nodes);
        var target = fuzz.Pick(nodes);
        JsonNode?[] replacements = [null, JsonValue.Create(""), JsonValue.Create(fuzz.Text(20)), JsonValue.Create(-1), JsonValue.Create(1e300), new JsonArray(), new JsonObject(), new JsonArray((JsonNode?)null), JsonValue.Create(true)];
        var replacement = fuzz.Pick(replacements)?.DeepClone();
        switch (target.Parent)
        {
            case JsonObject parent:
                var name = target.GetPropertyName();
                if (fuzz.Next(3) == 0) parent.Remove(name); else parent[name] = replacement;
                break;
            case JsonArray array:
                var index = target.GetElementIndex();
                if (fuzz.Next(3) == 0) array.RemoveAt(index); else array[index] = replacement;
                break;
        }
        return root.ToJsonString();

        static void Collect(JsonNode? node, List<JsonNode> into)
        {
            if (node is null) return;
            if (node.Parent is not null) into.Add(node);
            if (node is JsonObject o) foreach (var (_, child) in o) Collect(child, into);
            if (node is JsonArray a) foreach (var child in a) Collect(child, into);
        }
    }

    [Fact]
    public void Organisation_numbers_from_random_text_never_throw_and_only_valid_ones_pass()
    {
        var fuzz = new Fuzz(556);
        var passed = 0;
        for (var i = 0; i < 20000; i++)
        {
            // Mostly near-misses of real numbers (so the check digit is exercised), some pure noise.
            var digits = string.Concat(Enumerable.Range(0, 9).Select(_ => fuzz.Next(10)));
            var candidate = $"{digits[..6]}-{digits[6..]}{Luhn.CheckDigit(digits)}";
            var text = fuzz.Next(3) switch { 0 => candidate, 1 => fuzz.Mutate(candidate), _ => fuzz.Text(14) };
            var result = OrganisationNumber.Parse(text);
            if (result.IsValid)
            {
                passed++;
                var canonical = result.Value!;
                Assert.Matches("^[0-9]{6}-[0-9]{4}$", canonical);
                Assert.True(Luhn.IsValid(canonical.Replace("-", "")));
                Assert.True(canonical[2] >= '2');
                Assert.Equal(canonical, OrganisationNumber.Parse(canonical).Value);
            }
            else
            {
                var error = Assert.Single(result.Errors);
                Assert.Equal("organisationNumber", error.Field);
                Assert.Contains("Organisationsnumr", error.Message);
            }
        }
        Assert.True(passed > 3000, $"bara {passed} giltiga");
    }

    [Fact]
    public void Identity_number_detection_never_throws_on_any_text_and_finds_numbers_wherever_they_are()
    {
        var fuzz = new Fuzz(1990);
        for (var i = 0; i < 20000; i++)
        {
            var noise = fuzz.Text(40);
            IReadOnlyList<string> found;
            try { found = PersonalDataPatterns.IdentityNumbers(noise); }
            catch (Exception e) { throw new Xunit.Sdk.XunitException($"fall {i}: {e.GetType().Name} för \"{noise}\""); }
            Assert.All(found, f => Assert.Contains(f, noise));

            // A real-looking number surrounded by anything but digits is always found.
            var number = $"{19 + fuzz.Next(2)}{fuzz.Next(100):00}{1 + fuzz.Next(12):00}{1 + fuzz.Next(28):00}-{fuzz.Next(10000):0000}";
            var text = $"{noise.TrimEnd("0123456789".ToCharArray())} {number} {noise.TrimStart("0123456789".ToCharArray())}";
            Assert.Contains(number, PersonalDataPatterns.IdentityNumbers(text));
        }
    }

    [Fact]
    public void Digits_of_other_scripts_are_not_identity_numbers_and_do_not_crash()
    {
        // .NET's \d matches every script's digits, and int.Parse refuses them: this once threw.
        Assert.Empty(PersonalDataPatterns.IdentityNumbers("١٩٩٠٠١٠١-١٢٣٤"));
        Assert.Empty(PersonalDataPatterns.IdentityNumbers("１９９００１０１-１２３４"));
        Assert.Single(PersonalDataPatterns.IdentityNumbers("född 19900101-1234 i Gävle"));
    }
}

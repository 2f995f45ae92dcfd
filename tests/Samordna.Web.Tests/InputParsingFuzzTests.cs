using Samordna.Core.Common;
using Samordna.Web.Features.Associations;

namespace Samordna.Web.Tests;

/// <summary>The web layer's own parsers (amounts and dates typed in forms) meet random text: never a crash, always a Swedish error naming the field.</summary>
public sealed class InputParsingFuzzTests
{
    private static readonly string[] Pieces = ["9 000 000", "12,5", "-", "+", ",", ".", " ", "\u00a0", "\u202f", "١٢", "1e5", "99999999999999999999999", "0x1F", "(1)", "kr", "2016-01-01", "2016-02-30", "16-01-01", "٢٠١٦-٠١-٠١", "\0", "NaN", "∞"];

    private static string RandomText(Random random) =>
        string.Concat(Enumerable.Range(0, random.Next(5)).Select(_ => random.Next(3) == 0 ? ((char)random.Next(32, 0x250)).ToString() : Pieces[random.Next(Pieces.Length)]));

    [Fact]
    public void Amounts_and_percentages_parse_or_say_in_Swedish_what_is_wrong_with_which_field()
    {
        var random = new Random(2026);
        for (var i = 0; i < 20000; i++)
        {
            var text = RandomText(random);
            var errors = new List<FieldError>();
            var whole = NumberInput.ParseWhole(text, "total", "Beloppet", errors);
            var share = NumberInput.ParseDecimal(text, "percentages.2180", "Procentsatsen för Gävle", errors);
            Assert.Equal((whole is null ? 1 : 0) + (share is null ? 1 : 0), errors.Count);
            Assert.All(errors, e => Assert.True(e.Field is "total" or "percentages.2180" && (e.Message.StartsWith("Beloppet") || e.Message.StartsWith("Procentsatsen för Gävle")), e.Message));
            if (whole is { } w) Assert.Equal(w, NumberInput.ParseWhole(w.ToString(System.Globalization.CultureInfo.InvariantCulture), "total", "Beloppet", [])!.Value);
        }
    }

    [Fact]
    public void Association_forms_with_random_fields_are_refused_field_by_field_and_never_throw()
    {
        var random = new Random(1210);
        var accepted = 0;
        for (var i = 0; i < 5000; i++)
        {
            var request = new CreateAssociationRequest(
                random.Next(4) == 0 ? null : RandomText(random),
                random.Next(3) == 0 ? "222000-0000" : RandomText(random),
                random.Next(3) == 0 ? "2016-01-01" : RandomText(random),
                [random.Next(2) == 0 ? "21" : RandomText(random), null],
                [random.Next(2) == 0 ? "2180" : RandomText(random)]);
            var result = CreateAssociation.Build(request, isDemo: false);
            if (result.IsValid) { accepted++; Assert.Equal(new DateOnly(2016, 1, 1), result.Value!.StartDate); continue; }
            Assert.All(result.Errors, e =>
            {
                Assert.Matches("^(name|organisationNumber|startDate|counties|municipalities)(\\..*)?$", e.Field);
                Assert.False(string.IsNullOrWhiteSpace(e.Message));
            });
        }
        Assert.True(accepted > 20, $"bara {accepted} godtogs");
    }
}

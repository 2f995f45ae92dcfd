using Samordna.Core.Associations;

namespace Samordna.Core.Tests;

public class OrganisationNumberTests
{
    [Theory]
    [InlineData("202100-5489", "202100-5489")] // Försäkringskassan
    [InlineData("2021005489", "202100-5489")]
    [InlineData(" 202100-2114 ", "202100-2114")] // Arbetsförmedlingen
    public void Valid_numbers_are_normalised(string input, string expected) =>
        Assert.Equal(expected, OrganisationNumber.Parse(input).Value);

    [Theory]
    [InlineData("202100-5488", "kontrollsiffra")]
    [InlineData("20210054", "tio siffror")]
    [InlineData("20-2100-5489", "tio siffror")]
    [InlineData("abcdefghij", "tio siffror")]
    [InlineData("191212-1212", "tredje siffra")]
    [InlineData(null, "tio siffror")]
    public void Invalid_numbers_say_why(string? input, string expectedWords)
    {
        var result = OrganisationNumber.Parse(input);
        Assert.False(result.IsValid);
        Assert.Equal("organisationNumber", result.Errors[0].Field);
        Assert.Contains(expectedWords, result.Errors[0].Message);
    }

    [Fact]
    public void Luhn_check_digit_matches_a_known_number() => Assert.Equal(9, Luhn.CheckDigit("202100548"));
}

public class PersonalDataPatternsTests
{
    [Theory]
    [InlineData("Min klient 19121212-1212 fick vänta", "19121212-1212")]
    [InlineData("ring 121212-1212", "121212-1212")]
    [InlineData("samordningsnr 701063-2391 i texten", "701063-2391")]
    [InlineData("utan streck 8112189876 här", "8112189876")]
    public void Finds_identity_numbers(string text, string expected) =>
        Assert.Equal([expected], Samordna.Core.Common.PersonalDataPatterns.IdentityNumbers(text));

    [Theory]
    [InlineData("Vi träffas 2026-11-22 kl 10")]
    [InlineData("Budget 9000000 kr och 12 deltagare")]
    [InlineData("Telefon 070-123 45 67")]
    [InlineData("")]
    public void Leaves_ordinary_text_alone(string text) =>
        Assert.Empty(Samordna.Core.Common.PersonalDataPatterns.IdentityNumbers(text));
}

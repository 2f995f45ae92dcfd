using System.Net.Http.Json;
using System.Text.Json;
using Samordna.Core.Associations;

namespace Samordna.Web.Tests.Infrastructure;

public static class TestData
{
    private static int next = 100;

    /// <summary>A fresh valid organisation number (Luhn check digit), different on every call.</summary>
    public static string OrganisationNumber()
    {
        var body = $"222001{Interlocked.Increment(ref next):D3}";
        return $"{body[..6]}-{body[6..]}{Luhn.CheckDigit(body)}";
    }

    /// <summary>Creates an association through the API (county 21 unless told) and returns its id.</summary>
    public static async Task<int> AssociationAsync(HttpClient admin, string name, string[] municipalities, string county = "21")
    {
        var response = await admin.PostAsJsonAsync("/api/v1/associations", new
        {
            name, organisationNumber = OrganisationNumber(), startDate = "2016-01-01", counties = new[] { county }, municipalities,
        });
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    /// <summary>Creates an association in county 21 with the given municipalities and one survey round through the API; returns their ids.</summary>
    public static async Task<(int Association, int Round)> AssociationWithRoundAsync(HttpClient admin, string name, string[] municipalities, string instrument, string roundName)
    {
        var association = await AssociationAsync(admin, name, municipalities);
        var round = (await (await admin.PostAsJsonAsync($"/api/v1/associations/{association}/survey-rounds", new { instrument, name = roundName }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        return (association, round);
    }
}

using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordna.Core.Access;
using Samordna.Web.Data;
using Samordna.Web.Features.Associations;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Web.Tests;

/// <summary>Two people editing the same list through the real form: the second sees the conflict, keeps what they typed, and nothing is overwritten.</summary>
public sealed partial class ConcurrencyPagesTests : IAsyncLifetime
{
    private RunningApp app = null!;
    private int association;

    public async Task InitializeAsync()
    {
        app = await RunningApp.StartAsync(DatabaseProvider.Sqlite);
        await using var scope = app.Services.CreateAsyncScope();
        association = (await scope.ServiceProvider.GetRequiredService<CreateAssociation>()
            .HandleAsync(new("Samordningsförbundet Test", TestData.OrganisationNumber(), "2016-01-01", ["21"], ["2180", "2181"]))).Value!.Id;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    private async Task<WebSession> SignedInAsync(string email)
    {
        await app.CreateUserAsync(email, Role.InterventionLead, association);
        var session = app.Session();
        Assert.Equal(HttpStatusCode.Redirect, (await session.LoginAsync(email)).StatusCode);
        return session;
    }

    private static async Task<HttpResponseMessage> SaveGoalAsync(WebSession session, string path, string page, string description, string target) =>
        await session.Http.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value),
            ["revision"] = Revision().Match(page).Groups[1].Value,
            ["goals[0].description"] = description, ["goals[0].direction"] = "AtLeast", ["goals[0].target"] = target,
            ["goals[0].unit"] = "Percent", ["goals[0].targetDate"] = "2025-12-31",
        }));

    [Fact]
    public async Task The_second_of_two_goal_edits_opened_together_is_refused_and_keeps_what_was_typed()
    {
        var anna = await SignedInAsync("anna@test.se");
        var bo = await SignedInAsync("bo@test.se");
        var created = await anna.PostFormAsync($"/Associations/{association}/Interventions/New",
            [new("name", "Arena för arbete"), new("kind", "IndividualFocused"), new("measurementMethod", "PersonalData")]);
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('/').Last());
        var path = $"/Interventions/{id}/Goals";

        var annasPage = await anna.GetStringAsync(path);
        var bosPage = await bo.GetStringAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, (await SaveGoalAsync(anna, path, annasPage, "I arbete eller studier", "35")).StatusCode);

        var refused = await SaveGoalAsync(bo, path, bosPage, "Nöjda deltagare", "80");
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Målen har ändrats av någon annan sedan du öppnade sidan.", html);
        Assert.Contains("href=\"#revision\"", html);
        Assert.Contains("id=\"revision\"", html);
        Assert.Contains("Nöjda deltagare", html);
        Assert.Contains("value=\"80\"", html);
        // The refused form still carries the old revision, so saving it again without reloading is refused again.
        Assert.Equal(Revision().Match(bosPage).Groups[1].Value, Revision().Match(html).Groups[1].Value);

        var stored = await app.WithDbAsync(db => db.InterventionGoals.Where(g => g.InterventionId == id).Select(g => g.Description).ToListAsync());
        Assert.Equal(["I arbete eller studier"], stored);
        // After reloading, the page shows Anna's goal and Bo can make his change on top of it.
        var reloaded = await bo.GetStringAsync(path);
        Assert.Contains("I arbete eller studier", reloaded);
        Assert.Equal(HttpStatusCode.Redirect, (await SaveGoalAsync(bo, path, reloaded, "Nöjda deltagare", "80")).StatusCode);
    }

    [GeneratedRegex("name=\"revision\" value=\"(\\d*)\"")]
    private static partial Regex Revision();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}

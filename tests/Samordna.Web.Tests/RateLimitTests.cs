using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Web.Data;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Web.Tests;

/// <summary>Sign-in, API tokens and the public survey form answer 429 with Retry-After once their limit is used.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private RunningApp app = null!;

    public async Task InitializeAsync() => app = await RunningApp.StartAsync(DatabaseProvider.Sqlite, demo: false,
        "--Samordna:RateLimits:LoginPerAccount:Limit=3", "--Samordna:RateLimits:LoginPerAccount:WindowSeconds=600",
        "--Samordna:RateLimits:LoginPerAddress:Limit=5", "--Samordna:RateLimits:LoginPerAddress:WindowSeconds=600",
        "--Samordna:RateLimits:Api:Limit=5", "--Samordna:RateLimits:Api:WindowSeconds=600",
        "--Samordna:RateLimits:Survey:Limit=3", "--Samordna:RateLimits:Survey:WindowSeconds=600");

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Sign_in_is_limited_per_account_and_then_per_address()
    {
        await app.CreateUserAsync("anna@test.se", Role.SystemAdministrator);
        await app.CreateUserAsync("per@test.se", Role.SystemAdministrator);
        var browser = app.Session();
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.BadRequest, (await browser.LoginAsync("anna@test.se", "fel lösenord igen")).StatusCode);

        // The fourth attempt for the same account is refused before the password is even checked, right or wrong.
        var limited = await browser.LoginAsync("anna@test.se");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.InRange(int.Parse(limited.Headers.GetValues("Retry-After").Single()), 1, 600);
        var page = await limited.Content.ReadAsStringAsync();
        Assert.Contains("För många försök", page);
        Assert.Contains("minuter", page);
        Assert.Equal(3, await app.WithDbAsync(db => db.Users.Where(u => u.Email == "anna@test.se").Select(u => u.AccessFailedCount).SingleAsync()));

        // Another account from the same address still gets its own attempts, until the address's limit (5) is used:
        // the refused fourth attempt did not count against the address.
        Assert.Equal(HttpStatusCode.Redirect, (await browser.LoginAsync("per@test.se")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Session().LoginAsync("per@test.se", "fel lösenord igen")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await app.Session().LoginAsync("per@test.se")).StatusCode);
    }

    [Fact]
    public async Task Api_calls_are_limited_per_token_with_Swedish_problem_details()
    {
        await app.CreateUserAsync("anna@test.se", Role.SystemAdministrator);
        var first = app.Client(await app.TokenForAsync("anna@test.se"));
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/api/v1/associations")).StatusCode);

        var limited = await first.GetAsync("/api/v1/associations");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType!.MediaType);
        Assert.InRange(int.Parse(limited.Headers.GetValues("Retry-After").Single()), 1, 600);
        var problem = await limited.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("För många förfrågningar", problem.GetProperty("title").GetString());
        Assert.Contains("Retry-After", problem.GetProperty("detail").GetString());

        // A second token of the same person has its own limit.
        var second = app.Client(await app.TokenForAsync("anna@test.se"));
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/api/v1/associations")).StatusCode);
    }

    [Fact]
    public async Task The_public_survey_form_is_limited_per_address()
    {
        var respondent = app.Client();
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.NotFound, (await respondent.GetAsync($"/s/gissad-lank-{i}")).StatusCode);

        var limited = await respondent.GetAsync("/s/gissad-lank-4");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.Contains("Retry-After"));
        Assert.Contains("För många försök", await limited.Content.ReadAsStringAsync());
        // Pages outside the limited paths are not affected.
        Assert.Equal(HttpStatusCode.OK, (await respondent.GetAsync("/health")).StatusCode);
    }
}

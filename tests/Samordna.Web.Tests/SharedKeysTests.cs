using System.Net;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Web.Data;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Web.Tests;

/// <summary>Several instances behind a load balancer: the data-protection keys live in the shared database.</summary>
public abstract class SharedKeysTests(DatabaseProvider provider) : IAsyncLifetime
{
    private RunningApp first = null!;
    private RunningApp second = null!;

    public async Task InitializeAsync()
    {
        first = await RunningApp.StartAsync(provider);
        await first.CreateUserAsync("chef@test.se", Role.SystemAdministrator);
        second = await first.AnotherInstanceAsync();
    }

    public async Task DisposeAsync()
    {
        await second.DisposeAsync();
        await first.DisposeAsync();
    }

    [EnvironmentFact]
    public async Task A_sign_in_on_one_instance_is_valid_on_the_other()
    {
        var browser = first.Session();
        Assert.Equal(HttpStatusCode.Redirect, (await browser.LoginAsync("chef@test.se")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.Http.GetAsync("/Account/Me")).StatusCode);

        var sameBrowserOnSecond = browser.On(second.Address);
        Assert.Equal(HttpStatusCode.OK, (await sameBrowserOnSecond.Http.GetAsync("/Account/Me")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await second.Session().Http.GetAsync("/Account/Me")).StatusCode);
    }

    [EnvironmentFact]
    public async Task A_form_from_one_instance_is_accepted_by_the_other_and_refused_by_an_unrelated_installation()
    {
        var browser = first.Session();
        var token = await browser.FormTokenAsync("/Account/Login");
        KeyValuePair<string, string>[] fields = [new("email", "chef@test.se"), new("password", RunningApp.Password), new("returnUrl", "/"), new("__RequestVerificationToken", token)];

        var accepted = await browser.On(second.Address).Http.PostAsync("/Account/Login", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);

        await using var unrelated = await RunningApp.StartAsync(DatabaseProvider.Sqlite);
        var refused = await browser.On(unrelated.Address).Http.PostAsync("/Account/Login", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    [EnvironmentFact]
    public async Task Keys_are_in_the_database_with_their_creation_audited_but_not_their_material()
    {
        await first.Session().FormTokenAsync("/Account/Login");
        var keys = await first.WithDbAsync(db => db.DataProtectionKeys.ToListAsync());
        var key = Assert.Single(keys);
        Assert.Contains("<masterKey", key.Xml);
        Assert.False(Directory.Exists(Path.Combine(first.DataDirectory.FullName, "keys")));

        var audit = await first.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Entity == nameof(DataProtectionKey)));
        Assert.Null(audit.AssociationId);
        Assert.Contains("[dolt]", audit.Changes);
        Assert.DoesNotContain("masterKey", audit.Changes);
    }

    [EnvironmentFact]
    public async Task Keys_of_an_earlier_release_in_data_keys_are_taken_over_once()
    {
        await first.WithDbAsync(db => db.DataProtectionKeys.ExecuteDeleteAsync());
        var legacy = Directory.CreateDirectory(Path.Combine(first.DataDirectory.FullName, "legacy-keys"));
        const string key = "<key id=\"0f0f0f0f-0000-4000-8000-000000000001\" version=\"1\"><creationDate>2026-01-01T00:00:00Z</creationDate></key>";
        await File.WriteAllTextAsync(Path.Combine(legacy.FullName, "key-0f0f0f0f-0000-4000-8000-000000000001.xml"), key);

        var repository = new Samordna.Web.Hosting.DatabaseKeyRepository(first.Services, legacy.FullName);
        Assert.Equal("0f0f0f0f-0000-4000-8000-000000000001", Assert.Single(repository.GetAllElements()).Attribute("id")!.Value);
        File.Delete(Path.Combine(legacy.FullName, "key-0f0f0f0f-0000-4000-8000-000000000001.xml"));
        Assert.Single(repository.GetAllElements());
        Assert.Equal("key-0f0f0f0f-0000-4000-8000-000000000001", await first.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.FriendlyName).SingleAsync()));
    }
}

public sealed class SqliteSharedKeysTests() : SharedKeysTests(DatabaseProvider.Sqlite);

public sealed class PostgresSharedKeysTests() : SharedKeysTests(DatabaseProvider.Postgres), INeedsPostgres;

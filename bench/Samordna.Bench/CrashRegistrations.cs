using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordna.Core.Access;
using Samordna.Web.Data;
using Samordna.Web.Features.Accounts;
using Samordna.Web.Features.Demo;
using Samordna.Web.Features.Users;

namespace Samordna.Bench;

/// <summary>
/// The crash test's second kind of write: a participant registrar enrolling consented participants over the real
/// API (identity number, name, consent and the enrolment measurement in one request), while the survey
/// submissions run. Each registration has its own fictitious identity number, so every participant row belongs to
/// exactly one attempt. After the restart the check looks for every acknowledged episode and for any enrolment
/// stored only in part (an episode without its participant, consent or measurement, or a participant without an
/// episode).
/// </summary>
public sealed class CrashRegistrations(string lead, string admin, string registrar, int association)
{
    private const string Password = "krasch prov häst batteri";

    private readonly ConcurrentDictionary<int, int> acknowledged = new(); // attempt → episode id
    private readonly ConcurrentDictionary<int, bool> cut = new();
    private readonly ConcurrentBag<string> failures = [];
    private int intervention;

    public int Acknowledged => acknowledged.Count;
    public IReadOnlyCollection<string> Failures => failures;

    /// <summary>Three accounts with their roles and API tokens, made in-process before the server starts.</summary>
    public static async Task<CrashRegistrations> PrepareAsync(IServiceProvider services, int association)
    {
        async Task<string> TokenAsync(string email, Role role)
        {
            var users = services.GetRequiredService<UserAdministration>();
            var user = (await users.CreateAsync(email, email.Split('@')[0], Password)).Value!;
            var refused = await users.GrantAsync(user.Id, role, association);
            if (refused.Count > 0) throw new InvalidOperationException(string.Join("; ", refused));
            return (await services.GetRequiredService<ApiTokenService>().CreateAsync(user.Id, "kraschprov")).Secret;
        }
        return new(await TokenAsync("lead@krasch.se", Role.InterventionLead), await TokenAsync("admin@krasch.se", Role.AssociationAdministrator),
            await TokenAsync("registrar@krasch.se", Role.ParticipantRegistrar), association);
    }

    /// <summary>Through the running server: the intervention with participant follow-up and its registrar.</summary>
    public async Task StartAsync(string address)
    {
        using var client = Client(address, lead);
        var created = await client.PostAsJsonAsync($"/api/v1/associations/{association}/interventions",
            new { name = "Kraschprovets insats", kind = "IndividualFocused", measurementMethod = "PersonalData" });
        intervention = (await Ensure(created).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        using var administrator = Client(address, admin);
        Ensure(await administrator.PostAsJsonAsync($"/api/v1/interventions/{intervention}/registrars", new { email = "registrar@krasch.se" }));
    }

    /// <summary>Registers attempts from the queue until it is empty or the server is killed.</summary>
    public async Task RunAsync(string address, ConcurrentQueue<int> attempts, Func<bool> killed)
    {
        using var client = Client(address, registrar);
        while (!killed() && attempts.TryDequeue(out var attempt))
        {
            try
            {
                var response = await client.PostAsJsonAsync($"/api/v1/interventions/{intervention}/episodes", Enrolment(attempt));
                if (response.StatusCode == HttpStatusCode.Created)
                    acknowledged[attempt] = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
                else if (killed()) cut[attempt] = true;
                else failures.Add($"registrering {attempt}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                if (killed()) cut[attempt] = true;
                else failures.Add($"registrering {attempt}: {e.Message}");
            }
        }
    }

    private static object Enrolment(int attempt) => new
    {
        enrolledOn = "2026-03-02", gender = attempt % 2 == 0 ? "kvinna" : "man", consentGiven = true, protectedIdentity = false,
        identityNumber = FictitiousIdentity.Number(attempt % FictitiousIdentity.Count), name = $"Kraschprov {attempt}", municipalityCode = "2180",
        consent = new { givenOn = "2026-03-02", parties = new[] { "Försäkringskassan" }, purposes = new[] { "Uppföljning av insatsen" } },
        measurement = new { point = "Enrolment", measuredOn = "2026-03-02", incomeSources = new[] { "SocialAssistance" }, occupation = "JobSeeking", education = "UpperSecondary", monthsOnSupport = 24, selfRatedHealth = 3 },
    };

    public sealed record Check(int Episodes, int Participants, int MissingAcknowledged, int HalfWritten, int CutButCommitted);

    /// <summary>What the database holds for the intervention after the restart.</summary>
    public async Task<Check> CheckAsync(SamordnaDb db)
    {
        var episodes = await db.Episodes.Where(e => e.InterventionId == intervention)
            .Select(e => new { e.Id, e.ParticipantId, HasPerson = e.Participant != null && e.Participant.IdentityCipher != null && e.Participant.NameCipher != null,
                Consents = e.Consents.Count, Measurements = e.Measurements.Count }).ToListAsync();
        var participants = await db.Participants.Where(p => p.AssociationId == association)
            .Select(p => new { p.Id, Episodes = db.Episodes.Count(e => e.ParticipantId == p.Id) }).ToListAsync();
        var stored = episodes.Select(e => e.Id).ToHashSet();
        var halfWritten = episodes.Count(e => !e.HasPerson || e.Consents != 1 || e.Measurements != 1) + participants.Count(p => p.Episodes != 1);
        return new Check(episodes.Count, participants.Count, acknowledged.Values.Count(id => !stored.Contains(id)), halfWritten,
            episodes.Count - acknowledged.Count);
    }

    public int CutByKill => cut.Count;

    private static HttpClient Client(string address, string token)
    {
        var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static HttpResponseMessage Ensure(HttpResponseMessage response) =>
        response.IsSuccessStatusCode ? response : throw new InvalidOperationException($"{(int)response.StatusCode}: {response.Content.ReadAsStringAsync().Result}");
}

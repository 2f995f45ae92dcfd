using Microsoft.EntityFrameworkCore;
using Samordna.Core.Participants;
using Samordna.Web.Data;

namespace Samordna.Web.Features.Participants;

/// <summary>
/// Keeping identity no longer than needed, and keeping the keys current: the retention rule deletes identity number
/// and name a configured number of years after a person's last exit; rekey re-encrypts everything under the current
/// key and recomputes the lookup hashes (after a key rotation). Both are audited.
/// </summary>
public sealed class ParticipantRetention(SamordnaDb db, ParticipantKeys keys, ParticipantOptions options, AuditActor actor)
{
    private const int Batch = 500;

    /// <summary>
    /// Deletes identity and name of everyone due on <paramref name="today"/>; returns how many. Demo associations are
    /// left alone: their people are invented, and their seed's events lie more than five years back.
    /// </summary>
    public async Task<int> PurgeAsync(DateOnly today)
    {
        var exits = await db.Episodes.AsNoTracking()
            .Where(e => e.ParticipantId != null && (e.Participant!.IdentityCipher != null || e.Participant.NameCipher != null)
                && !db.Associations.Any(a => a.Id == e.AssociationId && a.IsDemo))
            .Select(e => new { ParticipantId = e.ParticipantId!.Value, e.ExitedOn }).ToListAsync();
        var due = exits.GroupBy(e => e.ParticipantId).Where(g => Retention.IsDue(g.Select(e => e.ExitedOn), today, options.RetentionYears)).Select(g => g.Key).ToList();
        foreach (var chunk in due.Chunk(Batch))
        {
            var participants = await db.Participants.Where(p => chunk.Contains(p.Id)).ToListAsync();
            foreach (var p in participants)
            {
                (p.IdentityCipher, p.IdentityLookup, p.NameCipher, p.IdentityErasedOn) = (null, null, null, today);
                db.AuditEntries.Add(IdentityReads.Entry(actor, p.AssociationId, nameof(Participant), p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "Gallrad",
                    new { regel = $"Personnummer och namn raderas {options.RetentionYears} år efter sista utskrivningen" }));
            }
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        return due.Count;
    }

    /// <summary>Re-encrypts identity and name not under the current key and recomputes lookup hashes; returns (changed, unreadable).</summary>
    public async Task<(int Changed, int Unreadable)> RekeyAsync(DateOnly today)
    {
        int changed = 0, unreadable = 0, lastId = 0;
        while (true)
        {
            var participants = await db.Participants.Where(p => p.Id > lastId && (p.IdentityCipher != null || p.NameCipher != null))
                .OrderBy(p => p.Id).Take(Batch).ToListAsync();
            if (participants.Count == 0) break;
            foreach (var p in participants)
            {
                var before = (p.IdentityCipher, p.IdentityLookup, p.NameCipher);
                if (p.IdentityCipher is not null)
                {
                    var number = IdentityNumber.Parse(keys.Protection.Decrypt(p.IdentityCipher), today).Value;
                    if (number is null) { unreadable++; continue; }
                    if (keys.Protection.NeedsReEncryption(p.IdentityCipher)) p.IdentityCipher = keys.Protection.Encrypt(number);
                    p.IdentityLookup = keys.Protection.LookupHash(number);
                }
                if (p.NameCipher is not null && keys.Protection.NeedsReEncryption(p.NameCipher))
                {
                    if (keys.Protection.Decrypt(p.NameCipher) is { } name) p.NameCipher = keys.Protection.EncryptText(name);
                    else { unreadable++; continue; }
                }
                if (before != (p.IdentityCipher, p.IdentityLookup, p.NameCipher)) changed++;
            }
            lastId = participants[^1].Id;
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        return (changed, unreadable);
    }
}

/// <summary>Runs the retention rule once a day while the web application runs (Samordna:Participants:PurgeDaily).</summary>
public sealed class RetentionService(IServiceScopeFactory scopes, ParticipantKeys keys, ParticipantOptions options, TimeProvider clock, ILogger<RetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Reading the keys here makes a broken key file, or generated keys, show in the log at start.
        logger.LogDebug("Deltagarnycklar: {Source}.", keys.Source);
        if (!options.PurgeDaily) return;
        using var timer = new PeriodicTimer(TimeSpan.FromHours(24), clock);
        try
        {
            await Task.Delay(TimeSpan.FromMinutes(1), clock, stoppingToken);
            do
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var purged = await scope.ServiceProvider.GetRequiredService<ParticipantRetention>().PurgeAsync(DateOnly.FromDateTime(clock.GetLocalNow().DateTime));
                    if (purged > 0) logger.LogInformation("Gallring: personnummer och namn raderades för {Count} deltagare.", purged);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Gallringen av deltagaruppgifter misslyckades; den körs igen om ett dygn.");
                }
            } while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) { }
    }
}

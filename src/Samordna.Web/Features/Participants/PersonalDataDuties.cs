using Samordna.Core.Common;
using Microsoft.EntityFrameworkCore;
using Samordna.Web.Data;

namespace Samordna.Web.Features.Participants;

public sealed record ExtractEpisode(EpisodeDto Episode, string Intervention, int? AgeAtEnrolment, string? MunicipalityCode,
    IReadOnlyList<ConsentDto> Consents, IReadOnlyList<MeasurementDto> Measurements);

public sealed record ExtractLogEntry(DateTime At, string Actor, string Action, string Details);

/// <summary>Registerutdrag: everything the association holds about one person, and who has read or changed it.</summary>
public sealed record RegisterExtract(DateTime CreatedAt, string Association, PersonDto Person, IReadOnlyList<ExtractEpisode> Episodes,
    IReadOnlyList<ExtractLogEntry> Log, string Explanation);

/// <summary>
/// The data subject's rights (GDPR art. 15, 17, 18) for a participant: the register extract, restriction and erasure.
/// Each is done by a participant registrar of one of the person's interventions and leaves a row in the audit log.
/// </summary>
public sealed class PersonalDataDuties(SamordnaDb db, ParticipantKeys keys, IdentityReads reads, AuditActor actor)
{
    public const string ExtractExplanation =
        "Registerutdraget visar alla uppgifter förbundet har om personen i deltagaruppföljningen: personnummer och namn (krypterade i databasen), " +
        "insatser med in- och utskrivning, samtycken och mätningar med rättelser, samt loggen över vem som har läst eller ändrat uppgifterna. " +
        "Personnummer och namn raderas automatiskt ett bestämt antal år efter sista utskrivningen.";

    public async Task<RegisterExtract?> ExtractAsync(int associationId, int participantId)
    {
        var p = await db.Participants.AsNoTracking().SingleOrDefaultAsync(x => x.Id == participantId && x.AssociationId == associationId);
        if (p is null) return null;
        var association = await db.Associations.Where(a => a.Id == associationId).Select(a => a.Name).SingleAsync();
        var episodes = await db.Episodes.AsNoTracking().Include(e => e.Intervention).Include(e => e.Consents).Include(e => e.Measurements)
            .Where(e => e.ParticipantId == participantId).OrderBy(e => e.EnrolledOn).ToListAsync();
        await reads.LogAsync(associationId, [participantId], "Registerutdrag", "personnummer", "namn", "alla uppgifter");
        var key = participantId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var log = await db.AuditEntries.AsNoTracking()
            .Where(a => a.AssociationId == associationId && a.Entity == nameof(Participant) && a.EntityKey == key).OrderBy(a => a.Id)
            .Select(a => new ExtractLogEntry(a.At, a.Actor, a.Action, a.Changes)).ToListAsync();
        var person = new PersonDto(p.Id, p.IdentityCipher is null ? null : EpisodeQueries.ShowIdentity(keys.Protection.Decrypt(p.IdentityCipher)),
            p.NameCipher is null ? null : keys.Protection.Decrypt(p.NameCipher), null, null, p.ConsentWithdrawn, p.Restricted, p.IdentityErasedOn, p.Revision);
        return new RegisterExtract(DateTime.UtcNow, association, person, episodes.Select(e =>
        {
            var current = MeasurementRows.Current(e.Measurements).Select(m => m.Id).ToHashSet();
            return new ExtractEpisode(EpisodeDto.Of(e) with { Restricted = p.Restricted }, e.Intervention!.Name, e.AgeAtEnrolment, e.MunicipalityCode,
                e.Consents.OrderBy(c => c.Id).Select(ConsentDto.Of).ToList(),
                e.Measurements.OrderBy(m => m.Point).ThenBy(m => m.Id).Select(m => MeasurementDto.Of(m, current.Contains(m.Id))).ToList());
        }).ToList(), log, ExtractExplanation);
    }

    /// <summary>Restricts or lifts the restriction; a stale revision (when sent) is refused, naming the field "revision".</summary>
    public async Task<Result<Participant>?> SetRestrictedAsync(int associationId, int participantId, bool restricted, int? revision = null)
    {
        var p = await db.Participants.SingleOrDefaultAsync(x => x.Id == participantId && x.AssociationId == associationId);
        if (p is null) return null;
        var conflict = Result<Participant>.Fail(EpisodeCommands.RevisionField, FollowUpSettings.ConflictText("personens uppgifter"));
        if (revision is { } r && r != p.Revision) return conflict;
        p.Restricted = restricted;
        p.Revision++;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return conflict;
        }
        return Result<Participant>.Ok(p);
    }

    /// <summary>
    /// Erasure: the person, their consents and measurements are deleted; their episodes stay as anonymous statistics
    /// (gender, age band, budget year, intervention and dates), so earlier reports keep their counts.
    /// </summary>
    public async Task<bool> EraseAsync(int associationId, int participantId)
    {
        var p = await db.Participants.SingleOrDefaultAsync(x => x.Id == participantId && x.AssociationId == associationId);
        if (p is null) return false;
        await using var transaction = await db.Database.BeginTransactionAsync();
        var episodes = await db.Episodes.Include(e => e.Consents).Where(e => e.ParticipantId == participantId).ToListAsync();
        var ids = episodes.Select(e => e.Id).ToList();
        // One statement, so the chain of corrections goes at once (its foreign key is checked at the statement's end).
        var measurements = await db.ParticipantMeasurements.Where(m => ids.Contains(m.EpisodeId)).ExecuteDeleteAsync();
        var consents = episodes.Sum(e => e.Consents.Count);
        foreach (var e in episodes)
        {
            db.Consents.RemoveRange(e.Consents);
            (e.ParticipantId, e.Participant, e.Anonymous, e.AgeAtEnrolment, e.MunicipalityCode) = (null, null, true, null, null);
        }
        db.Participants.Remove(p);
        db.AuditEntries.Add(IdentityReads.Entry(actor, associationId, nameof(Participant), participantId.ToString(System.Globalization.CultureInfo.InvariantCulture), "Raderad",
            new { skäl = "Begäran om radering", episoder = ids.Count, samtycken = consents, mätningar = measurements }));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return true;
    }
}

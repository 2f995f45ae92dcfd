using Microsoft.EntityFrameworkCore;
using Samordna.Core.Common;
using Samordna.Core.Participants;
using Samordna.Web.Data;

namespace Samordna.Web.Features.Participants;

/// <summary>What happens to an episode after enrolment: exit, withdrawn consent, measurements and their corrections.</summary>
public sealed class EpisodeCommands(SamordnaDb db, AuditActor actor, TimeProvider clock, FollowUpSettings followUps, ExtraQuestionDefinitions definitions)
{
    public const string RevisionField = FollowUpSettings.RevisionField;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public static string ConflictText => FollowUpSettings.ConflictText("deltagarens uppgifter");

    /// <summary>Null when the revision sent (if any) is the episode's; otherwise the conflict.</summary>
    private static Result<T>? Stale<T>(Episode episode, int? revision) =>
        revision is { } r && r != episode.Revision ? Result<T>.Fail(RevisionField, ConflictText) : null;

    /// <summary>Saves; a concurrent change to the same episode or participant becomes the Swedish conflict.</summary>
    private async Task<Result<T>> SaveAsync<T>(T value)
    {
        try
        {
            await db.SaveChangesAsync();
            return Result<T>.Ok(value);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<T>.Fail(RevisionField, ConflictText);
        }
    }

    /// <summary>The episode with its participant, consents and measurements, tracked; null unless it belongs to the intervention.</summary>
    public Task<Episode?> FindAsync(int interventionId, int episodeId) =>
        db.Episodes.Include(e => e.Participant).Include(e => e.Consents).Include(e => e.Measurements)
            .SingleOrDefaultAsync(e => e.Id == episodeId && e.InterventionId == interventionId);

    public async Task<Result<Episode>?> ExitAsync(int interventionId, int episodeId, ExitRequest request)
    {
        if (await FindAsync(interventionId, episodeId) is not { } episode) return null;
        if (Stale<Episode>(episode, request.Revision) is { } conflict) return conflict;
        var result = Exit(episode, request, Today, actor.Name, await definitions.ActiveAsync(episode.AssociationId));
        return result.IsValid ? await SaveAsync(episode) : result;
    }

    /// <summary>Exit rules on an episode in memory (shared with the import); an exit measurement may come along.</summary>
    public static Result<Episode> Exit(Episode episode, ExitRequest request, DateOnly today, string recordedBy, IReadOnlyList<ExtraQuestion>? questions = null)
    {
        if (episode.ExitedOn is { } done) return Result<Episode>.Fail("exitedOn", $"Deltagaren skrevs redan ut {done:yyyy-MM-dd}.");
        var reason = ParticipantParse.ExitReason(request.ExitReason);
        var errors = EpisodeRules.CheckExit(episode.EnrolledOn, request.ExitedOn, string.IsNullOrWhiteSpace(request.ExitReason) ? null : reason, today).ToList();
        if (!string.IsNullOrWhiteSpace(request.ExitReason) && reason is null)
            errors.Add(new("exitReason", $"Okänd avslutsanledning \"{request.ExitReason}\". Välj bland: {ParticipantParse.Choices<ExitReason>(ParticipantNames.Swedish)}."));
        if (reason == ExitReason.ConsentWithdrawn)
            errors.Add(new("exitReason", "Ett återkallat samtycke registreras med Återkalla samtycke: då begränsas också personuppgifterna."));
        MeasurementValues? measurement = null;
        if (request.Measurement is not null && errors.Count == 0)
        {
            var state = new EpisodeState(episode.EnrolledOn, request.ExitedOn, episode.Anonymous, episode.Participant?.Restricted == true) { Questions = questions };
            var checkedMeasurement = MeasurementRules.Check(request.Measurement.ToInput(episode.EnrolledOn, nameof(MeasurementPoint.Exit)), state, today);
            errors.AddRange(checkedMeasurement.Errors.Select(e => e with { Field = $"measurement.{e.Field}" }));
            measurement = checkedMeasurement.Value;
        }
        if (errors.Count > 0) return Result<Episode>.Fail(errors);
        episode.ExitedOn = request.ExitedOn;
        episode.ExitReason = reason;
        if (measurement is not null) episode.Measurements.Add(MeasurementRows.ToRow(measurement, recordedBy));
        episode.Revision++;
        return Result<Episode>.Ok(episode);
    }

    /// <summary>
    /// Withdrawn consent: every open episode of the person exits at once with reason "consent withdrawn", every consent
    /// is marked withdrawn, and the personal data is restricted. The person is never registered again as anonymous.
    /// </summary>
    public async Task<Result<Episode>?> WithdrawConsentAsync(int interventionId, int episodeId, WithdrawRequest request)
    {
        if (await FindAsync(interventionId, episodeId) is not { } episode) return null;
        if (Stale<Episode>(episode, request.Revision) is { } conflict) return conflict;
        if (episode.Participant is not { } participant)
            return Result<Episode>.Fail("consent", "En anonym deltagare har inget samtycke att återkalla.");
        if (request.WithdrawnOn is not { } on) return Result<Episode>.Fail("withdrawnOn", "Ange datum då samtycket återkallades (ÅÅÅÅ-MM-DD).");
        if (on > Today) return Result<Episode>.Fail("withdrawnOn", "Datumet ligger i framtiden.");
        if (on < episode.EnrolledOn) return Result<Episode>.Fail("withdrawnOn", $"Datumet ligger före inskrivningen {episode.EnrolledOn:yyyy-MM-dd}.");

        var all = await db.Episodes.Include(e => e.Consents).Where(e => e.ParticipantId == participant.Id).ToListAsync();
        foreach (var e in all)
        {
            if (e.ExitedOn is null)
            {
                e.ExitedOn = on < e.EnrolledOn ? e.EnrolledOn : on;
                e.ExitReason = ExitReason.ConsentWithdrawn;
            }
            foreach (var c in e.Consents.Where(c => c.WithdrawnOn is null)) c.WithdrawnOn = on;
            e.Revision++;
        }
        participant.ConsentWithdrawn = true;
        participant.Restricted = true;
        participant.Revision++;
        return await SaveAsync(episode);
    }

    public async Task<Result<ParticipantMeasurement>?> MeasureAsync(int interventionId, int episodeId, MeasurementRequest request)
    {
        if (await FindAsync(interventionId, episodeId) is not { } episode) return null;
        if (Stale<ParticipantMeasurement>(episode, request.Revision) is { } conflict) return conflict;
        var checkedMeasurement = await CheckAsync(episode, request, request.Point);
        if (!checkedMeasurement.IsValid) return Result<ParticipantMeasurement>.Fail(checkedMeasurement.Errors);
        var point = checkedMeasurement.Value!.Point;
        if (MeasurementRows.Current(episode.Measurements).Any(m => m.Point == point))
            return Result<ParticipantMeasurement>.Fail("point", $"Det finns redan en mätning vid {ParticipantNames.Swedish(point).ToLowerInvariant()}. Rätta den i stället, så sparas båda.");
        var row = MeasurementRows.ToRow(checkedMeasurement.Value, actor.Name);
        episode.Measurements.Add(row);
        episode.Revision++;
        return await SaveAsync(row);
    }

    /// <summary>A correction is a new row that points at the one it corrects; both are kept.</summary>
    public async Task<Result<ParticipantMeasurement>?> CorrectAsync(int interventionId, int episodeId, int measurementId, MeasurementRequest request)
    {
        if (await FindAsync(interventionId, episodeId) is not { } episode) return null;
        if (Stale<ParticipantMeasurement>(episode, request.Revision) is { } conflict) return conflict;
        if (episode.Measurements.SingleOrDefault(m => m.Id == measurementId) is not { } original) return null;
        if (episode.Measurements.Any(m => m.CorrectsId == original.Id))
            return Result<ParticipantMeasurement>.Fail("measurementId", "Mätningen är redan rättad. Rätta den senaste versionen.");
        var checkedMeasurement = await CheckAsync(episode, request, original.Point.ToString());
        if (!checkedMeasurement.IsValid) return Result<ParticipantMeasurement>.Fail(checkedMeasurement.Errors);
        var row = MeasurementRows.ToRow(checkedMeasurement.Value!, actor.Name, original.Id, request.CorrectionNote);
        episode.Measurements.Add(row);
        episode.Revision++;
        return await SaveAsync(row);
    }

    /// <summary>The measurement rules with the intervention's follow-up plan and the association's questions.</summary>
    private async Task<Result<MeasurementValues>> CheckAsync(Episode episode, MeasurementRequest request, string? point) =>
        MeasurementRules.Check(request.ToInput(episode.EnrolledOn, point),
            new EpisodeState(episode.EnrolledOn, episode.ExitedOn, episode.Anonymous, episode.Participant?.Restricted == true)
            {
                FollowUps = await followUps.PlanForAsync(episode.InterventionId),
                Questions = await definitions.ActiveAsync(episode.AssociationId),
            }, Today);
}

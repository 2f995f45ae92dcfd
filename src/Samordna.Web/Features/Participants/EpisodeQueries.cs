using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Participants;
using Samordna.Web.Data;

namespace Samordna.Web.Features.Participants;

public sealed record EpisodeDto(int Id, int InterventionId, int? ParticipantId, bool Anonymous, DateOnly EnrolledOn, DateOnly? ExitedOn,
    ExitReason? ExitReason, Gender Gender, string AgeBand, int BudgetYear, bool Restricted, int Revision)
{
    public static EpisodeDto Of(Episode e) => new(e.Id, e.InterventionId, e.ParticipantId, e.Anonymous, e.EnrolledOn, e.ExitedOn, e.ExitReason,
        e.Gender, e.AgeBand, e.BudgetYear, e.Participant?.Restricted == true, e.Revision);
}

/// <summary>The person behind an episode. Identity and name are null when restricted or erased.</summary>
public sealed record PersonDto(int Id, string? IdentityNumber, string? Name, int? AgeAtEnrolment, string? MunicipalityCode,
    bool ConsentWithdrawn, bool Restricted, DateOnly? IdentityErasedOn, int Revision);

public sealed record ConsentDto(int Id, DateOnly GivenOn, string RecordedBy, IReadOnlyList<string> Parties, IReadOnlyList<string> Purposes, DateOnly? WithdrawnOn)
{
    public static ConsentDto Of(Consent c) => new(c.Id, c.GivenOn, c.RecordedBy, Lines(c.Parties), Lines(c.Purposes), c.WithdrawnOn);
    private static IReadOnlyList<string> Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

public sealed record MeasurementDto(int Id, MeasurementPoint Point, DateOnly MeasuredOn, IReadOnlyList<IncomeSource> IncomeSources, Occupation? Occupation,
    Education? Education, int? MonthsOnSupport, int? SelfRatedHealth, IReadOnlyDictionary<string, string> ExtraAnswers,
    string RecordedBy, DateTime RecordedAt, int? CorrectsId, string? CorrectionNote, bool Current)
{
    public static MeasurementDto Of(ParticipantMeasurement m, bool current) => new(m.Id, m.Point, m.MeasuredOn, MeasurementRows.IncomeOf(m).Order().ToList(),
        m.Occupation, m.Education, m.MonthsOnSupport, m.SelfRatedHealth, MeasurementRows.ExtraOf(m), m.RecordedBy, m.RecordedAt, m.CorrectsId, m.CorrectionNote, current);
}

/// <summary>One follow-up of an episode under its intervention's plan: when it is due, its window, and whether it is done, due or missed.</summary>
public sealed record FollowUpDto(int EpisodeId, int? ParticipantId, MeasurementPoint Point, DateOnly DueOn, DateOnly WindowFrom, DateOnly WindowTo, FollowUpState State,
    int DaysAfterExit, int WindowDays);

public sealed record EpisodeDetail(EpisodeDto Episode, string InterventionName, PersonDto? Person, IReadOnlyList<ConsentDto> Consents,
    IReadOnlyList<MeasurementDto> Measurements, IReadOnlyList<FollowUpDto> FollowUps);

/// <summary>One line of a registrar's list: the episode, the name (read and audited only when asked for) and what is due.</summary>
public sealed record EpisodeRow(EpisodeDto Episode, string? Name, IReadOnlyList<FollowUpDto> FollowUps);

/// <summary>Reads episodes for registrars. Decrypting identity or name writes an audit row through <see cref="IdentityReads"/>.</summary>
public sealed class EpisodeQueries(SamordnaDb db, ParticipantKeys keys, IdentityReads reads, TimeProvider clock, FollowUpSettings settings)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public async Task<List<EpisodeRow>> ListAsync(int interventionId, bool withNames, string why)
    {
        var episodes = await db.Episodes.AsNoTracking().Include(e => e.Participant).Include(e => e.Measurements)
            .Where(e => e.InterventionId == interventionId).OrderByDescending(e => e.EnrolledOn).ThenByDescending(e => e.Id).ToListAsync();
        var plan = await settings.PlanForAsync(interventionId);
        var shown = withNames ? episodes.Where(e => e.Participant is { Restricted: false, NameCipher: not null }).ToList() : [];
        if (shown.Count > 0) await reads.LogAsync(shown[0].AssociationId, shown.Select(e => e.ParticipantId!.Value), why, "namn");
        var shownIds = shown.Select(e => e.Id).ToHashSet();
        return episodes.Select(e => new EpisodeRow(EpisodeDto.Of(e),
            shownIds.Contains(e.Id) ? keys.Protection.Decrypt(e.Participant!.NameCipher!) : null, FollowUps(e, plan))).ToList();
    }

    /// <summary>Everything about one episode, identity and name included (audited).</summary>
    public async Task<EpisodeDetail?> DetailAsync(int interventionId, int episodeId, string why)
    {
        var e = await db.Episodes.AsNoTracking().Include(x => x.Participant).Include(x => x.Consents).Include(x => x.Measurements).Include(x => x.Intervention)
            .SingleOrDefaultAsync(x => x.Id == episodeId && x.InterventionId == interventionId);
        if (e is null) return null;
        PersonDto? person = null;
        if (e.Participant is { } p)
        {
            var visible = !p.Restricted && p.IdentityCipher is not null;
            if (visible) await reads.LogAsync(e.AssociationId, [p.Id], why, "personnummer", "namn");
            person = new PersonDto(p.Id, visible ? ShowIdentity(keys.Protection.Decrypt(p.IdentityCipher!)) : null,
                visible && p.NameCipher is not null ? keys.Protection.Decrypt(p.NameCipher) : null,
                e.AgeAtEnrolment, e.MunicipalityCode, p.ConsentWithdrawn, p.Restricted, p.IdentityErasedOn, p.Revision);
        }
        var current = MeasurementRows.Current(e.Measurements).Select(m => m.Id).ToHashSet();
        return new EpisodeDetail(EpisodeDto.Of(e), e.Intervention!.Name, person, e.Consents.OrderBy(c => c.Id).Select(ConsentDto.Of).ToList(),
            e.Measurements.OrderBy(m => m.Point).ThenBy(m => m.Id).Select(m => MeasurementDto.Of(m, current.Contains(m.Id))).ToList(), FollowUps(e, await settings.PlanForAsync(interventionId)));
    }

    /// <summary>The follow-ups of an intervention that are due now (in their window and not yet measured).</summary>
    public async Task<List<FollowUpDto>> DueAsync(int interventionId)
    {
        var episodes = await db.Episodes.AsNoTracking().Include(e => e.Participant).Include(e => e.Measurements)
            .Where(e => e.InterventionId == interventionId && e.ExitedOn != null && !e.Anonymous).ToListAsync();
        var plan = await settings.PlanForAsync(interventionId);
        return episodes.SelectMany(e => FollowUps(e, plan)).Where(f => f.State == FollowUpState.Due).OrderBy(f => f.DueOn).ToList();
    }

    /// <summary>Follow-ups of an exited, identified, unrestricted episode that counts in statistics.</summary>
    private List<FollowUpDto> FollowUps(Episode e, FollowUpPlan plan)
    {
        if (e.ExitedOn is not { } exited || e.Anonymous || e.Participant is not { Restricted: false } || !EpisodeRules.CountsInStatistics(e.ExitReason)) return [];
        var measured = MeasurementRows.Current(e.Measurements).ToDictionary(m => m.Point, m => (DateOnly?)m.MeasuredOn);
        return plan.Points.Select(p =>
        {
            var due = exited.AddDays(p.Rule.DaysAfterExit);
            return new FollowUpDto(e.Id, e.ParticipantId, p.Point, due, due.AddDays(-p.Rule.WindowDays), due.AddDays(p.Rule.WindowDays),
                EpisodeRules.StateOf(exited, p.Rule, measured.GetValueOrDefault(p.Point), Today), p.Rule.DaysAfterExit, p.Rule.WindowDays);
        }).ToList();
    }

    /// <summary>The canonical YYYYMMDDNNNN shown as YYYYMMDD-NNNN.</summary>
    public static string? ShowIdentity(string? canonical) =>
        canonical is { Length: 12 } ? string.Create(CultureInfo.InvariantCulture, $"{canonical[..8]}-{canonical[8..]}") : null;
}

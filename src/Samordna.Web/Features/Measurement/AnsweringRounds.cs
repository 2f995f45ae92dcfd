using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Measurement;
using Samordna.Core.Reference;
using Samordna.Web.Data;

namespace Samordna.Web.Features.Measurement;

/// <summary>What every respondent of a round sees alike: its instrument, answer periods and the units to choose from.</summary>
public sealed record AnsweringRound(int Id, int Revision, Instrument Instrument, DateOnly? OpensOn, DateOnly? ClosesOn,
    IReadOnlyDictionary<string, (DateOnly? OpensOn, DateOnly? ClosesOn)> Periods, IReadOnlyList<string> UnitChoices)
{
    /// <summary>The answer period of a respondent kind: its own where it has one, otherwise the round's.</summary>
    public (DateOnly? OpensOn, DateOnly? ClosesOn) PeriodOf(string? kind) =>
        kind is not null && Periods.TryGetValue(kind, out var own) ? own : (OpensOn, ClosesOn);
}

/// <summary>
/// The rounds respondents are answering, kept in memory so that opening a link costs one query instead of five
/// (docs/benchmarks.md, answer submissions; docs/decisions.md). An entry is used only while the round's revision,
/// read with the link on every request, is the one it was made from: a changed date or period raises the revision,
/// so it counts at once, also when another instance made it. The instrument version never changes (the item
/// bank is locked). The member municipalities offered as units are not under the revision: an entry is at most
/// <see cref="MaxAge"/> old, so a member added meanwhile is offered within that time.
/// </summary>
public sealed class AnsweringRounds(TimeProvider clock, IServiceScopeFactory scopes)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private sealed record Entry(AnsweringRound Round, DateTimeOffset LoadedAt);

    private readonly ConcurrentDictionary<int, Entry> entries = new();

    public async Task<AnsweringRound> GetAsync(int roundId, int revision)
    {
        var now = clock.GetUtcNow();
        if (entries.TryGetValue(roundId, out var entry) && entry.Round.Revision == revision && now - entry.LoadedAt < MaxAge)
            return entry.Round;
        // A context of its own, made only here: the respondent's requests otherwise need none (AnswerStore).
        await using var scope = scopes.CreateAsyncScope();
        var round = await LoadAsync(scope.ServiceProvider.GetRequiredService<SamordnaDb>(), roundId);
        entries[roundId] = new Entry(round, now);
        return round;
    }

    private static async Task<AnsweringRound> LoadAsync(SamordnaDb db, int roundId)
    {
        var round = await db.SurveyRounds.AsNoTracking().Include(r => r.Instrument).SingleAsync(r => r.Id == roundId);
        var periods = await db.SurveyRoundPeriods.AsNoTracking().Where(p => p.RoundId == roundId).ToListAsync();
        var municipalities = await db.MemberParties.AsNoTracking()
            .Where(m => m.AssociationId == round.AssociationId && m.MunicipalityCode != null).Select(m => m.MunicipalityCode!).ToListAsync();
        return new AnsweringRound(round.Id, round.Revision, InstrumentBank.Definition(round.Instrument!), round.OpensOn, round.ClosesOn,
            periods.ToDictionary(p => p.Kind, p => (p.OpensOn, p.ClosesOn)),
            municipalities.Select(c => SwedishRegions.Municipalities[c].ShortName).Order().ToList());
    }
}

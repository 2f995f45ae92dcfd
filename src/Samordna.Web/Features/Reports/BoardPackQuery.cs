using Microsoft.EntityFrameworkCore;
using Samordna.Core.Interventions;
using Samordna.Core.Structures;
using Samordna.Web.Data;
using Samordna.Web.Features.Interventions;

namespace Samordna.Web.Features.Reports;

public sealed record PackDecision(int InterventionId, string Intervention, InterventionStatus? From, InterventionStatus? To, DateOnly DecidedOn, string DecidedBy, string? MinutesReference, string? Note);
public sealed record PackItem(string What, string Detail, DateOnly? Due, string? Link);
public sealed record PackCount(string Label, int Count);

/// <summary>What the board needs before a meeting: what changed since the last one, what waits for it, and the key figures.</summary>
public sealed record BoardPack(int AssociationId, string Association, DateOnly Since, bool SinceLastBoardMeeting, DateTime? NextBoardMeeting,
    IReadOnlyList<PackDecision> Decisions, IReadOnlyList<PackItem> AwaitingDecision, IReadOnlyList<PackItem> Overdue, IReadOnlyList<PackItem> ExpiringAgreements,
    IReadOnlyList<PackCount> DeviationsByCategory, int OpenDeviations, AssociationBudgetSummary Budget, int RunningInterventions);

public sealed class BoardPackQuery(SamordnaDb db, InterventionQueries interventions)
{
    /// <param name="since">the day to report changes from; by default the last held board meeting (or 90 days back).</param>
    public async Task<BoardPack?> ForAsync(int associationId, DateOnly? since)
    {
        var name = await db.Associations.Where(a => a.Id == associationId).Select(a => a.Name).SingleOrDefaultAsync();
        if (name is null) return null;
        var today = interventions.Today;
        var now = DateTime.UtcNow;
        var boardMeetings = db.Meetings.AsNoTracking().Where(m => m.Group!.AssociationId == associationId && m.Group.Kind == GroupKind.Board);
        var lastHeld = await boardMeetings.Where(m => m.Status == MeetingStatus.Held && m.StartsAt < now).OrderByDescending(m => m.StartsAt).Select(m => (DateTime?)m.StartsAt).FirstOrDefaultAsync();
        var next = await boardMeetings.Where(m => m.Status == MeetingStatus.Planned && m.StartsAt >= now).OrderBy(m => m.StartsAt).Select(m => (DateTime?)m.StartsAt).FirstOrDefaultAsync();
        var from = since ?? (lastHeld is { } held ? DateOnly.FromDateTime(SwedishTime.ToLocal(held)) : today.AddDays(-90));

        var own = db.Interventions.AsNoTracking().Where(i => i.AssociationId == associationId);
        var decisions = await db.InterventionDecisions.AsNoTracking()
            .Where(d => d.DecidedOn >= from && own.Any(i => i.Id == d.InterventionId))
            .Join(own, d => d.InterventionId, i => i.Id, (d, i) => new { d, i.Name })
            .OrderBy(x => x.d.DecidedOn).ThenBy(x => x.d.Id).ToListAsync();
        var awaiting = await own.Where(i => i.Status == InterventionStatus.Application || i.Status == InterventionStatus.PreStudy)
            .OrderBy(i => i.Name).Select(i => new { i.Id, i.Name, i.Status, i.ApplicationSubmittedOn }).ToListAsync();
        var findings = await db.EvaluationFindings.AsNoTracking()
            .Where(f => f.FollowUpDate < today && (f.Status == FindingStatus.Open || f.Status == FindingStatus.InProgress) && own.Any(i => i.Id == f.InterventionId))
            .Join(own, f => f.InterventionId, i => i.Id, (f, i) => new { f, i.Name }).ToListAsync();
        var milestones = await db.ImplementationMilestones.AsNoTracking()
            .Where(m => m.DoneDate == null && m.DueDate < today && own.Any(i => i.Id == m.InterventionId))
            .Join(own, m => m.InterventionId, i => i.Id, (m, i) => new { m, i.Name }).ToListAsync();
        var agreements = await db.LocalAgreements.AsNoTracking().Include(a => a.Versions).Where(a => a.AssociationId == associationId).ToListAsync();
        var deviations = await db.CollaborationDeviations.AsNoTracking().Where(d => d.AssociationId == associationId).ToListAsync();

        return new BoardPack(associationId, name, from, since is null && lastHeld is not null, next is { } n ? SwedishTime.ToLocal(n) : null,
            decisions.Select(x => new PackDecision(x.d.InterventionId, x.Name, x.d.FromStatus, x.d.ToStatus, x.d.DecidedOn, x.d.DecidedBy, x.d.MinutesReference, x.d.Note)).ToList(),
            awaiting.Select(a => new PackItem(a.Name, $"{InterventionStatusNames.Swedish(a.Status)}{(a.ApplicationSubmittedOn is { } s ? $", inkommen {s:yyyy-MM-dd}" : "")}", null, $"/Interventions/{a.Id}")).ToList(),
            findings.Select(x => new PackItem($"{x.Name}: uppföljning av utvärdering", x.f.Recommendation ?? x.f.Finding, x.f.FollowUpDate, $"/Interventions/{x.f.InterventionId}"))
                .Concat(milestones.Select(x => new PackItem($"{x.Name}: milstolpe", x.m.Title, x.m.DueDate, $"/Interventions/{x.m.InterventionId}")))
                .OrderBy(p => p.Due).ToList(),
            agreements.Select(a => (a, latest: a.Versions.OrderByDescending(v => v.Version).FirstOrDefault()))
                .Where(x => x.latest is not null && AgreementExpiry.State(x.latest.ValidFrom, x.latest.ValidTo, today, x.a.ReminderDays) is ExpiryState.ExpiresSoon or ExpiryState.Expired)
                .Select(x => new PackItem(x.a.Title, AgreementExpiry.Describe(AgreementExpiry.State(x.latest!.ValidFrom, x.latest.ValidTo, today, x.a.ReminderDays), x.latest.ValidTo, today), x.latest.ValidTo, null))
                .OrderBy(p => p.Due).ToList(),
            deviations.Where(d => d.ReportedOn >= from).GroupBy(d => d.Category).OrderBy(g => g.Key)
                .Select(g => new PackCount(Deviations.Swedish(g.Key), g.Count())).ToList(),
            deviations.Count(d => d.Status != DeviationStatus.Closed),
            await interventions.BudgetSummaryAsync(associationId, today.Year),
            await own.CountAsync(i => i.Status == InterventionStatus.Running));
    }
}

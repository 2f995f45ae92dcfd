using Microsoft.EntityFrameworkCore;
using Samordna.Core.Common;
using Samordna.Core.Interventions;
using Samordna.Web.Data;

namespace Samordna.Web.Features.Interventions;

/// <summary>
/// A decision as the form or API sends it. With a status in To it moves the intervention through its life cycle;
/// without, it is an entry in the decision log (e.g. the steering group's decision on the implementation plan).
/// </summary>
public sealed record DecisionRequest(
    string? To, DateOnly? DecidedOn, string? DecidedBy, string? MinutesReference, string? Note = null,
    string? TakenOverBy = null, bool? MoneyRepaid = null, decimal? RepaidAmount = null, string? EndReason = null);

public sealed record DecisionOutcome(InterventionDecision Decision, IReadOnlyList<string> Warnings);

public sealed class RecordDecision(SamordnaDb db, AuditActor actor, TimeProvider clock)
{
    public async Task<Result<DecisionOutcome>?> HandleAsync(int interventionId, DecisionRequest request)
    {
        var intervention = await db.Interventions.Include(i => i.Goals).Include(i => i.BudgetYears)
            .SingleOrDefaultAsync(i => i.Id == interventionId);
        if (intervention is null) return null;
        var personalData = InterventionFieldRules.NoPersonalData([("note", "Anteckningen", request.Note), ("endReason", "Skälet", request.EndReason)]);
        if (personalData.Count > 0) return Result<DecisionOutcome>.Fail(personalData);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        if (request.DecidedOn is null)
            return Result<DecisionOutcome>.Fail("decidedOn", "Ange beslutsdatum (ÅÅÅÅ-MM-DD).");

        var decision = new InterventionDecision
        {
            InterventionId = interventionId, DecidedOn = request.DecidedOn.Value, DecidedBy = request.DecidedBy?.Trim() ?? "",
            MinutesReference = SaveIntervention.Text(request.MinutesReference), Note = SaveIntervention.Text(request.Note),
            RecordedBy = actor.Name, RecordedAt = clock.GetUtcNow().UtcDateTime,
        };
        IReadOnlyList<string> warnings = [];
        if (string.IsNullOrWhiteSpace(request.To))
        {
            var errors = new List<FieldError>();
            if (decision.DecidedBy.Length == 0) errors.Add(new("decidedBy", "Ange vem som beslutade."));
            if (decision.Note is null) errors.Add(new("note", "Skriv vad som beslutades."));
            if (decision.DecidedOn > today) errors.Add(new("decidedOn", "Beslutsdatum ligger i framtiden."));
            if (errors.Count > 0) return Result<DecisionOutcome>.Fail(errors);
        }
        else
        {
            if (InterventionStatusNames.Parse(request.To) is not { } to)
                return Result<DecisionOutcome>.Fail("to", $"Okänd status \"{request.To}\". Möjliga nu: {string.Join(", ", LifeCycle.NextFrom(intervention.Status).Select(InterventionStatusNames.Swedish))}.");
            var hasPlan = await db.ImplementationPlans.AnyAsync(p => p.InterventionId == interventionId);
            var facts = new InterventionFacts(intervention.Status, intervention.StartDate, intervention.PlannedEndDate,
                intervention.OwnerParty is not null, intervention.TargetCriteria is not null || intervention.TargetAgeFrom is not null,
                intervention.Goals.Count, intervention.BudgetYears.Count, hasPlan,
                await db.InterventionDecisions.Where(d => d.InterventionId == interventionId && d.ToStatus != null).MaxAsync(d => (DateOnly?)d.DecidedOn));
            var check = LifeCycle.Check(facts, new TransitionRequest(to, decision.DecidedOn, request.DecidedBy, request.MinutesReference,
                request.Note, request.TakenOverBy, request.MoneyRepaid, request.RepaidAmount, request.EndReason), today);
            if (!check.IsValid) return Result<DecisionOutcome>.Fail(check.Errors);

            decision.FromStatus = intervention.Status;
            decision.ToStatus = to;
            intervention.Status = to;
            intervention.StartDate = check.Value!.StartDate;
            if (check.Value.ActualEndDate is { } end)
            {
                intervention.ActualEndDate = end;
                intervention.EndReason = SaveIntervention.Text(request.EndReason) ?? intervention.EndReason;
            }
            if (to == InterventionStatus.TakenOver) intervention.TakenOverBy = request.TakenOverBy!.Trim();
            if (to == InterventionStatus.Stopped) (intervention.MoneyRepaid, intervention.RepaidAmount) = (request.MoneyRepaid, request.RepaidAmount);
            intervention.Revision++;
            warnings = check.Value.Warnings;
        }
        db.InterventionDecisions.Add(decision);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<DecisionOutcome>.Fail(SaveIntervention.Conflict().Errors);
        }
        return Result<DecisionOutcome>.Ok(new DecisionOutcome(decision, warnings));
    }
}

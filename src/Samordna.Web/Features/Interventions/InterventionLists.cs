using Microsoft.EntityFrameworkCore;
using Samordna.Core.Common;
using Samordna.Core.Interventions;
using Samordna.Web.Data;
using Samordna.Web.Features.Shared;

namespace Samordna.Web.Features.Interventions;

/// <summary>
/// The lists of an intervention that are edited as a whole (staffing, goals, evaluation findings, the
/// implementation plan with its roles and milestones) and the append-only anchoring log. Each save is all or nothing.
/// Each list has its own revision: a save sent with an older one is refused, so nobody replaces a list they never saw
/// (no revision sent means no check, as for the demo loader).
/// </summary>
public sealed class InterventionLists(SamordnaDb db)
{
    public async Task<Result<int>?> SetStaffAsync(int interventionId, IReadOnlyList<StaffInput?> given, int? revision = null)
    {
        var rows = NullFree.Of(given);
        var intervention = await db.Interventions.Include(i => i.Staff).SingleOrDefaultAsync(i => i.Id == interventionId);
        if (intervention is null) return null;
        if (Revisions.IsStale(revision, intervention.StaffRevision)) return Revisions.Conflict<int>(StaffWhat);
        var errors = ListRules.Staff(rows);
        if (errors.Count > 0) return Result<int>.Fail(errors);
        intervention.Staff.Clear();
        intervention.Staff.AddRange(rows.Select(r => new InterventionStaff
        {
            Role = r.Role!.Trim(), EmployingParty = r.EmployingParty!.Trim(), FtePercent = r.FtePercent!.Value,
            Employment = Names.Parse<Employment>(r.Employment, Names.Swedish)!.Value, CoLocated = r.CoLocated,
        }));
        intervention.StaffRevision++;
        return await Revisions.TrySaveAsync(db) ? Result<int>.Ok(rows.Count) : Revisions.Conflict<int>(StaffWhat);
    }

    public async Task<Result<int>?> SetGoalsAsync(int interventionId, IReadOnlyList<GoalInput?> given, int? revision = null)
    {
        var rows = NullFree.Of(given);
        var intervention = await db.Interventions.Include(i => i.Goals).SingleOrDefaultAsync(i => i.Id == interventionId);
        if (intervention is null) return null;
        if (Revisions.IsStale(revision, intervention.GoalsRevision)) return Revisions.Conflict<int>(GoalsWhat);
        var goals = ListRules.Goals(rows);
        if (!goals.IsValid) return Result<int>.Fail(goals.Errors);
        intervention.Goals.Clear();
        intervention.Goals.AddRange(goals.Value!.Select(g => new InterventionGoal
        {
            Description = g.Description, Target = g.Target, Unit = g.Unit, Direction = g.Direction, TargetDate = g.TargetDate,
            Result = g.Result, ResultDate = g.ResultDate,
        }));
        intervention.GoalsRevision++;
        return await Revisions.TrySaveAsync(db) ? Result<int>.Ok(rows.Count) : Revisions.Conflict<int>(GoalsWhat);
    }

    public async Task<Result<int>?> SetFindingsAsync(int interventionId, IReadOnlyList<FindingInput?> given, int? revision = null)
    {
        var rows = NullFree.Of(given);
        var intervention = await db.Interventions.Include(i => i.Findings).SingleOrDefaultAsync(i => i.Id == interventionId);
        if (intervention is null) return null;
        if (Revisions.IsStale(revision, intervention.FindingsRevision)) return Revisions.Conflict<int>(FindingsWhat);
        var errors = ListRules.Findings(rows);
        if (errors.Count > 0) return Result<int>.Fail(errors);
        intervention.Findings.Clear();
        intervention.Findings.AddRange(rows.Select(r => new EvaluationFinding
        {
            Finding = r.Finding!.Trim(), Recommendation = SaveIntervention.Text(r.Recommendation), Owner = SaveIntervention.Text(r.Owner),
            Status = Names.Parse<FindingStatus>(r.Status ?? nameof(FindingStatus.Open), Names.Swedish)!.Value, FollowUpDate = r.FollowUpDate,
        }));
        intervention.FindingsRevision++;
        return await Revisions.TrySaveAsync(db) ? Result<int>.Ok(rows.Count) : Revisions.Conflict<int>(FindingsWhat);
    }

    public async Task<Result<ImplementationPlan>?> SetPlanAsync(int interventionId, PlanInput given)
    {
        var input = given.Normalised();
        var intervention = await db.Interventions.Include(i => i.ImplementationRoles).Include(i => i.Milestones).SingleOrDefaultAsync(i => i.Id == interventionId);
        if (intervention is null) return null;
        var plan = await db.ImplementationPlans.SingleOrDefaultAsync(p => p.InterventionId == interventionId);
        // No plan yet is revision 0: a plan someone else created meanwhile is a change too.
        if (Revisions.IsStale(input.Revision, plan?.Revision ?? 0)) return Revisions.Conflict<ImplementationPlan>(PlanWhat);
        var errors = ListRules.Plan(input);
        if (errors.Count > 0) return Result<ImplementationPlan>.Fail(errors);
        if (plan is null)
        {
            plan = new ImplementationPlan { InterventionId = interventionId };
            db.ImplementationPlans.Add(plan);
        }
        plan.Goals = input.Goals!.Trim();
        plan.ReceivingUnit = SaveIntervention.Text(input.ReceivingUnit);
        plan.ReceivingParty = SaveIntervention.Text(input.ReceivingParty);
        plan.Status = Names.Parse<PlanStatus>(input.Status ?? nameof(PlanStatus.Draft), Names.Swedish)!.Value;
        plan.UpdatedAt = DateTime.UtcNow;
        intervention.ImplementationRoles.Clear();
        intervention.ImplementationRoles.AddRange((input.Roles ?? []).Select(r => new ImplementationRole
            { Role = r.Role!.Trim(), Party = SaveIntervention.Text(r.Party), Responsibility = r.Responsibility!.Trim() }));
        intervention.Milestones.Clear();
        intervention.Milestones.AddRange((input.Milestones ?? []).Select(m => new ImplementationMilestone
            { Title = m.Title!.Trim(), DueDate = m.DueDate!.Value, DoneDate = m.DoneDate }));
        plan.Revision++;
        return await Revisions.TrySaveAsync(db) ? Result<ImplementationPlan>.Ok(plan) : Revisions.Conflict<ImplementationPlan>(PlanWhat);
    }

    public const string StaffWhat = "Bemanningen", GoalsWhat = "Målen", FindingsWhat = "Utvärderingens iakttagelser", PlanWhat = "Implementeringsplanen";

    public async Task<Result<AnchoringActivity>?> AddAnchoringAsync(int interventionId, AnchoringInput input)
    {
        if (!await db.Interventions.AnyAsync(i => i.Id == interventionId)) return null;
        var errors = ListRules.Anchoring(input);
        if (errors.Count > 0) return Result<AnchoringActivity>.Fail(errors);
        var activity = new AnchoringActivity
        {
            InterventionId = interventionId, Date = input.Date!.Value, Audience = input.Audience!.Trim(),
            Party = SaveIntervention.Text(input.Party), Description = SaveIntervention.Text(input.Description),
        };
        db.AnchoringActivities.Add(activity);
        await db.SaveChangesAsync();
        return Result<AnchoringActivity>.Ok(activity);
    }
}

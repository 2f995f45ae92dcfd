using Microsoft.EntityFrameworkCore;
using Samordna.Core.Common;
using Samordna.Core.Structures;
using Samordna.Web.Data;

namespace Samordna.Web.Features.Structures;

public sealed record ActionPlanRequest(string? Title, string? AreaName, int? GroupId, string? Vision, string? Goals);

public sealed record ActivityStatusRequest(string? Status, string? Comment);

/// <summary>The half-year coordinator report: each development area with its status and comment, then other work and plans ahead.</summary>
public sealed record HalfYearReport(ActionPlan Plan, ReportPeriod Period, string? GroupName,
    IReadOnlyList<(ActionPlanActivity Activity, ActivityStatusReport? Report)> Areas, ActionPlanPeriodNote? Note, IReadOnlyList<GroupYearStatistics> Meetings);

/// <summary>Action plans per municipal area or group, their development areas and the status of each per half-year.</summary>
public sealed class ActionPlans(SamordnaDb db, StructureQueries queries)
{
    public Task<List<ActionPlan>> ListAsync(int associationId) =>
        db.ActionPlans.AsNoTracking().Where(p => p.AssociationId == associationId).OrderBy(p => p.Title).ToListAsync();

    public Task<ActionPlan?> FindAsync(int associationId, int planId) =>
        db.ActionPlans.Include(p => p.Activities).ThenInclude(a => a.Reports).Include(p => p.PeriodNotes)
            .SingleOrDefaultAsync(p => p.Id == planId && p.AssociationId == associationId);

    public async Task<Result<ActionPlan>> CreateAsync(int associationId, ActionPlanRequest r)
    {
        var input = new Input();
        var plan = new ActionPlan { AssociationId = associationId, GroupId = r.GroupId };
        plan.Title = input.Required("planTitle", "handlingsplanens namn", r.Title, 200);
        plan.AreaName = input.Optional("planArea", "område", r.AreaName, 200);
        plan.Vision = input.Optional("vision", "vision", r.Vision, 2000);
        plan.Goals = input.Optional("goals", "mål", r.Goals, 4000);
        if (r.GroupId is { } g && !await db.CollaborationGroups.AnyAsync(x => x.Id == g && x.AssociationId == associationId))
            input.Errors.Add(new("planGroupId", "Gruppen finns inte i det här förbundet."));
        if (!input.IsValid) return Result<ActionPlan>.Fail(input.Errors);
        db.ActionPlans.Add(plan);
        await db.SaveChangesAsync();
        return Result<ActionPlan>.Ok(plan);
    }

    public async Task<Result<ActionPlanActivity>?> AddActivityAsync(int associationId, int planId, string? title, int? year)
    {
        if (await FindAsync(associationId, planId) is not { } plan) return null;
        var input = new Input();
        var text = input.Required("activityTitle", "utvecklingsområdet eller aktiviteten", title, 500);
        if (year is < 2000 or > 2100) input.Errors.Add(new("activityYear", "Året ska skrivas med fyra siffror, t.ex. 2019."));
        if (!input.IsValid) return Result<ActionPlanActivity>.Fail(input.Errors);
        var activity = new ActionPlanActivity { PlanId = planId, Title = text, Year = year, Number = plan.Activities.Select(a => a.Number).DefaultIfEmpty(0).Max() + 1 };
        db.ActionPlanActivities.Add(activity);
        await db.SaveChangesAsync();
        return Result<ActionPlanActivity>.Ok(activity);
    }

    /// <summary>Saves the period's status per activity (keyed by activity id) and the closing notes, all or nothing.</summary>
    public async Task<IReadOnlyList<FieldError>?> ReportAsync(int associationId, int planId, ReportPeriod period,
        IReadOnlyDictionary<int, ActivityStatusRequest> statuses, string? other, string? plansAhead, int? revision = null)
    {
        if (await FindAsync(associationId, planId) is not { } plan) return null;
        if (Revisions.IsStale(revision, plan.Revision)) return [Revisions.Conflict("handlingsplanen")];
        var input = new Input();
        var parsed = new List<(ActionPlanActivity Activity, ActivityStatus Status, string? Comment)>();
        foreach (var (activityId, request) in statuses)
        {
            var activity = plan.Activities.SingleOrDefault(a => a.Id == activityId);
            if (activity is null) { input.Errors.Add(new($"status-{activityId}", $"Aktivitet {activityId} hör inte till planen.")); continue; }
            var status = input.Choice<ActivityStatus>($"status-{activityId}", $"status för område {activity.Number}", request.Status, ActivityStatuses.Swedish, ActivityStatus.NotStarted);
            parsed.Add((activity, status, input.Optional($"comment-{activityId}", $"kommentaren till område {activity.Number}", request.Comment, 4000)));
        }
        var o = input.Optional("other", "övrigt", other, 4000);
        var p = input.Optional("plansAhead", "planer framöver", plansAhead, 4000);
        if (!input.IsValid) return input.Errors;

        foreach (var (activity, status, comment) in parsed)
        {
            var report = activity.Reports.SingleOrDefault(r => r.Period == period.Code);
            if (report is null) activity.Reports.Add(report = new ActivityStatusReport { Period = period.Code });
            (report.Status, report.Comment) = (status, comment);
        }
        var note = plan.PeriodNotes.SingleOrDefault(n => n.Period == period.Code);
        if (note is null) plan.PeriodNotes.Add(note = new ActionPlanPeriodNote { Period = period.Code });
        (note.Other, note.PlansAhead) = (o, p);
        plan.Revision++;
        return await Revisions.SaveAsync(db, "handlingsplanen");
    }

    public async Task<HalfYearReport?> HalfYearReportAsync(int associationId, int planId, ReportPeriod period)
    {
        if (await FindAsync(associationId, planId) is not { } plan) return null;
        var groupName = plan.GroupId is { } g ? await db.CollaborationGroups.Where(x => x.Id == g).Select(x => x.Name).SingleOrDefaultAsync() : null;
        var areas = plan.Activities.OrderBy(a => a.Number).Select(a => (a, a.Reports.SingleOrDefault(r => r.Period == period.Code))).ToList();
        // The report also counts the meetings of the plan's group in the half-year's calendar year.
        var meetings = plan.GroupId is { } id
            ? (await queries.StatisticsAsync(associationId, [period.Year])).Where(s => s.GroupId == id).ToList()
            : [];
        return new HalfYearReport(plan, period, groupName, areas, plan.PeriodNotes.SingleOrDefault(n => n.Period == period.Code), meetings);
    }
}

using Microsoft.EntityFrameworkCore;
using Samordna.Core.Common;
using Samordna.Core.Participants;
using Samordna.Web.Data;

namespace Samordna.Web.Features.Participants;

/// <summary>Follow-up days and windows as sent; the revision is the one read (null only when creating).</summary>
public sealed record FollowUpRequest(int? FirstDays, int? FirstWindowDays, int? SecondDays, int? SecondWindowDays, int? Revision = null);

/// <summary>The plan in force: the intervention's own, the association's, or the default ("Intervention", "Association", "Default").</summary>
public sealed record FollowUpSettingDto(int AssociationId, int? InterventionId, int FirstDays, int FirstWindowDays, int SecondDays, int SecondWindowDays,
    string Source, int Revision)
{
    public FollowUpPlan Plan => new(new(FirstDays, FirstWindowDays), new(SecondDays, SecondWindowDays));
}

/// <summary>
/// The follow-up plan of an association and of its interventions. An intervention without its own row follows the
/// association's; an association without a row follows the defaults (90 days ± 30, 365 days ± 60).
/// </summary>
public sealed class FollowUpSettings(SamordnaDb db, AuditActor actor)
{
    public const string RevisionField = "revision";

    public static string ConflictText(string what) =>
        $"Någon annan har ändrat {what} sedan du öppnade sidan. Ingenting av dina ändringar sparades: ladda om sidan, se vad som ändrats och gör om ändringen.";

    /// <summary>The plan the due list and the measurement rules use for an intervention.</summary>
    public async Task<FollowUpPlan> PlanForAsync(int interventionId) =>
        (await InForceAsync(interventionId))?.Plan ?? FollowUpPlan.Default;

    /// <summary>The plans of every intervention of an association at once, for reports and lists.</summary>
    public async Task<Dictionary<int, FollowUpPlan>> PlansAsync(int associationId)
    {
        var rows = await db.FollowUpSettings.AsNoTracking().Where(f => f.AssociationId == associationId).ToListAsync();
        var association = rows.SingleOrDefault(r => r.InterventionId is null);
        var ids = await db.Interventions.Where(i => i.AssociationId == associationId).Select(i => i.Id).ToListAsync();
        return ids.ToDictionary(id => id, id => Plan(rows.SingleOrDefault(r => r.InterventionId == id) ?? association));
    }

    public async Task<FollowUpSettingDto?> InForceAsync(int interventionId)
    {
        var intervention = await db.Interventions.AsNoTracking().Where(i => i.Id == interventionId).Select(i => new { i.Id, i.AssociationId }).SingleOrDefaultAsync();
        if (intervention is null) return null;
        var rows = await db.FollowUpSettings.AsNoTracking()
            .Where(f => f.InterventionId == interventionId || (f.AssociationId == intervention.AssociationId && f.InterventionId == null)).ToListAsync();
        var own = rows.SingleOrDefault(r => r.InterventionId == interventionId);
        var row = own ?? rows.SingleOrDefault(r => r.InterventionId is null);
        return Dto(intervention.AssociationId, interventionId, row, own is not null ? "Intervention" : row is not null ? "Association" : "Default", own?.Revision ?? 0);
    }

    public async Task<FollowUpSettingDto?> ForAssociationAsync(int associationId)
    {
        if (!await db.Associations.AnyAsync(a => a.Id == associationId)) return null;
        var row = await db.FollowUpSettings.AsNoTracking().SingleOrDefaultAsync(f => f.AssociationId == associationId && f.InterventionId == null);
        return Dto(associationId, null, row, row is null ? "Default" : "Association", row?.Revision ?? 0);
    }

    /// <summary>Saves the association's plan (interventionId null) or an intervention's own; a stale revision is refused.</summary>
    public async Task<Result<FollowUpSettingDto>?> SaveAsync(int associationId, int? interventionId, FollowUpRequest request)
    {
        if (interventionId is { } iid && !await db.Interventions.AnyAsync(i => i.Id == iid && i.AssociationId == associationId)) return null;
        if (interventionId is null && !await db.Associations.AnyAsync(a => a.Id == associationId)) return null;
        var row = await db.FollowUpSettings.SingleOrDefaultAsync(f => f.AssociationId == associationId && f.InterventionId == interventionId);
        if (request.Revision is { } revision && revision != (row?.Revision ?? 0)) return Conflict();
        var plan = FollowUpPlan.Check(request.FirstDays, request.FirstWindowDays, request.SecondDays, request.SecondWindowDays);
        if (!plan.IsValid) return Result<FollowUpSettingDto>.Fail(plan.Errors);
        if (row is null)
        {
            row = new FollowUpSetting { AssociationId = associationId, InterventionId = interventionId };
            db.FollowUpSettings.Add(row);
        }
        var p = plan.Value!;
        (row.FirstDays, row.FirstWindowDays, row.SecondDays, row.SecondWindowDays) = (p.First.DaysAfterExit, p.First.WindowDays, p.Second.DaysAfterExit, p.Second.WindowDays);
        (row.UpdatedBy, row.UpdatedAt) = (actor.Name, DateTime.UtcNow);
        row.Revision++;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return Conflict();
        }
        return Result<FollowUpSettingDto>.Ok(Dto(associationId, interventionId, row, interventionId is null ? "Association" : "Intervention", row.Revision));
    }

    /// <summary>An intervention goes back to the association's plan.</summary>
    public async Task<bool> ResetAsync(int interventionId)
    {
        var row = await db.FollowUpSettings.SingleOrDefaultAsync(f => f.InterventionId == interventionId);
        if (row is null) return false;
        db.FollowUpSettings.Remove(row);
        await db.SaveChangesAsync();
        return true;
    }

    private static Result<FollowUpSettingDto> Conflict() => Result<FollowUpSettingDto>.Fail(RevisionField, ConflictText("uppföljningarna"));

    private static FollowUpPlan Plan(FollowUpSetting? row) =>
        row is null ? FollowUpPlan.Default : new(new(row.FirstDays, row.FirstWindowDays), new(row.SecondDays, row.SecondWindowDays));

    private static FollowUpSettingDto Dto(int associationId, int? interventionId, FollowUpSetting? row, string source, int revision)
    {
        var plan = Plan(row);
        return new(associationId, interventionId, plan.First.DaysAfterExit, plan.First.WindowDays, plan.Second.DaysAfterExit, plan.Second.WindowDays, source, revision);
    }
}

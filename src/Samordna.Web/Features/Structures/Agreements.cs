using Microsoft.EntityFrameworkCore;
using Samordna.Core.Common;
using Samordna.Core.Structures;
using Samordna.Web.Data;

namespace Samordna.Web.Features.Structures;

public sealed record AgreementVersionRequest(string? Parties, int? TargetAgeFrom, int? TargetAgeTo, string? Purpose, string? Forums,
    DateOnly? ValidFrom, DateOnly? ValidTo, string? Signatories);

public sealed record AgreementRequest(string? Title, int? GroupId, int? ReminderDays, AgreementVersionRequest Version);

public sealed record AgreementView(LocalAgreement Agreement, LocalAgreementVersion Latest, ExpiryState State, string Description);

/// <summary>Local agreements: every change is a new numbered version; the latest one's end date drives the reminder.</summary>
public sealed class Agreements(SamordnaDb db, StructureQueries queries)
{
    public async Task<List<AgreementView>> ListAsync(int associationId)
    {
        var today = queries.Today;
        var agreements = await db.LocalAgreements.AsNoTracking().Include(a => a.Versions).Where(a => a.AssociationId == associationId).OrderBy(a => a.Title).ToListAsync();
        return agreements.Where(a => a.Versions.Count > 0).Select(a =>
        {
            var latest = a.Versions.MaxBy(v => v.Version)!;
            var state = AgreementExpiry.State(latest.ValidFrom, latest.ValidTo, today, a.ReminderDays);
            return new AgreementView(a, latest, state, AgreementExpiry.Describe(state, latest.ValidTo, today));
        }).ToList();
    }

    public async Task<Result<LocalAgreement>> CreateAsync(int associationId, AgreementRequest r)
    {
        var input = new Input();
        var title = input.Required("title", "överenskommelsens namn", r.Title, 200);
        var reminder = r.ReminderDays ?? AgreementExpiry.DefaultReminderDays;
        if (r.GroupId is { } g && !await db.CollaborationGroups.AnyAsync(x => x.Id == g && x.AssociationId == associationId))
            input.Errors.Add(new("groupId", "Gruppen finns inte i det här förbundet."));
        var version = Version(input, r.Version, reminder);
        if (!input.IsValid) return Result<LocalAgreement>.Fail(input.Errors);
        var agreement = new LocalAgreement { AssociationId = associationId, Title = title, GroupId = r.GroupId, ReminderDays = reminder };
        version.Version = 1;
        agreement.Versions.Add(version);
        db.LocalAgreements.Add(agreement);
        await db.SaveChangesAsync();
        return Result<LocalAgreement>.Ok(agreement);
    }

    /// <param name="revision">the agreement's revision when the caller read it: two people writing "the next version" at once must not both win.</param>
    public async Task<Result<LocalAgreementVersion>?> AddVersionAsync(int associationId, int agreementId, AgreementVersionRequest r, int? revision = null)
    {
        var agreement = await db.LocalAgreements.Include(a => a.Versions).SingleOrDefaultAsync(a => a.Id == agreementId && a.AssociationId == associationId);
        if (agreement is null) return null;
        if (Revisions.IsStale(revision, agreement.Revision)) return Result<LocalAgreementVersion>.Fail([Revisions.Conflict("överenskommelsen")]);
        var input = new Input();
        var version = Version(input, r, agreement.ReminderDays);
        if (!input.IsValid) return Result<LocalAgreementVersion>.Fail(input.Errors);
        version.Version = agreement.Versions.Max(v => v.Version) + 1;
        agreement.Versions.Add(version);
        agreement.Revision++;
        var errors = await Revisions.SaveAsync(db, "överenskommelsen");
        return errors.Count == 0 ? Result<LocalAgreementVersion>.Ok(version) : Result<LocalAgreementVersion>.Fail(errors);
    }

    private static LocalAgreementVersion Version(Input input, AgreementVersionRequest r, int reminderDays)
    {
        input.Add(AgreementExpiry.CheckVersion(r.ValidFrom, r.ValidTo, r.TargetAgeFrom, r.TargetAgeTo, reminderDays));
        return new LocalAgreementVersion
        {
            Parties = input.Required("parties", "parterna", r.Parties, 1000),
            Purpose = input.Required("purpose", "syftet", r.Purpose, 4000),
            Forums = input.Optional("forums", "forum", r.Forums, 2000),
            Signatories = input.Optional("signatories", "undertecknare", r.Signatories, 1000),
            TargetAgeFrom = r.TargetAgeFrom, TargetAgeTo = r.TargetAgeTo, ValidFrom = r.ValidFrom ?? default, ValidTo = r.ValidTo,
        };
    }
}

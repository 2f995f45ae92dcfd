using Microsoft.EntityFrameworkCore;
using Samordna.Core.Common;
using Samordna.Core.Structures;
using Samordna.Web.Data;

namespace Samordna.Web.Features.Structures;

public sealed record GroupRequest(string? Name, string? Kind, string? AreaName, string? MunicipalityCodes, string? ConveningRule,
    string? ConveningParty, int? PlannedMeetingsPerYear, string? Mandate, string? QuorumRule, string? StandingAgendaItems, int? InterventionId, int? Revision = null);

public sealed record MemberRequest(string? PersonName, string? Party, string? Unit, string? Email, string? Role, bool HasDecisionMandate,
    DateOnly? From, DateOnly? To, int? SubstituteForId);

/// <summary>A seat changes hands: the holder's last day and, when known, who takes over from which day.</summary>
public sealed record EndMemberRequest(DateOnly? LastDay, string? SuccessorName, string? SuccessorEmail, DateOnly? SuccessorFrom, int? Revision = null);

/// <summary>Creates and changes groups and their members. Every id is checked against the association in the route.</summary>
public sealed class GroupCommands(SamordnaDb db)
{
    public Task<CollaborationGroup?> FindAsync(int associationId, int groupId) =>
        db.CollaborationGroups.SingleOrDefaultAsync(g => g.Id == groupId && g.AssociationId == associationId);

    public async Task<Result<CollaborationGroup>> CreateAsync(int associationId, GroupRequest request)
    {
        var group = new CollaborationGroup { AssociationId = associationId };
        var errors = Apply(group, request);
        if (errors.Count > 0) return Result<CollaborationGroup>.Fail(errors);
        db.CollaborationGroups.Add(group);
        await db.SaveChangesAsync();
        return Result<CollaborationGroup>.Ok(group);
    }

    public async Task<Result<CollaborationGroup>?> UpdateAsync(int associationId, int groupId, GroupRequest request)
    {
        if (await FindAsync(associationId, groupId) is not { } group) return null;
        if (Revisions.IsStale(request.Revision, group.Revision)) return Result<CollaborationGroup>.Fail([Revisions.Conflict("gruppen")]);
        var errors = Apply(group, request);
        if (errors.Count > 0) return Result<CollaborationGroup>.Fail(errors);
        group.Revision++;
        errors = await Revisions.SaveAsync(db, "gruppen");
        return errors.Count == 0 ? Result<CollaborationGroup>.Ok(group) : Result<CollaborationGroup>.Fail(errors);
    }

    private static IReadOnlyList<FieldError> Apply(CollaborationGroup group, GroupRequest r)
    {
        var input = new Input();
        var name = input.Required("name", "gruppens namn", r.Name, 200);
        var kind = input.Choice<GroupKind>("kind", "slag av grupp", r.Kind, StructureNames.Swedish);
        var convening = input.Choice<ConveningRule>("conveningRule", "vem som kallar", r.ConveningRule, StructureNames.Swedish, ConveningRule.Coordinator);
        var conveningParty = input.Optional("conveningParty", "sammankallande part", r.ConveningParty, 200);
        if (convening == ConveningRule.FixedParty && conveningParty is null)
            input.Errors.Add(new("conveningParty", "Ange vilken part som kallar när en fast part är sammankallande."));
        var quorum = input.Choice<QuorumRule>("quorumRule", "regel för beslutsförhet", r.QuorumRule, StructureNames.Swedish, QuorumRule.None);
        if (r.PlannedMeetingsPerYear is < 0 or > 100)
            input.Errors.Add(new("plannedMeetingsPerYear", "Planerade möten per år ska vara ett tal mellan 0 och 100."));
        var codes = input.Optional("municipalityCodes", "kommunkoder", r.MunicipalityCodes, 200);
        if (codes is not null && codes.Split(',', StringSplitOptions.TrimEntries).FirstOrDefault(c => Core.Reference.SwedishRegions.FindMunicipality(c) is null) is { } bad)
            input.Errors.Add(new("municipalityCodes", $"\"{bad}\" är ingen kommunkod. Skriv SCB:s fyrsiffriga koder med kommatecken emellan, t.ex. 0685,0684."));
        var area = input.Optional("areaName", "område", r.AreaName, 200);
        var mandate = input.Optional("mandate", "uppdrag", r.Mandate, 2000);
        var standing = input.Optional("standingAgendaItems", "stående dagordningspunkter", r.StandingAgendaItems, 2000);
        if (!input.IsValid) return input.Errors;

        (group.Name, group.Kind, group.ConveningRule, group.QuorumRule) = (name, kind, convening, quorum);
        group.ConveningParty = convening == ConveningRule.FixedParty ? conveningParty : null;
        group.MunicipalityCodes = codes is null ? null : string.Join(",", codes.Split(',', StringSplitOptions.TrimEntries));
        (group.AreaName, group.Mandate, group.PlannedMeetingsPerYear) = (area, mandate, r.PlannedMeetingsPerYear);
        group.StandingAgendaItems = standing is null ? null : string.Join("\n", Lines(standing));
        group.InterventionId = kind == GroupKind.InterventionSteeringGroup ? r.InterventionId : null;
        return [];
    }

    public async Task<Result<GroupMember>?> AddMemberAsync(int associationId, int groupId, MemberRequest r)
    {
        if (await FindAsync(associationId, groupId) is null) return null;
        var input = new Input();
        var member = new GroupMember { GroupId = groupId };
        member.PersonName = input.Required("personName", "namn", r.PersonName, 200);
        member.Party = input.Required("party", "part", r.Party, 200);
        member.Unit = input.Optional("unit", "enhet", r.Unit, 200);
        member.Email = input.Optional("email", "e-post", r.Email, 256);
        if (member.Email is not null && !member.Email.Contains('@')) input.Errors.Add(new("email", "E-postadressen ska innehålla @."));
        member.Role = input.Choice<MemberRole>("role", "roll", r.Role, StructureNames.Swedish, MemberRole.Member);
        input.Add(Tenure.CheckPeriod(r.From, r.To));
        if (r.SubstituteForId is { } forId)
        {
            if (member.Role != MemberRole.Substitute)
                input.Errors.Add(new("substituteForId", "Bara en ersättare kan kopplas till en ledamot."));
            else if (!await db.GroupMembers.AnyAsync(m => m.Id == forId && m.GroupId == groupId && m.Role != MemberRole.Substitute && m.Role != MemberRole.Adjunct))
                input.Errors.Add(new("substituteForId", "Ersättaren kan bara kopplas till en ordinarie ledamot i samma grupp."));
        }
        if (!input.IsValid) return Result<GroupMember>.Fail(input.Errors);
        (member.HasDecisionMandate, member.FromDate, member.ToDate, member.SubstituteForId) = (r.HasDecisionMandate, r.From, r.To, r.SubstituteForId);
        db.GroupMembers.Add(member);
        await db.SaveChangesAsync();
        return Result<GroupMember>.Ok(member);
    }

    /// <summary>
    /// Ends a tenancy. A successor takes the same seat: party, unit, role, mandate and substitute link carry over,
    /// and substitutes who stood in for the leaver now stand in for the successor.
    /// </summary>
    public async Task<Result<GroupMember?>?> EndMemberAsync(int associationId, int groupId, int memberId, EndMemberRequest r)
    {
        if (await FindAsync(associationId, groupId) is null) return null;
        var member = await db.GroupMembers.SingleOrDefaultAsync(m => m.Id == memberId && m.GroupId == groupId);
        if (member is null) return null;
        if (Revisions.IsStale(r.Revision, member.Revision)) return Result<GroupMember?>.Fail([Revisions.Conflict("ledamoten")]);
        var input = new Input();
        var lastDay = input.RequiredValue("lastDay", "sista dagen (ÅÅÅÅ-MM-DD)", r.LastDay);
        var successorName = input.Optional("successorName", "efterträdarens namn", r.SuccessorName, 200);
        var successorEmail = input.Optional("successorEmail", "efterträdarens e-post", r.SuccessorEmail, 256);
        if (successorName is null && (r.SuccessorFrom is not null || successorEmail is not null))
            input.Errors.Add(new("successorName", "Ange efterträdarens namn, eller lämna alla fält om efterträdaren tomma."));
        if (r.LastDay is not null)
            input.Add(Tenure.CheckEnding(new Tenancy(member.Id, member.PredecessorId, member.FromDate, member.ToDate), lastDay, successorName is null ? null : r.SuccessorFrom ?? lastDay.AddDays(1)));
        if (!input.IsValid) return Result<GroupMember?>.Fail(input.Errors);

        member.ToDate = lastDay;
        member.Revision++;
        GroupMember? successor = null;
        if (successorName is not null)
        {
            successor = new GroupMember
            {
                GroupId = groupId, PersonName = successorName, Email = successorEmail, Party = member.Party, Unit = member.Unit,
                Role = member.Role, HasDecisionMandate = member.HasDecisionMandate, SubstituteForId = member.SubstituteForId,
                FromDate = r.SuccessorFrom ?? lastDay.AddDays(1), PredecessorId = member.Id,
            };
            db.GroupMembers.Add(successor);
            if (await Revisions.SaveAsync(db, "ledamoten") is { Count: > 0 } conflict) return Result<GroupMember?>.Fail(conflict);
            foreach (var substitute in await db.GroupMembers.Where(m => m.GroupId == groupId && m.SubstituteForId == member.Id && m.ToDate == null).ToListAsync())
                substitute.SubstituteForId = successor.Id;
        }
        var errors = await Revisions.SaveAsync(db, "ledamoten");
        return errors.Count == 0 ? Result<GroupMember?>.Ok(successor) : Result<GroupMember?>.Fail(errors);
    }

    public async Task<bool> SetIntroductionStepAsync(int associationId, int groupId, int memberId, string? itemCode, bool done, DateOnly today)
    {
        if (!IntroductionChecklist.IsItem(itemCode)) return false;
        if (!await db.GroupMembers.AnyAsync(m => m.Id == memberId && m.GroupId == groupId && m.Group!.AssociationId == associationId)) return false;
        var existing = await db.MemberIntroductionSteps.SingleOrDefaultAsync(s => s.MemberId == memberId && s.ItemCode == itemCode);
        if (done && existing is null) db.MemberIntroductionSteps.Add(new MemberIntroductionStep { MemberId = memberId, ItemCode = itemCode!, DoneOn = today });
        if (!done && existing is not null) db.MemberIntroductionSteps.Remove(existing);
        await db.SaveChangesAsync();
        return true;
    }

    internal static IEnumerable<string> Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}

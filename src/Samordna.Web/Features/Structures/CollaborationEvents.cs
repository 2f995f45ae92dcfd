using Microsoft.EntityFrameworkCore;
using Samordna.Core.Common;
using Samordna.Core.Structures;
using Samordna.Web.Data;

namespace Samordna.Web.Features.Structures;

public sealed record ParticipantCount(string? Party, int? Count);

/// <summary>An event as typed: dates as text (answered in Swedish when mistyped), participants per organisation.</summary>
public sealed record EventRequest(string? Kind, string? Title, string? HeldOn, string? Place, string? Organiser, string? Description,
    int? SurveyRoundId, int? FollowUpMonths, IReadOnlyList<ParticipantCount>? Participants, int? Revision = null);

public sealed record FollowUpRequest(string? DoneOn, string? Note, int? Revision = null);

public sealed record EventView(CollaborationEvent Event, string? SurveyRoundName, FollowUpState FollowUp, string FollowUpText)
{
    public int TotalParticipants => Event.Participants.Sum(p => p.Count);
}

/// <summary>Information days, inspiration days and breakfast meetings; who came per organisation; the evaluation round and the follow-up 6–12 months later.</summary>
public sealed class CollaborationEvents(SamordnaDb db, StructureQueries queries)
{
    public async Task<List<EventView>> ListAsync(int associationId)
    {
        var events = await db.CollaborationEvents.AsNoTracking().Include(e => e.Participants).Where(e => e.AssociationId == associationId)
            .OrderByDescending(e => e.HeldOn).ThenBy(e => e.Title).ToListAsync();
        var rounds = await RoundsAsync(associationId);
        var today = queries.Today;
        return events.Select(e =>
        {
            e.Participants = e.Participants.OrderBy(p => p.Party).ToList();
            var state = EventFollowUp.State(e.FollowUpOn, e.FollowUpDoneOn, today);
            return new EventView(e, e.SurveyRoundId is { } r ? rounds.GetValueOrDefault(r) : null, state, EventFollowUp.Describe(state, e.FollowUpOn, e.FollowUpDoneOn));
        }).ToList();
    }

    public async Task<EventView?> FindAsync(int associationId, int eventId) => (await ListAsync(associationId)).SingleOrDefault(v => v.Event.Id == eventId);

    /// <summary>The association's survey rounds, any of which may evaluate an event.</summary>
    public async Task<Dictionary<int, string>> RoundsAsync(int associationId) =>
        await db.SurveyRounds.AsNoTracking().Where(r => r.AssociationId == associationId).OrderBy(r => r.Name).ToDictionaryAsync(r => r.Id, r => r.Name);

    public async Task<Result<CollaborationEvent>> CreateAsync(int associationId, EventRequest request)
    {
        var e = new CollaborationEvent { AssociationId = associationId };
        var errors = await ApplyAsync(e, request);
        if (errors.Count > 0) return Result<CollaborationEvent>.Fail(errors);
        db.CollaborationEvents.Add(e);
        await db.SaveChangesAsync();
        return Result<CollaborationEvent>.Ok(e);
    }

    public async Task<Result<CollaborationEvent>?> UpdateAsync(int associationId, int eventId, EventRequest request)
    {
        if (await db.CollaborationEvents.Include(e => e.Participants).SingleOrDefaultAsync(e => e.Id == eventId && e.AssociationId == associationId) is not { } e) return null;
        if (Revisions.IsStale(request.Revision, e.Revision)) return Result<CollaborationEvent>.Fail([Revisions.Conflict("träffen")]);
        var errors = await ApplyAsync(e, request);
        if (errors.Count > 0) return Result<CollaborationEvent>.Fail(errors);
        e.Revision++;
        errors = await Revisions.SaveAsync(db, "träffen");
        return errors.Count == 0 ? Result<CollaborationEvent>.Ok(e) : Result<CollaborationEvent>.Fail(errors);
    }

    public async Task<Result<CollaborationEvent>?> FollowUpAsync(int associationId, int eventId, FollowUpRequest request)
    {
        if (await db.CollaborationEvents.SingleOrDefaultAsync(e => e.Id == eventId && e.AssociationId == associationId) is not { } e) return null;
        if (Revisions.IsStale(request.Revision, e.Revision)) return Result<CollaborationEvent>.Fail([Revisions.Conflict("träffen")]);
        var input = new Input();
        var done = input.Date("doneOn", "dagen för uppföljningen", request.DoneOn);
        var note = input.Optional("followUpNote", "vad uppföljningen visade", request.Note, 2000);
        if (done is { } d && d < e.HeldOn) input.Errors.Add(new("doneOn", $"Uppföljningen kan inte ske före träffen ({e.HeldOn:yyyy-MM-dd})."));
        if (done > queries.Today) input.Errors.Add(new("doneOn", "Uppföljningen kan inte vara gjord i framtiden."));
        input.Add(PersonalDataPatterns.CheckFields([("followUpNote", "Anteckningen", note)], "Uppföljningen gäller träffen, inte enskilda personer."));
        if (!input.IsValid) return Result<CollaborationEvent>.Fail(input.Errors);
        (e.FollowUpDoneOn, e.FollowUpNote) = (done, note);
        e.Revision++;
        var errors = await Revisions.SaveAsync(db, "träffen");
        return errors.Count == 0 ? Result<CollaborationEvent>.Ok(e) : Result<CollaborationEvent>.Fail(errors);
    }

    private async Task<IReadOnlyList<FieldError>> ApplyAsync(CollaborationEvent e, EventRequest r)
    {
        var input = new Input();
        var kind = input.Choice<EventKind>("kind", "slag av träff", r.Kind, EventFollowUp.Swedish);
        var title = input.Required("title", "träffens namn", r.Title, 200);
        var heldOn = input.Date("heldOn", "datum för träffen", r.HeldOn);
        if (heldOn is null && string.IsNullOrWhiteSpace(r.HeldOn)) input.Errors.Add(new("heldOn", "Fyll i datum för träffen (ÅÅÅÅ-MM-DD)."));
        var place = input.Optional("place", "plats", r.Place, 200);
        var organiser = input.Required("organiser", "arrangör", r.Organiser, 200);
        var description = input.Optional("description", "beskrivning", r.Description, 2000);
        input.Add(PersonalDataPatterns.CheckFields([("description", "Beskrivningen", description)], "Träffens beskrivning ska inte handla om enskilda personer."));
        if (r.SurveyRoundId is { } round && !await db.SurveyRounds.AnyAsync(x => x.Id == round && x.AssociationId == e.AssociationId))
            input.Errors.Add(new("surveyRoundId", "Utvärderingen ska vara en av förbundets mätomgångar."));
        DateOnly? followUp = null;
        if (heldOn is { } held)
        {
            var planned = EventFollowUp.Plan(held, r.FollowUpMonths);
            input.Add(planned.Errors);
            followUp = planned.IsValid ? planned.Value : null;
        }
        // Blank rows (no organisation, no count) are the form's spare rows; they are dropped before the rule numbers rows.
        var rows = (r.Participants ?? []).Where(p => !string.IsNullOrWhiteSpace(p.Party) || p.Count is not null).ToList();
        input.Add(EventFollowUp.CheckParticipants(rows.Select(p => (p.Party ?? "", p.Count)).ToList()));
        if (rows.Any(p => p.Party?.Trim().Length > 200)) input.Errors.Add(new("participants", "En organisation får vara högst 200 tecken."));
        if (!input.IsValid) return input.Errors;

        (e.Kind, e.Title, e.HeldOn, e.Place, e.Organiser, e.Description, e.SurveyRoundId) = (kind, title, heldOn!.Value, place, organiser, description, r.SurveyRoundId);
        // A moved event moves its follow-up, unless the follow-up is already done.
        if (e.FollowUpDoneOn is null) e.FollowUpOn = followUp;
        db.EventParticipations.RemoveRange(e.Participants);
        e.Participants = rows.Select(p => new EventParticipation { Party = p.Party!.Trim(), Count = p.Count!.Value }).ToList();
        return [];
    }
}

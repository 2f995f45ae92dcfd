using Microsoft.EntityFrameworkCore;
using Samordna.Core.Common;
using Samordna.Core.Interventions;
using Samordna.Core.Participants;
using Samordna.Core.Reference;
using Samordna.Web.Data;

namespace Samordna.Web.Features.Participants;

/// <summary>
/// Enrols a person in an intervention: the identity number is validated, encrypted and hashed, so the same person is
/// found again in the association; without consent (or with protected identity) the episode is anonymous and carries
/// nothing but <see cref="EpisodeRules.AnonymousFields"/>. Used by the API, the enrolment page, the import and the demo.
/// </summary>
public sealed class EnrolParticipant(SamordnaDb db, ParticipantKeys keys, AuditActor actor, TimeProvider clock, ExtraQuestionDefinitions definitions)
{
    // An import prepares many rows of one association: its questions are read once.
    private readonly Dictionary<int, IReadOnlyList<ExtraQuestion>> questions = [];

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public async Task<Result<Episode>?> HandleAsync(int interventionId, EnrolRequest request)
    {
        var intervention = await db.Interventions.SingleOrDefaultAsync(i => i.Id == interventionId);
        if (intervention is null) return null;
        var result = await PrepareAsync(intervention, request, new Dictionary<string, Participant>());
        if (!result.IsValid) return result;
        db.Episodes.Add(result.Value!);
        await db.SaveChangesAsync();
        return result;
    }

    /// <summary>
    /// Checks the request and builds the episode (with its new or found participant, consent and enrolment measurement)
    /// without saving. <paramref name="pending"/> holds participants built earlier in the same batch, by lookup hash.
    /// </summary>
    public async Task<Result<Episode>> PrepareAsync(Intervention intervention, EnrolRequest r, IDictionary<string, Participant> pending)
    {
        var today = Today;
        if (intervention.MeasurementMethod is MeasurementMethod.CountsOnly or MeasurementMethod.None)
            return Result<Episode>.Fail("intervention", intervention.MeasurementMethod == MeasurementMethod.CountsOnly
                ? $"{intervention.Name} följs upp med antal deltagare per månad; deltagare skrivs inte in en och en."
                : $"{intervention.Name} har ingen deltagaruppföljning.");

        var errors = new List<FieldError>();
        var anonymous = EpisodeRules.IsAnonymous(r.ConsentGiven, r.ProtectedIdentity);
        if (!anonymous && intervention.MeasurementMethod == MeasurementMethod.Anonymous)
            errors.Add(new("consentGiven", $"{intervention.Name} registrerar alla deltagare anonymt. Skriv in personen utan personnummer och samtycke."));
        if (!string.IsNullOrWhiteSpace(r.IdentityNumber) && r.ParticipantId is not null)
            errors.Add(new("participantId", "Ange antingen personnummer eller deltagar-id, inte båda."));

        // The person, if known: by the lookup hash of the number typed, or by id. An anonymous enrolment uses the
        // number only to find out whether the person has withdrawn consent before; it is never stored.
        IdentityNumber? identity = null;
        string? lookup = null;
        Participant? known = null;
        if (!string.IsNullOrWhiteSpace(r.IdentityNumber))
        {
            var parsed = IdentityNumber.Parse(r.IdentityNumber, today);
            if (parsed.IsValid)
            {
                identity = parsed.Value!;
                lookup = keys.Protection.LookupHash(identity);
                known = pending.TryGetValue(lookup, out var p) ? p
                    : await db.Participants.SingleOrDefaultAsync(x => x.AssociationId == intervention.AssociationId && x.IdentityLookup == lookup);
            }
            else if (!anonymous) errors.AddRange(parsed.Errors);
        }
        else if (r.ParticipantId is { } participantId)
        {
            known = await db.Participants.SingleOrDefaultAsync(x => x.Id == participantId && x.AssociationId == intervention.AssociationId);
            if (known is null) errors.Add(new("participantId", $"Deltagare {participantId} finns inte i förbundet."));
            else if (known.IdentityCipher is null) errors.Add(new("participantId", "Deltagarens personnummer är raderat. Skriv in personen på nytt med personnummer."));
            else identity = IdentityNumber.Parse(keys.Protection.Decrypt(known.IdentityCipher), today).Value;
        }

        var age = r.Age ?? (identity is not null && r.EnrolledOn is { } on ? identity.AgeOn(on) : null);
        var name = string.IsNullOrWhiteSpace(r.Name) ? null : r.Name.Trim();
        errors.AddRange(EpisodeRules.CheckEnrolment(
            new EnrolmentInput(r.EnrolledOn, r.Gender, age, r.ConsentGiven, r.ProtectedIdentity,
                HasIdentityNumber: !string.IsNullOrWhiteSpace(r.IdentityNumber) || (!anonymous && identity is not null), HasName: name is not null),
            personWithdrewConsentBefore: known?.ConsentWithdrawn == true, today));
        errors.AddRange(EpisodeRules.CheckAnonymousFields(anonymous,
        [
            ("municipalityCode", "kommun", !string.IsNullOrWhiteSpace(r.MunicipalityCode)),
            ("measurement", "mätning", r.Measurement is not null),
            // Linking an anonymous episode to a person would make it personal; the withdrawal error above says more.
            ("participantId", "deltagar-id", r.ParticipantId is not null && known?.ConsentWithdrawn != true),
        ]));

        if (!anonymous)
        {
            errors.AddRange(CheckConsent(r.Consent, today));
            if (!string.IsNullOrWhiteSpace(r.MunicipalityCode) && SwedishRegions.FindMunicipality(r.MunicipalityCode.Trim()) is null)
                errors.Add(new("municipalityCode", $"Okänd kommunkod \"{r.MunicipalityCode}\". Ange SCB:s fyrsiffriga kod, t.ex. 1286 för Ystad."));
            if (name?.Length > 200) errors.Add(new("name", "Namnet får vara högst 200 tecken."));
            else if (PersonalDataPatterns.IdentityNumbers(name).Count > 0) errors.Add(new("name", "Namnfältet ser ut att innehålla ett personnummer. Skriv personnumret i sitt eget fält."));
        }
        MeasurementValues? measurement = null;
        if (r.Measurement is not null && !anonymous && r.EnrolledOn is { } enrolled)
        {
            if (!questions.TryGetValue(intervention.AssociationId, out var asked))
                questions[intervention.AssociationId] = asked = await definitions.ActiveAsync(intervention.AssociationId);
            var checkedMeasurement = MeasurementRules.Check(r.Measurement.ToInput(enrolled, nameof(MeasurementPoint.Enrolment)),
                new EpisodeState(enrolled, null, false, false) { Questions = asked }, today);
            errors.AddRange(checkedMeasurement.Errors.Select(e => e with { Field = $"measurement.{e.Field}" }));
            measurement = checkedMeasurement.Value;
        }
        if (errors.Count > 0) return Result<Episode>.Fail(errors);

        var participant = anonymous ? null : known;
        if (!anonymous && participant is null)
        {
            participant = new Participant { AssociationId = intervention.AssociationId, IdentityCipher = keys.Protection.Encrypt(identity!), IdentityLookup = lookup };
            pending[lookup!] = participant;
        }
        if (participant is not null)
        {
            if (name is not null) participant.NameCipher = keys.Protection.EncryptText(name);
            // New written consent lifts an earlier restriction; that consent was once withdrawn stays on record.
            participant.Restricted = false;
        }
        var episode = new Episode
        {
            AssociationId = intervention.AssociationId, InterventionId = intervention.Id, Participant = participant, Anonymous = anonymous,
            EnrolledOn = r.EnrolledOn!.Value, Gender = ParticipantParse.Gender(r.Gender)!.Value, AgeAtEnrolment = anonymous ? null : age,
            AgeBand = AgeBands.Of(age!.Value), MunicipalityCode = anonymous ? null : r.MunicipalityCode?.Trim() is { Length: > 0 } code ? code : null,
            BudgetYear = r.EnrolledOn.Value.Year, CreatedBy = actor.Name,
        };
        if (!anonymous)
            episode.Consents.Add(new Consent
            {
                GivenOn = r.Consent!.GivenOn!.Value, RecordedBy = actor.Name,
                Parties = string.Join("\n", Lines(r.Consent.Parties)), Purposes = string.Join("\n", Lines(r.Consent.Purposes)),
            });
        if (measurement is not null) episode.Measurements.Add(MeasurementRows.ToRow(measurement, actor.Name));
        return Result<Episode>.Ok(episode);
    }

    private static IEnumerable<FieldError> CheckConsent(ConsentRequest? consent, DateOnly today)
    {
        if (consent?.GivenOn is not { } given) yield return new("consent.givenOn", "Ange datum för det skriftliga samtycket (ÅÅÅÅ-MM-DD).");
        else if (given > today) yield return new("consent.givenOn", "Samtyckets datum ligger i framtiden.");
        var parties = Lines(consent?.Parties);
        var purposes = Lines(consent?.Purposes);
        if (parties.Count == 0) yield return new("consent.parties", "Ange vilka parter samtycket gäller, t.ex. Försäkringskassan och kommunen.");
        else if (string.Join("\n", parties).Length > 1000) yield return new("consent.parties", "Parterna får vara högst 1 000 tecken tillsammans.");
        if (purposes.Count == 0) yield return new("consent.purposes", "Ange vilka syften samtycket gäller, t.ex. uppföljning av insatsen.");
        else if (string.Join("\n", purposes).Length > 1000) yield return new("consent.purposes", "Syftena får vara högst 1 000 tecken tillsammans.");
    }

    public static List<string> Lines(IEnumerable<string>? values) =>
        (values ?? []).SelectMany(v => (v ?? "").Split('\n')).Select(v => v.Trim()).Where(v => v.Length > 0).Distinct().ToList();
}

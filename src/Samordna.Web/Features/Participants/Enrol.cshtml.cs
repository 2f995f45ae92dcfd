using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Core.Associations;
using Samordna.Core.Participants;
using Samordna.Web.Data;
using Samordna.Web.Features.Access;
using Samordna.Web.Features.Interventions;
using Samordna.Web.Features.Shared;

namespace Samordna.Web.Features.Participants;

/// <summary>The enrolment form: with consent the person is registered with identity number; without, anonymously.</summary>
[RequiresPermission(Permission.RegisterParticipants)]
public sealed class EnrolModel(SamordnaDb db, RegistrarAccess access, EnrolParticipant enrol) : RegistrarPageModel(db, access)
{
    public sealed class ConsentForm
    {
        public string? GivenOn { get; set; }
        public string? Parties { get; set; }
        public string? Purposes { get; set; }
    }

    [BindProperty] public string? ConsentGiven { get; set; } = "ja";
    [BindProperty] public string? ProtectedIdentity { get; set; } = "nej";
    [BindProperty] public string? IdentityNumber { get; set; }
    [BindProperty] public string? ParticipantName { get; set; }
    [BindProperty] public string? Gender { get; set; }
    [BindProperty] public string? Age { get; set; }
    [BindProperty] public string? MunicipalityCode { get; set; }
    [BindProperty] public string? EnrolledOn { get; set; }
    [BindProperty] public ConsentForm Consent { get; set; } = new();
    [BindProperty] public MeasurementForm Measurement { get; set; } = new();

    public IReadOnlyList<Choice> Municipalities { get; private set; } = [];
    public static IReadOnlyList<Choice> YesNo { get; } = [new("ja", "Ja"), new("nej", "Nej")];
    public static IReadOnlyList<Choice> Genders { get; } = Enum.GetValues<Core.Participants.Gender>().Select(g => new Choice(ParticipantNames.Swedish(g).ToLowerInvariant(), ParticipantNames.Swedish(g))).ToList();

    public async Task<IActionResult> OnGetAsync([FromRoute] int interventionId)
    {
        if (await LoadFormAsync(interventionId) is { } refused) return refused;
        EnrolledOn = FormReader.Show(enrol.Today);
        Consent.GivenOn = EnrolledOn;
        Consent.Parties = string.Join("\n", Association.Members.Select(m => m.Name));
        Consent.Purposes = "Uppföljning av insatsen";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] int interventionId)
    {
        if (await LoadFormAsync(interventionId) is { } refused) return refused;
        var read = new FormReader();
        var enrolledOn = read.Date(EnrolledOn, "enrolledOn", "Inskrivningsdatum");
        var request = new EnrolRequest(enrolledOn, Gender, read.Whole(Age, "age", "Ålder"), ConsentGiven == "ja", ProtectedIdentity == "ja",
            IdentityNumber, ParticipantName, MunicipalityCode, null,
            new ConsentRequest(read.Date(Consent.GivenOn, "consent.givenOn", "Samtyckets datum"), FormReader.Lines(Consent.Parties), FormReader.Lines(Consent.Purposes)),
            Measurement.IsBlank ? null : Measurement.ToRequest(read, "measurement", enrolledOn));
        if (read.Errors.Count > 0) return Refused(read.Errors);
        var result = await enrol.HandleAsync(interventionId, request);
        if (result is null) return NotFound();
        // The page's fields: the withdrawn-consent error belongs to the consent choice, the name field has its own id.
        if (!result.IsValid)
            return Refused(result.Errors.Select(e => e.Field switch { "consent" => e with { Field = "consentGiven" }, "name" => e with { Field = "participantName" }, _ => e }));
        return Redirect($"/Interventions/{interventionId}/Episodes/{result.Value!.Id}?enrolled=1");
    }

    private async Task<IActionResult?> LoadFormAsync(int interventionId)
    {
        if (await LoadAsync(interventionId) is { } refused) return refused;
        var members = await Db.MemberParties.AsNoTracking().Where(m => m.AssociationId == Association.Id).ToListAsync();
        Association.Members = members;
        Municipalities = new List<Choice> { new("", "Ingen uppgift") }
            .Concat(members.Where(m => m.Kind == MemberPartyKind.Municipality && m.MunicipalityCode is not null).OrderBy(m => m.Name).Select(m => new Choice(m.MunicipalityCode!, m.Name))).ToList();
        return null;
    }
}

using Microsoft.AspNetCore.Mvc;
using Samordna.Core.Access;
using Samordna.Core.Common;
using Samordna.Core.Participants;
using Samordna.Web.Data;
using Samordna.Web.Features.Access;
using Samordna.Web.Features.Shared;

namespace Samordna.Web.Features.Participants;

/// <summary>One episode for its registrar: the person (read and audited), consent, measurements with corrections, exit and withdrawal.</summary>
[RequiresPermission(Permission.RegisterParticipants)]
public sealed class EpisodeModel(SamordnaDb db, RegistrarAccess access, EpisodeQueries queries, EpisodeCommands commands) : RegistrarPageModel(db, access)
{
    public const string SavedKey = "ParticipantSaved";

    public EpisodeDetail Detail { get; private set; } = null!;
    /// <summary>The measurement being corrected, when the form corrects one.</summary>
    public MeasurementDto? Correcting { get; private set; }

    [BindProperty] public MeasurementForm Measurement { get; set; } = new();
    [BindProperty] public string? ExitedOn { get; set; }
    [BindProperty] public string? ExitReason { get; set; }
    [BindProperty] public string? WithdrawnOn { get; set; }
    /// <summary>The episode's revision when the page was opened, sent back by the exit and withdrawal forms.</summary>
    [BindProperty] public int? Revision { get; set; }

    public static IReadOnlyList<Choice> ExitReasons { get; } =
        Choices<Core.Participants.ExitReason>(ParticipantNames.Swedish, "Välj avslutsanledning").Where(c => c.Value != nameof(Core.Participants.ExitReason.ConsentWithdrawn)).ToList();

    public async Task<IActionResult> OnGetAsync([FromRoute] int interventionId, [FromRoute] int episodeId, int? correct)
    {
        if (await LoadEpisodeAsync(interventionId, episodeId, correct) is { } refused) return refused;
        var today = FormReader.Show(commands.Today);
        if (Correcting is { } c) Measurement = MeasurementForm.From(c);
        else
        {
            Measurement.Point = (Detail.FollowUps.FirstOrDefault(f => f.State == FollowUpState.Due)?.Point
                ?? (Detail.Measurements.Any(m => m.Point == MeasurementPoint.Enrolment) ? MeasurementPoint.Exit : MeasurementPoint.Enrolment)).ToString();
            Measurement.MeasuredOn = today;
        }
        ExitedOn = WithdrawnOn = today;
        Revision = Measurement.Revision = Detail.Episode.Revision;
        return Page();
    }

    public async Task<IActionResult> OnPostMeasureAsync([FromRoute] int interventionId, [FromRoute] int episodeId) =>
        await SaveMeasurementAsync(interventionId, episodeId, null);

    public async Task<IActionResult> OnPostCorrectAsync([FromRoute] int interventionId, [FromRoute] int episodeId, int measurementId) =>
        await SaveMeasurementAsync(interventionId, episodeId, measurementId);

    public async Task<IActionResult> OnPostExitAsync([FromRoute] int interventionId, [FromRoute] int episodeId)
    {
        if (await LoadEpisodeAsync(interventionId, episodeId, null) is { } refused) return refused;
        var read = new FormReader();
        var request = new ExitRequest(read.Date(ExitedOn, "exitedOn", "Utskrivningsdatum"), ExitReason, null, Revision);
        return await DoneAsync(read, () => commands.ExitAsync(interventionId, episodeId, request), "Deltagaren är utskriven.", f => f);
    }

    public async Task<IActionResult> OnPostWithdrawAsync([FromRoute] int interventionId, [FromRoute] int episodeId)
    {
        if (await LoadEpisodeAsync(interventionId, episodeId, null) is { } refused) return refused;
        var read = new FormReader();
        var request = new WithdrawRequest(read.Date(WithdrawnOn, "withdrawnOn", "Datum"), Revision);
        return await DoneAsync(read, () => commands.WithdrawConsentAsync(interventionId, episodeId, request),
            "Samtycket är återkallat: deltagaren är utskriven och personuppgifterna är begränsade.", f => f == "consent" ? "withdrawnOn" : f);
    }

    private async Task<IActionResult> SaveMeasurementAsync(int interventionId, int episodeId, int? measurementId)
    {
        if (await LoadEpisodeAsync(interventionId, episodeId, measurementId) is { } refused) return refused;
        var read = new FormReader();
        var request = Measurement.ToRequest(read, "measurement");
        return await DoneAsync(read, () => measurementId is { } id
                ? commands.CorrectAsync(interventionId, episodeId, id, request)
                : commands.MeasureAsync(interventionId, episodeId, request),
            measurementId is null ? "Mätningen är sparad." : "Rättelsen är sparad; den tidigare mätningen finns kvar i historiken.",
            f => f switch { "measurementId" => "measurement.measurement", EpisodeCommands.RevisionField => f, _ => "measurement." + f });
    }

    /// <summary>The end of every form: what could not be read, the rule's errors on the page's fields, or back to the page.</summary>
    private async Task<IActionResult> DoneAsync<T>(FormReader read, Func<Task<Result<T>?>> save, string saved, Func<string, string> field)
    {
        if (read.Errors.Count > 0) return Refused(read.Errors);
        if (await save() is not { } result) return NotFound();
        if (!result.IsValid) return Refused(result.Errors.Select(e => e with { Field = field(e.Field) }));
        TempData[SavedKey] = saved;
        return Redirect($"/Interventions/{Intervention.Id}/Episodes/{Detail.Episode.Id}");
    }

    private async Task<IActionResult?> LoadEpisodeAsync(int interventionId, int episodeId, int? correct)
    {
        if (await LoadAsync(interventionId) is { } refused) return refused;
        if (await queries.DetailAsync(interventionId, episodeId, "Episodsida") is not { } detail) return NotFound();
        Detail = detail;
        Correcting = correct is { } id ? detail.Measurements.FirstOrDefault(m => m.Id == id && m.Current) : null;
        return null;
    }

    public static string Income(IEnumerable<IncomeSource> sources) =>
        sources.Select(ParticipantNames.Swedish).ToList() is { Count: > 0 } names ? string.Join(", ", names) : Interventions.Show.Missing;
}

using Microsoft.EntityFrameworkCore;
using Samordna.Core.Common;
using Samordna.Core.Measurement;
using Samordna.Web.Data;

namespace Samordna.Web.Features.Measurement;

public sealed record CreateRoundRequest(string? Instrument, string? Name, int? BaselineRoundId);

/// <summary>Creates a survey round of an instrument, optionally as the re-measurement of a baseline round.</summary>
public sealed class CreateRound(SamordnaDb db, InstrumentBank bank)
{
    public async Task<Result<SurveyRound>> HandleAsync(int associationId, CreateRoundRequest request)
    {
        var errors = new List<FieldError>();
        var name = (request.Name ?? "").Trim();
        if (name.Length == 0) errors.Add(new("name", "Ange ett namn på mätomgången, till exempel \"Baslinjemätning 2016\"."));
        else if (name.Length > 200) errors.Add(new("name", "Namnet får vara högst 200 tecken."));

        var instrument = string.IsNullOrWhiteSpace(request.Instrument) ? null : await bank.FindOrStoreAsync(request.Instrument.Trim());
        if (instrument is null)
            errors.Add(new("instrument", $"Okänt instrument \"{request.Instrument}\". Välj ett av: {string.Join(", ", (await bank.ListAsync()).Select(i => i.Code))}."));

        if (request.BaselineRoundId is { } baselineId)
        {
            var baseline = await db.SurveyRounds.Include(r => r.Instrument).SingleOrDefaultAsync(r => r.Id == baselineId && r.AssociationId == associationId);
            if (baseline is null)
                errors.Add(new("baselineRoundId", $"Baslinjen {baselineId} är ingen mätomgång i det här förbundet."));
            else if (instrument is not null && baseline.Instrument!.Code != instrument.Code)
                errors.Add(new("baselineRoundId", $"Baslinjen använder instrumentet {baseline.Instrument.Code}; en ommätning ska använda samma instrument."));
        }
        if (errors.Count > 0) return Result<SurveyRound>.Fail(errors);

        var round = new SurveyRound { AssociationId = associationId, InstrumentId = instrument!.Id, Name = name, BaselineRoundId = request.BaselineRoundId };
        db.SurveyRounds.Add(round);
        await db.SaveChangesAsync();
        return Result<SurveyRound>.Ok(round);
    }
}

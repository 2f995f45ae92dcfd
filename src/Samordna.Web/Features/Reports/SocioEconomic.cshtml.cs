using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordna.Core.Access;
using Samordna.Core.Common;
using Samordna.Web.Features.Access;

namespace Samordna.Web.Features.Reports;

/// <summary>The calculation changes nothing, so it is a GET form anyone in the association may use.</summary>
[RequiresPermission(Permission.ViewAssociation)]
public sealed class SocioEconomicModel(ReportQueries reports) : PageModel
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    public int InterventionId { get; private set; }
    public SocioEconomicReport? Report { get; private set; }
    public List<FieldError> Errors { get; } = [];
    public List<(string Name, string Label, string Value, string? Hint)> Fields { get; } = [];

    public async Task<IActionResult> OnGetAsync([FromRoute] int interventionId, string? participants, string? successRate, string? baselineRate,
        string? costPerPersonYear, string? horizonYears, string? discountRate, string? persistence, string? interventionCost)
    {
        InterventionId = interventionId;
        var query = new SocioEconomicQuery(
            Whole(participants, "participants", "Antal deltagare"), Share(successRate, "successRate", "Andel som lyckas"),
            Share(baselineRate, "baselineRate", "Jämförelseandel"), Money(costPerPersonYear, "costPerPersonYear", "Kostnad per personår"),
            Whole(horizonYears, "horizonYears", "Tidshorisont"), Share(discountRate, "discountRate", "Kalkylränta"),
            Share(persistence, "persistence", "Kvarstående effekt per år"), Money(interventionCost, "interventionCost", "Insatsens kostnad"));
        if (Errors.Count == 0)
        {
            var result = await reports.SocioEconomicAsync(interventionId, query);
            if (result is null) return NotFound();
            if (result.IsValid) Report = result.Value; else Errors.AddRange(result.Errors);
        }
        if (Errors.Count > 0) Response.StatusCode = StatusCodes.Status400BadRequest;
        var input = Report?.Input;
        Fields.Add(("participants", "Antal deltagare", participants ?? input?.Participants.ToString(Swedish) ?? "", ParticipantsHint(Report)));
        Fields.Add(("successRate", "Andel som lyckas (%)", successRate ?? Percent(input?.SuccessRate), "T.ex. andel i arbete eller studier efter insatsen."));
        Fields.Add(("baselineRate", "Jämförelseandel (%)", baselineRate ?? Percent(input?.BaselineRate), "Andel som hade lyckats ändå, t.ex. 6 % i ordinarie verksamhet."));
        Fields.Add(("costPerPersonYear", "Kostnad per personår utanför arbete (kr)", costPerPersonYear ?? Amount.Format(input?.CostPerPersonYear.Sum(c => c.Total) ?? 0).Replace(" kr", ""), "500 000 kr (Huddinge) eller 437 500 kr (Jönköpings län)."));
        Fields.Add(("horizonYears", "Tidshorisont (år)", horizonYears ?? input?.HorizonYears.ToString(Swedish) ?? "", null));
        Fields.Add(("discountRate", "Kalkylränta (%)", discountRate ?? Percent(input?.DiscountRate), null));
        Fields.Add(("persistence", "Kvarstående effekt per år (%)", persistence ?? Percent(input?.Persistence), "100 % = effekten håller hela horisonten."));
        Fields.Add(("interventionCost", "Insatsens kostnad (kr)", interventionCost ?? Amount.Format(input?.InterventionCost ?? 0).Replace(" kr", ""), "Från insatsens utfall (budget där utfall saknas)."));
        return Page();
    }

    /// <summary>Where the default number of participants comes from, year by year, so that it can be traced.</summary>
    private static string ParticipantsHint(SocioEconomicReport? report)
    {
        const string general = "Från insatsens budgetår: räknade ur deltagaruppföljningen där insatsen registrerar deltagare, annars det inskrivna antalet.";
        if (report is null || report.ParticipantYears.Count == 0) return general;
        var years = string.Join("; ", report.ParticipantYears.Select(y =>
            $"{y.Year}: {(y.Participants is { } n ? n.ToString(Swedish) : "–")} ({ParticipantSources.Swedish(y.Source).ToLower(Swedish)})"));
        return report.ParticipantsGiven ? $"Ditt värde. Insatsens budgetår: {years}." : $"Summan av insatsens budgetår: {years}.";
    }

    private static string Percent(decimal? share) => share is { } s ? (s * 100).ToString("0.##", Swedish) : "";

    private int? Whole(string? text, string field, string label)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (int.TryParse(text.Trim().Replace(" ", ""), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return value;
        Errors.Add(new(field, $"{label}: \"{text}\" är inget heltal."));
        return null;
    }

    private decimal? Money(string? text, string field, string label)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (Amount.TryParse(text, out var value)) return value;
        Errors.Add(new(field, $"{label}: \"{text}\" är inget belopp. Skriv t.ex. 500 000."));
        return null;
    }

    /// <summary>Shares are typed in percent ("35" or "3,5") and handed on as fractions.</summary>
    private decimal? Share(string? text, string field, string label)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (Amount.TryParse(text.Replace("%", ""), out var value)) return value / 100m;
        Errors.Add(new(field, $"{label}: \"{text}\" är ingen procentsats. Skriv t.ex. 35."));
        return null;
    }
}

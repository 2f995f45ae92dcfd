using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Core.Measurement;
using Samordna.Web.Data;
using Samordna.Web.Features.Access;

namespace Samordna.Web.Features.Measurement;

[RequiresPermission(Permission.ViewAssociation)]
public sealed class ResultsModel(SamordnaDb db, MeasurementResults results) : PageModel
{
    public int AssociationId { get; private set; }
    public ResultsDto Results { get; private set; } = null!;
    public List<string> Attributes { get; private set; } = [];
    public List<ItemResult> RadarItems { get; private set; } = [];
    public List<string> RadarGroups { get; private set; } = [];
    public Dictionary<string, List<string>> Comments { get; private set; } = [];
    public List<SurveyRound> OtherRounds { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromRoute] int roundId, string? by)
    {
        if (!await LoadAsync(roundId, by)) return NotFound();
        // Spindeln is read as a radar of means, one line per group.
        RadarItems = Results.Items.Where(i => i.Scale == Scales.Spindeln.Code && i.Groups.Any(g => g.Mean is not null)).ToList();
        RadarGroups = RadarItems.SelectMany(i => i.Groups.Where(g => g.Mean is not null).Select(g => g.Group)).Distinct().Take(3).ToList();
        Comments = await results.CommentsAsync(roundId);
        return Page();
    }

    /// <summary>The same suppressed numbers as the page, semicolon-separated UTF-8 with BOM for Swedish Excel.</summary>
    public async Task<IActionResult> OnGetCsvAsync([FromRoute] int roundId, string? by)
    {
        if (!await LoadAsync(roundId, by)) return NotFound();
        var csv = new StringBuilder("Fråga;Grupp;Svarsposter;Giltiga svar;Svar (kod);Svar;Antal;Procent;Vet ej m.m.;Obesvarat;Tre högsta (%);Medel;Std.avv.\r\n");
        static string Cell(object? v) => v switch { null => "", double d => d.ToString("0.######", System.Globalization.CultureInfo.GetCultureInfo("sv-SE")), _ => v.ToString()! };
        foreach (var item in Results.Items)
            foreach (var g in item.Groups)
                foreach (var c in g.Categories)
                    csv.Append(string.Join(';', item.Code, g.Group, Cell(g.N), Cell(g.ValidBase), c.Code, c.Label, Cell(c.Count), Cell(c.Percent),
                        Cell(g.NonSubstantive), Cell(g.Blank), Cell(g.UpperThreeShare), Cell(g.Mean), Cell(g.Sd))).Append("\r\n");
        return File([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())], "text/csv; charset=utf-8", $"resultat-{roundId}.csv");
    }

    private async Task<bool> LoadAsync(int roundId, string? by)
    {
        var attribute = string.IsNullOrWhiteSpace(by) ? null : by.Trim().ToLowerInvariant();
        var loaded = await results.ResultsAsync(roundId, attribute);
        if (loaded is null) return false;
        Results = loaded;
        AssociationId = await db.SurveyRounds.Where(r => r.Id == roundId).Select(r => r.AssociationId).SingleAsync();
        Attributes = await results.AttributesAsync(roundId);
        OtherRounds = await db.SurveyRounds.AsNoTracking().Where(r => r.AssociationId == AssociationId && r.Id != roundId).OrderBy(r => r.Id).ToListAsync();
        return true;
    }
}

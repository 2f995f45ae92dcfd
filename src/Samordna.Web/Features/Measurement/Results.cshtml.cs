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

    public string? NotPublished { get; private set; }

    /// <summary>The item on its scale's collapsed categories, when the scale has collapsing rules.</summary>
    public ItemResult? CollapsedOf(string code) => Results.Collapsed.FirstOrDefault(c => c.Code == code);

    public async Task<IActionResult> OnGetAsync([FromRoute] int roundId, string? by)
    {
        if ((NotPublished = await results.NotYetPublishedAsync(roundId)) is not null)
        {
            AssociationId = await db.SurveyRounds.Where(r => r.Id == roundId).Select(r => r.AssociationId).SingleOrDefaultAsync();
            return Page();
        }
        if (!await LoadAsync(roundId, by)) return NotFound();
        // Spindeln is read as a radar of means, one line per group.
        RadarItems = Results.Items.Where(i => i.Scale == Scales.Spindeln.Code && i.Groups.Any(g => g.Mean is not null)).ToList();
        RadarGroups = RadarItems.SelectMany(i => i.Groups.Where(g => g.Mean is not null).Select(g => g.Group)).Distinct().Take(3).ToList();
        Comments = await results.CommentsAsync(roundId);
        return Page();
    }

    private static readonly string[] ExportHeader =
        ["Fråga", "Grupp", "Svarsposter", "Giltiga svar", "Svar (kod)", "Svar", "Antal", "Procent", "Vet ej m.m.", "Obesvarat", "Tre högsta (%)", "Medel", "Std.avv."];

    /// <summary>
    /// One row per item, group and answer, with exactly the suppressed numbers the page shows (hidden = empty); then the
    /// collapsed categories (question "P1 (sammanslaget)", answer codes joined by +) and the multi-select options
    /// (valid answers: those who chose anything; the percentages of one group may sum to more than 100).
    /// </summary>
    private IEnumerable<IReadOnlyList<object?>> ExportRows() =>
        (from item in Results.Items
         from g in item.Groups
         from c in g.Categories
         select (IReadOnlyList<object?>)[item.Code, g.Group, g.N, g.ValidBase, c.Code, c.Label, c.Count, c.Percent, g.NonSubstantive, g.Blank, g.UpperThreeShare, g.Mean, g.Sd])
        .Concat(from item in Results.Collapsed
                from g in item.Groups
                from c in g.Categories
                select (IReadOnlyList<object?>)[$"{item.Code} (sammanslaget)", g.Group, g.N, g.ValidBase, c.Code, c.Label, c.Count, c.Percent, g.NonSubstantive, g.Blank, null, null, null])
        .Concat(from item in Results.MultiItems
                from g in item.Groups
                from o in g.Options
                select (IReadOnlyList<object?>)[item.Code, g.Group, g.N, g.ValidBase, o.Code, o.Label, o.Count, o.Percent, g.NonSubstantive, g.Blank, null, null, null]);

    /// <summary>Semicolon-separated UTF-8 with BOM, so Swedish Excel opens it as it is.</summary>
    public async Task<IActionResult> OnGetCsvAsync([FromRoute] int roundId, string? by)
    {
        if (await results.NotYetPublishedAsync(roundId) is not null || !await LoadAsync(roundId, by)) return NotFound();
        return File(Shared.CsvExport.Write("Resultat", ExportHeader, ExportRows(), Shared.ExportNotes.Suppressed(Results.Threshold)), Shared.CsvExport.ContentType, $"resultat-{roundId}.csv");
    }

    public async Task<IActionResult> OnGetXlsxAsync([FromRoute] int roundId, string? by)
    {
        if (await results.NotYetPublishedAsync(roundId) is not null || !await LoadAsync(roundId, by)) return NotFound();
        return File(Shared.XlsxExport.WriteSheets([new("Resultat", ExportHeader, ExportRows(), Shared.ExportNotes.Suppressed(Results.Threshold))]),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"resultat-{roundId}.xlsx");
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

using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Core.Participants;
using Samordna.Web.Data;
using Samordna.Web.Features.Access;
using Samordna.Web.Features.Shared;

namespace Samordna.Web.Features.Participants;

/// <summary>
/// The participant report for everyone in the association (board members included): outcomes and profiles, never a
/// person; every table protected against small cells. Exports the same protected numbers, and the national follow-up.
/// </summary>
[RequiresPermission(Permission.ViewAssociation)]
public sealed class ReportModel(SamordnaDb db, ParticipantReportQueries reports, NationalExport national, FollowUpSettings followUps) : FormPageModel
{
    public Association Association { get; private set; } = null!;
    public ParticipantReportDto Report { get; private set; } = null!;
    public string? Year { get; private set; }
    public string? By { get; private set; }
    public string? Reference { get; private set; }
    public int NationalYear { get; private set; }

    public static IReadOnlyList<Choice> Breakdowns { get; } =
        Enum.GetValues<ReportBreakdown>().Select(b => new Choice(b.ToString(), ParticipantReportQueries.Swedish(b))).ToList();

    public async Task<IActionResult> OnGetAsync([FromRoute] int associationId, string? budgetYear, string? by, string? reference)
    {
        if (await LoadAsync(associationId, budgetYear, by, reference) is { } answer) return answer;
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync([FromRoute] int associationId, string? budgetYear, string? by, string? reference) =>
        await LoadAsync(associationId, budgetYear, by, reference) ?? File(CsvExport.Write("Deltagarrapport", ExportHeader, ExportRows(), HiddenNote), CsvExport.ContentType, FileName("csv"));

    public async Task<IActionResult> OnGetXlsxAsync([FromRoute] int associationId, string? budgetYear, string? by, string? reference) =>
        await LoadAsync(associationId, budgetYear, by, reference) ?? File(XlsxExport.WriteSheets([new("Deltagarrapport", ExportHeader, ExportRows(), HiddenNote)]),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", FileName("xlsx"));

    /// <summary>The national follow-up's figures for one year (exact counts, as the national form asks).</summary>
    public async Task<IActionResult> OnGetNationalAsync([FromRoute] int associationId, string? budgetYear, string? format)
    {
        var read = new FormReader();
        var chosen = read.Whole(budgetYear, "budgetYear", "År") ?? DateTime.Today.Year - 1;
        if (read.Errors.Count > 0 || await national.RowsAsync(associationId, chosen) is not { } found) return NotFound();
        var cells = NationalExport.Cells(found.Association, chosen, found.Rows);
        return format == "xlsx"
            ? File(XlsxExport.Write($"Nationell uppföljning {chosen}", NationalExport.Header, cells), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"nationell-uppfoljning-{chosen}.xlsx")
            : File(CsvExport.Write($"Nationell uppföljning {chosen}", NationalExport.Header, cells), CsvExport.ContentType, $"nationell-uppfoljning-{chosen}.csv");
    }

    public IEnumerable<(string Title, SuppressedTable Table, string GroupLabel)> Tables()
    {
        var by = ParticipantReportQueries.Swedish(Report.By);
        yield return ("Deltagare per kön (anonyma och volyminsatser ingår)", Report.Counts, by);
        yield return ("I arbete eller studier vid utskrivning", Report.WorkOrStudiesAtExit, by);
        yield return ($"I arbete eller studier vid första uppföljningen{Days(p => p.First)}", Report.WorkOrStudiesAfter90Days, by);
        yield return ($"I arbete eller studier vid andra uppföljningen{Days(p => p.Second)}", Report.WorkOrStudiesAfter365Days, by);
        yield return ("Försörjning före (rader) och vid utskrivning (kolumner)", Report.IncomeTransition, "Försörjning före");
        yield return ("Sysselsättning före (rader) och vid utskrivning (kolumner)", Report.OccupationTransition, "Sysselsättning före");
        yield return ("Avslutsanledningar", Report.ExitReasons, by);
        yield return ("Högsta avslutade utbildning vid inskrivning", Report.Education, by);
        yield return ("Åldersgrupper", Report.AgeBands, by);
        yield return ("Tid med offentlig försörjning före insatsen", Report.SupportTime, by);
        yield return ("Tid i insatsen", Report.TimeInIntervention, by);
        yield return ("Självskattad hälsa vid inskrivning (rader) och vid utskrivning (kolumner)", Report.HealthTransition, "Hälsa vid inskrivning");
        foreach (var q in Report.ExtraQuestions)
            yield return ($"Egen fråga {q.Code}: {q.Wording}", q.Table, "Mättillfälle");
    }

    private string HiddenNote => ExportNotes.Suppressed(Report.Threshold);

    /// <summary>The association's follow-up plan, for the titles ("90 dagar efter utskrivning"); varying plans are not named.</summary>
    public FollowUpSettingDto? Plan { get; private set; }

    private string Days(Func<FollowUpPlan, FollowUpRule> rule) =>
        Plan is { } p ? $" ({FollowUpPlan.Days(rule(p.Plan).DaysAfterExit)} efter utskrivning enligt förbundets plan)" : "";

    private static readonly string[] ExportHeader = ["Tabell", "Grupp", "Kategori", "Antal", "Procent", "Gruppens totalt"];

    /// <summary>Exactly what the page shows: hidden cells are empty.</summary>
    private IEnumerable<IReadOnlyList<object?>> ExportRows() =>
        from t in Tables()
        from row in t.Table.Rows.Append(t.Table.All)
        from cell in row.Cells
        select (IReadOnlyList<object?>)[t.Title, row.Group, cell.Category, cell.Count, cell.Percent, row.Total];

    private string FileName(string extension) => $"deltagarrapport-{Association.Id}{(Report.Year is { } y ? $"-{y}" : "")}.{extension}";

    private async Task<IActionResult?> LoadAsync(int associationId, string? budgetYear, string? by, string? reference)
    {
        var association = await db.Associations.AsNoTracking().SingleOrDefaultAsync(a => a.Id == associationId);
        if (association is null) return NotFound();
        Association = association;
        Plan = await followUps.ForAssociationAsync(associationId);
        (Year, By, Reference) = (budgetYear, by, reference);
        var read = new FormReader();
        var chosenYear = read.Whole(budgetYear, "budgetYear", "Budgetår");
        var referencePercent = read.Number(reference, "reference", "Jämförelseandel");
        var errors = read.Errors.Concat(ParticipantsApi.ReportErrors(by, referencePercent)).ToList();
        NationalYear = chosenYear ?? DateTime.Today.Year - 1;
        if (errors.Count > 0)
        {
            Report = await reports.ReportAsync(associationId, null, ReportBreakdown.Intervention, null);
            return Refused(errors);
        }
        Report = await reports.ReportAsync(associationId, chosenYear, ParticipantReportQueries.ParseBreakdown(by)!.Value, referencePercent);
        return null;
    }
}

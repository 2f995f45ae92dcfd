using Microsoft.AspNetCore.Mvc;
using Samordna.Core.Access;
using Samordna.Core.Associations;
using Samordna.Core.Common;
using Samordna.Core.Interventions;
using Samordna.Web.Data;
using Samordna.Web.Features.Access;
using Samordna.Web.Features.Shared;

namespace Samordna.Web.Features.Interventions;

/// <summary>
/// The board's portfolio: every intervention with status, money for a chosen year and in total, results against
/// targets and readiness, filtered like the API; the association's budget for the year; the same table as XLSX.
/// </summary>
[RequiresPermission(Permission.ViewAssociation)]
public sealed class PortfolioModel(InterventionQueries queries, CurrentGrants grants) : FormPageModel
{
    /// <summary>
    /// The filter as the GET form sends it. Its year chooses which budget year the columns show; it is a filter
    /// of this association's data, not a route value, so it cannot point the page elsewhere.
    /// </summary>
    public sealed class FilterForm
    {
        public string? Kind { get; set; }
        public string? Party { get; set; }
        public string? Municipality { get; set; }
        public string? Status { get; set; }
        public string? Year { get; set; }

        public string Query(int year) => QueryString.Create(new Dictionary<string, string?>
        {
            ["kind"] = Kind, ["party"] = Party, ["municipality"] = Municipality, ["status"] = Status, ["year"] = year.ToString(),
        }.Where(p => !string.IsNullOrWhiteSpace(p.Value))).ToString();
    }

    public Association Association { get; private set; } = null!;
    public FilterForm Filter { get; private set; } = new();
    public int Year { get; private set; }
    public List<PortfolioRow> Rows { get; private set; } = [];
    public AssociationBudgetSummary Summary { get; private set; } = null!;
    public bool CanManage { get; private set; }
    public bool CanManageAssociation { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] int associationId, [FromQuery] FilterForm filter)
    {
        if (!await LoadAsync(associationId, filter)) return NotFound();
        return Errors.Count > 0 ? Refused(Errors) : Page();
    }

    public async Task<IActionResult> OnGetXlsxAsync([FromRoute] int associationId, [FromQuery] FilterForm filter)
    {
        if (!await LoadAsync(associationId, filter)) return NotFound();
        if (Errors.Count > 0) return Refused(Errors);
        return File(PortfolioExport.Write(Rows, Year), PortfolioExport.ContentType, $"insatsportfolj-{Year}.xlsx");
    }

    public async Task<IActionResult> OnGetCsvAsync([FromRoute] int associationId, [FromQuery] FilterForm filter)
    {
        if (!await LoadAsync(associationId, filter)) return NotFound();
        if (Errors.Count > 0) return Refused(Errors);
        return File(PortfolioExport.Csv(Rows, Year), Shared.CsvExport.ContentType, $"insatsportfolj-{Year}.csv");
    }

    private async Task<bool> LoadAsync(int associationId, FilterForm filter)
    {
        if (await queries.AssociationAsync(associationId) is not { } association) return false;
        (Association, Filter) = (association, filter);
        var (parsed, errors) = InterventionsApi.Filter(filter.Kind, filter.Party, filter.Municipality, filter.Status);
        var read = new FormReader();
        Year = read.Whole(filter.Year, "year", "År") ?? queries.Today.Year;
        if (Year is < 2004 or > 2100) read.Errors.Add(new("year", $"År: {Year} ligger utanför 2004–2100."));
        Errors = [.. errors, .. read.Errors];
        if (Errors.Count == 0)
        {
            Rows = await queries.PortfolioAsync(associationId, parsed, Year);
            Summary = await queries.BudgetSummaryAsync(associationId, Year);
        }
        CanManage = await grants.IsAllowedAsync(User, Permission.ManageInterventions, associationId);
        CanManageAssociation = await grants.IsAllowedAsync(User, Permission.ManageAssociation, associationId);
        return true;
    }

    public IReadOnlyList<Choice> KindChoices =>
        [new("", "Alla typer"), .. Enum.GetValues<InterventionKind>().Select(k => new Choice(k.ToString(), InterventionNames.Swedish(k)))];

    public IReadOnlyList<Choice> StatusChoices =>
        [new("", "Alla"), .. Enum.GetValues<InterventionStatus>().Select(s => new Choice(s.ToString(), InterventionStatusNames.Swedish(s)))];

    public IReadOnlyList<Choice> PartyChoices =>
        [new("", "Alla parter"), .. Association.Members.OrderBy(m => m.Kind).ThenBy(m => m.Name).Select(m => new Choice(m.Name, m.Name))];

    public IReadOnlyList<Choice> MunicipalityChoices =>
        [new("", "Alla kommuner"), .. Association.Members.Where(m => m.Kind == MemberPartyKind.Municipality)
            .OrderBy(m => m.Name).Select(m => new Choice(m.MunicipalityCode!, m.Name))];
}

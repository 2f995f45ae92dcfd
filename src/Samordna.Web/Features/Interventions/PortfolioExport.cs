using Samordna.Core.Interventions;
using Samordna.Web.Features.Shared;

namespace Samordna.Web.Features.Interventions;

/// <summary>The portfolio as an XLSX sheet, with the same columns as the page.</summary>
public static class PortfolioExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Write(IReadOnlyList<PortfolioRow> rows, int year) => XlsxExport.WriteSheets([Sheet(rows, year)]);

    public static byte[] Csv(IReadOnlyList<PortfolioRow> rows, int year) => CsvExport.WriteSheets([Sheet(rows, year)]);

    /// <summary>The portfolio's one table, for XLSX and CSV alike.</summary>
    public static XlsxSheet Sheet(IReadOnlyList<PortfolioRow> rows, int year) => new("Portfölj",
        ["Insats", "Typ", "Status", "Ägare", "Kommuner", "Start", "Slut", $"Budget {year}", $"Utfall {year}", $"Nyttjandegrad {year} (%)",
         "Budget totalt", "Utfall totalt", "Deltagare", "Kostnad per deltagare", "Mål uppnådda", "Implementeringsberedskap", "Varningar"],
        rows.Select(r => (IReadOnlyList<object?>)
        [
            r.Name, InterventionNames.Swedish(r.Kind), InterventionStatusNames.Swedish(r.Status), r.Owner, string.Join(", ", r.MunicipalityCodes),
            r.Start?.ToString("yyyy-MM-dd"), r.End?.ToString("yyyy-MM-dd"), r.YearBudget, r.YearOutcome,
            r.YearUtilisation is { } u ? decimal.Round(u * 100, 1) : null, r.TotalBudget, r.TotalOutcome, r.Participants, r.CostPerParticipant,
            $"{r.GoalsMet} av {r.GoalCount}", r.Readiness, string.Join(" ", r.Warnings),
        ]));
}

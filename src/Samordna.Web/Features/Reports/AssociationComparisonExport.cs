using Samordna.Web.Features.Shared;

namespace Samordna.Web.Features.Reports;

/// <summary>The comparison of associations for XLSX and CSV alike: the protected numbers the page shows, and the definitions.</summary>
public static class AssociationComparisonExport
{
    public static IReadOnlyList<XlsxSheet> Sheets(AssociationComparison c, NationalMeasurement? m)
    {
        var sheets = new List<XlsxSheet>
        {
            new($"Förbund {c.Year}", ["Förbund", "Insatser med budget", "Budget insatser (kr)", "Utfall insatser (kr)", "Medlemsavgifter (kr)", "Kostnad per deltagare (kr)", "Deltagare",
                    "I arbete/studier vid utskrivning", "Mätta vid utskrivning", "Andel vid utskrivning (%)",
                    "I arbete/studier efter 90 dagar", "Mätta efter 90 dagar", "Andel efter 90 dagar (%)",
                    "I arbete/studier efter ett år", "Mätta efter ett år", "Andel efter ett år (%)"],
                c.Rows.Append(c.All).Select(r => (IReadOnlyList<object?>)
                [
                    r.Association, r.Interventions, r.InterventionBudget, r.InterventionOutcome, r.Contributions, r.CostPerParticipant, r.Participants,
                    r.AtExit.InWorkOrStudies, r.AtExit.Measured, r.AtExit.Percent, r.After90Days.InWorkOrStudies, r.After90Days.Measured, r.After90Days.Percent,
                    r.After365Days.InWorkOrStudies, r.After365Days.Measured, r.After365Days.Percent,
                ]),
                ExportNotes.Suppressed(c.Threshold)),
        };
        if (m is not null)
            sheets.Add(new($"Mätning {m.Instrument} v{m.Version}",
                ["Fråga", "Förbund", "Svarsposter", "Giltiga svar", "Svar (kod)", "Svar", "Antal", "Procent", "Tre högsta (%)", "Medel", "Std.avv."],
                from item in m.Items
                from g in item.Groups
                from cat in g.Categories
                select (IReadOnlyList<object?>)[item.Code, g.Group, g.N, g.ValidBase, cat.Code, cat.Label, cat.Count, cat.Percent, g.UpperThreeShare, g.Mean, g.Sd],
                ExportNotes.Suppressed(m.Threshold)));
        sheets.Add(InterventionComparisonExport.DefinitionSheet(c.Definitions));
        return sheets;
    }
}

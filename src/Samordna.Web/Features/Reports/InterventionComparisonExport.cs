using Samordna.Core.Interventions;
using Samordna.Core.Reports;
using Samordna.Web.Features.Shared;

namespace Samordna.Web.Features.Reports;

/// <summary>The comparison's rows for XLSX and CSV alike: the numbers the page shows (hidden = empty) and the definitions.</summary>
public static class InterventionComparisonExport
{
    public static IReadOnlyList<XlsxSheet> Sheets(InterventionComparison c) =>
    [
        new("Insatser", ["Insats", "Typ", "Status", "Deltagare", "Källa för deltagare",
                "I arbete/studier vid utskrivning", "Mätta vid utskrivning", "Andel vid utskrivning (%)",
                "I arbete/studier efter 90 dagar", "Mätta efter 90 dagar", "Andel efter 90 dagar (%)",
                "I arbete/studier efter ett år", "Mätta efter ett år", "Andel efter ett år (%)",
                "Kostnad per deltagare (kr)", "Mål uppnådda", "Antal mål", "Mål: målvärde och resultat", "Implementeringsberedskap (uppfyllda)", "Kontroller"],
            c.Rows.Select(r => (IReadOnlyList<object?>)
            [
                r.Name, InterventionNames.Swedish(r.Kind), InterventionStatusNames.Swedish(r.Status), r.Participants, ParticipantSources.Swedish(r.ParticipantSource),
                r.AtExit.InWorkOrStudies, r.AtExit.Measured, r.AtExit.Percent,
                r.After90Days.InWorkOrStudies, r.After90Days.Measured, r.After90Days.Percent,
                r.After365Days.InWorkOrStudies, r.After365Days.Measured, r.After365Days.Percent,
                r.CostPerParticipant, r.GoalsMet, r.Goals.Count, string.Join(" | ", r.Goals.Select(GoalText)), r.ReadinessMet, r.ReadinessChecks,
            ]),
            ExportNotes.Suppressed(c.Threshold)),
        DefinitionSheet(c.Definitions),
    ];

    public static XlsxSheet DefinitionSheet(IReadOnlyList<Definition> definitions) =>
        new("Definitioner", ["Kolumn", "Definition"], definitions.Select(d => (IReadOnlyList<object?>)[d.Column, d.Text]));

    /// <summary>"35 % i arbete: minst 35 % senast 2020-12-31, resultat 28 % (Ej uppnått)".</summary>
    public static string GoalText(GoalLine g) =>
        $"{g.Description}: {(g.Direction == GoalDirection.AtLeast ? "minst" : "högst")} {GoalRules.Format(g.Target, g.Unit)} senast {g.TargetDate:yyyy-MM-dd}, " +
        $"resultat {(g.Result is { } r ? GoalRules.Format(r, g.Unit) : "saknas")} ({g.StatusText})";
}

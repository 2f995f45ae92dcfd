namespace Samordna.Core.Reports;

/// <summary>A column of a comparison and how its number is made, so every number can be traced to its source.</summary>
public sealed record Definition(string Column, string Text);

/// <summary>
/// The common definitions the comparisons use (issue 7, item 3; seed 003: "Är ditt projekt bättre än mitt?").
/// One wording each, shown on the pages and returned by the API, so the page and the export say the same.
/// </summary>
public static class ComparisonDefinitions
{
    public static Definition Participants { get; } = new("Deltagare",
        "Insatser som följer upp deltagare i Samordna: antal deltagarperioder (felregistreringar räknas inte; anonyma och volyminsatsernas " +
        "månadsantal ingår) med det valda budgetåret, eller alla år. Insatser utan uppföljning: det faktiska antal deltagare som registrerats " +
        "på insatsens budgetår. Antalet visas exakt, som i portföljen och verksamhetsberättelsen: det är också underlaget för kostnad per deltagare. " +
        "Det som sägs om deltagarna (sysselsättning) döljs när talen är små.");

    public static Definition WorkOrStudies(string when) => new($"I arbete eller studier {when}",
        $"Andel av de avslutade deltagare som har en mätning av sysselsättning {when} och vars sysselsättning då är arbete (med eller utan stöd) " +
        "eller studier. Inom parentes: antal av antal mätta. Anonyma och begränsade deltagare har inga mätningar. Små tal döljs (–), också " +
        "när de skulle kunna räknas fram ur andra tal i tabellen.");

    public static Definition CostPerParticipant { get; } = new("Kostnad per deltagare",
        "Hela utfallet (alla budgetrader) delat med faktiskt antal deltagare, räknat bara på de budgetår där både utfall och antal finns, " +
        "avrundat till hela kronor (BudgetRules.CostPerParticipant).");

    public static Definition Goals { get; } = new("Mål: målvärde och resultat",
        "Insatsens tidsatta mål med målvärde, senast registrerade resultat och status: uppnått när resultatet når målvärdet i målets riktning, " +
        "ej uppnått när måldatum passerat utan det (GoalRules).");

    public static Definition Readiness { get; } = new("Implementeringsberedskap",
        "Antal uppfyllda av fem kontroller: implementeringsplan finns, ägare utsedd, mottagande verksamhet utsedd, beslut fattat, " +
        "milstolpar i tid (Readiness).");

    public static Definition Budget { get; } = new("Budget och utfall",
        "Förbundets egna medel till insatserna (budgetraden Insatskostnad) det valda året, summerat över förbundets insatser.");

    public static Definition UpperThree { get; } = new("Andel tre högsta",
        "Andelen av de giltiga svaren (vet ej, ej aktuellt och obesvarat räknas inte) i skalans tre högsta steg. Nationellt (Alla) = alla " +
        "deltagande förbunds publicerade mätomgångar med samma instrument och version, räknat per svarspost. Förbund med färre svar än " +
        "skyddsgränsen redovisas tillsammans.");
}

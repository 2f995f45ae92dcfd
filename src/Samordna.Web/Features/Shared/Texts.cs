using System.Globalization;

namespace Samordna.Web.Features.Shared;

/// <summary>
/// The interface is written in Swedish; English is a translation keyed by the Swedish text.
/// A string without a translation stays Swedish, which is the product's language.
/// </summary>
public static class Texts
{
    public static string T(string swedish) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" && English.TryGetValue(swedish, out var en) ? en : swedish;

    private static readonly Dictionary<string, string> English = new()
    {
        ["Hoppa till innehållet"] = "Skip to content",
        ["Huvudmeny"] = "Main menu",
        ["Start"] = "Home",
        ["Förbund och ekonomi"] = "Associations and money",
        ["Samverkansstrukturer"] = "Collaboration structures",
        ["Insatser"] = "Interventions",
        ["Deltagaruppföljning"] = "Participant follow-up",
        ["Samverkansmätning"] = "Collaboration measurement",
        ["Rapporter"] = "Reports",
        ["Administration"] = "Administration",
        ["Mitt konto"] = "My account",
        ["Logga in"] = "Sign in",
        ["Logga ut"] = "Sign out",
        ["Språk"] = "Language",
        ["Byt språk"] = "Change language",
        ["E-postadress"] = "E-mail address",
        ["Lösenord"] = "Password",
        ["Förbund"] = "Associations",
        ["Nytt förbund"] = "New association",
        ["Namn"] = "Name",
        ["Organisationsnummer"] = "Organisation number",
        ["Startdatum"] = "Start date",
        ["Medlemmar"] = "Members",
        ["Budgetår"] = "Budget years",
        ["Finansiering"] = "Funding",
        ["Totalbelopp (kr)"] = "Total (SEK)",
        ["Fördelningsnyckel"] = "Key",
        ["Spara"] = "Save",
        ["Part"] = "Party",
        ["Belopp (kr)"] = "Amount (SEK)",
        ["Andel"] = "Share",
        ["Granskningslogg"] = "Audit log",
        ["Roller"] = "Roles",
        ["Konton"] = "Accounts",
        ["Demo"] = "Demo",
        ["Ännu inte byggt"] = "Not built yet",
    };
}

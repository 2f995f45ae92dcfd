using System.Net;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordna.Core.Access;
using Samordna.Core.Interventions;
using Samordna.Web.Data;
using Samordna.Web.Features.Associations;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Web.Tests;

/// <summary>Interventions through the browser pages, as an intervention lead (and once an administrator) uses them.</summary>
public sealed partial class InterventionPagesTests : IAsyncLifetime
{
    private RunningApp app = null!;
    private WebSession lead = null!;
    private int association;

    public async Task InitializeAsync()
    {
        app = await RunningApp.StartAsync(DatabaseProvider.Sqlite);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            association = (await scope.ServiceProvider.GetRequiredService<CreateAssociation>()
                .HandleAsync(new("Samordningsförbundet Test", TestData.OrganisationNumber(), "2016-01-01", ["21"], ["2180", "2181"]))).Value!.Id;
            Assert.True((await scope.ServiceProvider.GetRequiredService<SetFunding>().HandleAsync(association, 2019, new(5_000_000, "equal", null, null)))!.IsValid);
        }
        await app.CreateUserAsync("lead@test.se", Role.InterventionLead, association);
        lead = app.Session();
        Assert.Equal(HttpStatusCode.Redirect, (await lead.LoginAsync("lead@test.se")).StatusCode);
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task An_intervention_goes_from_idea_to_implemented_through_the_pages()
    {
        var id = await CreateAsync("Arena för arbete", "IndividualFocused", "PersonalData",
            ("targetAgeFrom", "16"), ("targetAgeTo", "29"), ("targetCriteria", "Unga som behöver stöd från minst två parter"),
            ("ownerParty", "Gävle kommun"), ("municipalityCodes", "2180"), ("startDate", "2019-01-07"), ("plannedEndDate", "2020-12-31"),
            ("perspectives[0].perspective", "Målgruppen"), ("perspectives[0].text", "Långa tider utan sysselsättning."),
            ("perspectives[1].perspective", ""), ("perspectives[1].text", ""),
            ("perspectives[2].perspective", "Verksamheterna"), ("perspectives[2].text", "Ingen har helheten."));
        var overview = await PageTextAsync($"/Interventions/{id}");
        Assert.Contains("Insatsen Arena för arbete registrerades som idé.", overview);
        Assert.Contains("Gävle kommun", overview);
        Assert.Equal(["Målgruppen", "Verksamheterna"],
            await app.WithDbAsync(db => db.InterventionPerspectives.Where(p => p.InterventionId == id).OrderBy(p => p.Id).Select(p => p.Perspective).ToListAsync()));

        // Only the moves of the life cycle exist; the form offers them, and a hand-made request for another is refused by name.
        var refused = await PostAsync($"/Interventions/{id}/Decision", HttpStatusCode.BadRequest,
            ("to", "Running"), ("decidedOn", "2018-11-01"), ("decidedBy", "Styrelsen"));
        Assert.Contains("Från Idé kan insatsen gå till Ansökan, Förstudie, Avslagen, inte till Pågående.", refused);
        Assert.Contains("href=\"#to\"", refused);

        await PostAsync($"/Interventions/{id}/Decision", HttpStatusCode.Redirect, ("to", "Application"), ("decidedOn", "2018-11-01"), ("decidedBy", "Förbundschefen"));

        // The board cannot decide without goals and budget, nor without pointing to its minutes.
        var incomplete = await PostAsync($"/Interventions/{id}/Decision", HttpStatusCode.BadRequest,
            ("to", "Decided"), ("decidedOn", "2018-12-13"), ("decidedBy", "Styrelsen"));
        Assert.Contains("Ange protokollsreferens, t.ex. \"Styrelsen 2018-03-15 § 12\"", incomplete);
        Assert.Contains("href=\"#minutesReference\"", incomplete);
        Assert.Contains("Ansökan saknar minst ett mål, budget för minst ett år.", incomplete);

        await PostAsync($"/Interventions/{id}/Goals", HttpStatusCode.Redirect,
            ("goals[0].description", "Andel i arbete eller studier efter insatsen"), ("goals[0].direction", "AtLeast"), ("goals[0].target", "35"),
            ("goals[0].unit", "Percent"), ("goals[0].targetDate", "2020-12-31"), ("goals[0].result", "41,5"), ("goals[0].resultDate", "2020-12-31"));
        await PostAsync($"/Interventions/{id}/Budget/2019", HttpStatusCode.Redirect,
            ("plannedParticipants", "40"), ("actualParticipants", "38"),
            ("lines[0].kind", "InterventionCost"), ("lines[0].label", ""), ("lines[0].budget", "1 250 000"), ("lines[0].outcome", "1 100 000,50"),
            ("lines[1].kind", "Other"), ("lines[1].label", ""), ("lines[1].budget", ""), ("lines[1].outcome", ""),
            ("lines[2].kind", "EsfCost"), ("lines[2].label", ""), ("lines[2].budget", "200 000"), ("lines[2].outcome", "190 000"));
        await PostAsync($"/Interventions/{id}/Staffing", HttpStatusCode.Redirect,
            ("staff[0].role", "Arbetskonsulent"), ("staff[0].employingParty", "Gävle kommun"), ("staff[0].ftePercent", "100"),
            ("staff[0].employment", "Seconded"), ("staff[0].coLocated", "true"),
            ("staff[1].role", "Handläggare"), ("staff[1].employingParty", "Försäkringskassan"), ("staff[1].ftePercent", "50"), ("staff[1].employment", "Seconded"));

        await PostAsync($"/Interventions/{id}/Decision", HttpStatusCode.Redirect, ("to", "Decided"), ("decidedOn", "2018-12-13"),
            ("decidedBy", "Styrelsen"), ("minutesReference", "Styrelsen 2018-12-13 § 7"), ("note", "Beviljas 2019–2020."));
        overview = await PageTextAsync($"/Interventions/{id}");
        Assert.Contains("Beslutet registrerades: Ansökan → Beslutad (2018-12-13, Styrelsen).", overview);
        Assert.Contains("Insatsen saknar implementeringsplan.", overview);
        Assert.Contains("Styrelsen 2018-12-13 § 7", overview);
        Assert.Contains("1 250 000 kr", overview);
        Assert.Contains("Uppnått", overview);
        Assert.Contains("Arbetskonsulent", overview);

        // Once decided, kind and measurement method are shown locked and a changed kind is refused.
        var edit = await lead.GetStringAsync($"/Interventions/{id}/Edit");
        Assert.Contains("låstes när styrelsen beslutade", edit);
        Assert.Matches("<fieldset[^>]*disabled", edit);
        var changedKind = await PostAsync($"/Interventions/{id}/Edit", HttpStatusCode.BadRequest,
            ("name", "Arena för arbete"), ("kind", "Structural"), ("measurementMethod", "None"), ("revision", Revision(edit)));
        Assert.Contains("Insatstypen låstes när styrelsen beslutade (Individinriktad).", changedKind);
        await PostAsync($"/Interventions/{id}/Edit", HttpStatusCode.Redirect,
            ("name", "Arena för arbete"), ("ownerParty", "Gävle kommun"), ("targetCriteria", "Unga 16–29 år"), ("startDate", "2019-01-07"),
            ("plannedEndDate", "2020-12-31"), ("revision", Revision(edit)));
        Assert.Equal(InterventionKind.IndividualFocused, await app.WithDbAsync(db => db.Interventions.Where(i => i.Id == id).Select(i => i.Kind).SingleAsync()));

        await PostAsync($"/Interventions/{id}/Decision", HttpStatusCode.Redirect, ("to", "Running"), ("decidedOn", "2019-01-07"), ("decidedBy", "Förbundschefen"));
        var unexplained = await PostAsync($"/Interventions/{id}/Decision", HttpStatusCode.BadRequest, ("to", "logg"), ("decidedOn", "2019-06-10"), ("decidedBy", "Styrgruppen"));
        Assert.Contains("Skriv vad som beslutades.", unexplained);
        await PostAsync($"/Interventions/{id}/Decision", HttpStatusCode.Redirect, ("to", "logg"), ("decidedOn", "2019-06-10"),
            ("decidedBy", "Styrgruppen"), ("note", "Utökad målgrupp: även 30–35 år."));
        Assert.Contains("Logg (ingen statusändring) Styrgruppen", await PageTextAsync($"/Interventions/{id}"));
        var early = await PostAsync($"/Interventions/{id}/Decision", HttpStatusCode.BadRequest, ("to", "Ended"), ("decidedOn", "2020-06-30"), ("decidedBy", "Styrgruppen"));
        Assert.Contains("Insatsen slutar före planerat slutdatum 2020-12-31. Ange varför.", early);
        await PostAsync($"/Interventions/{id}/Decision", HttpStatusCode.Redirect, ("to", "Ended"), ("decidedOn", "2020-06-30"),
            ("decidedBy", "Styrgruppen"), ("endReason", "Målgruppen fick plats i kommunens ordinarie verksamhet tidigare än planerat."));

        await PostAsync($"/Interventions/{id}/Plan", HttpStatusCode.Redirect,
            ("goals", "Arbetssättet tas över av arbetsmarknadsenheten."), ("receivingUnit", "Arbetsmarknadsenheten"), ("receivingParty", "Gävle kommun"),
            ("status", "Adopted"), ("roles[0].role", "Enhetschef"), ("roles[0].party", "Gävle kommun"), ("roles[0].responsibility", "Tar emot arbetssättet"),
            ("milestones[0].title", "Beslut i nämnden"), ("milestones[0].dueDate", "2020-09-01"), ("milestones[0].doneDate", "2020-08-20"));
        await PostAsync($"/Interventions/{id}/Plan?handler=Anchoring", HttpStatusCode.Redirect,
            ("date", "2020-05-04"), ("audience", "Socialnämnden i Gävle"), ("party", "Gävle kommun"), ("description", "Presentation av resultaten"));
        await PostAsync($"/Interventions/{id}/Decision", HttpStatusCode.Redirect, ("to", "Implemented"), ("decidedOn", "2020-09-15"),
            ("decidedBy", "Styrelsen"), ("minutesReference", "Styrelsen 2020-09-15 § 4"));

        overview = await PageTextAsync($"/Interventions/{id}");
        Assert.Contains("Beslutet registrerades: Avslutad → Implementerad (2020-09-15, Styrelsen).", overview);
        Assert.DoesNotContain("Observera", overview);
        Assert.Contains("Socialnämnden i Gävle", overview);
        Assert.Contains("Arbetsmarknadsenheten", overview);
        Assert.Contains("Beredskap för implementering (5 av 5 uppfyllda)", overview);
        var decisions = await app.WithDbAsync(db => db.InterventionDecisions.Where(d => d.InterventionId == id && d.ToStatus != null).OrderBy(d => d.DecidedOn)
            .Select(d => new { d.ToStatus, d.MinutesReference, d.RecordedBy }).ToListAsync());
        Assert.Equal([InterventionStatus.Application, InterventionStatus.Decided, InterventionStatus.Running, InterventionStatus.Ended, InterventionStatus.Implemented],
            decisions.Select(d => d.ToStatus!.Value));
        Assert.Equal("Styrelsen 2018-12-13 § 7", decisions[1].MinutesReference);
        Assert.All(decisions, d => Assert.Equal("lead@test.se", d.RecordedBy));
        var ended = await app.WithDbAsync(db => db.Interventions.SingleAsync(i => i.Id == id));
        Assert.Equal((InterventionStatus.Implemented, new DateOnly(2020, 6, 30)), (ended.Status, ended.ActualEndDate!.Value));
    }

    [Fact]
    public async Task An_edit_made_on_a_stale_copy_is_refused_with_the_conflict_message()
    {
        var id = await CreateAsync("Samverkansresurs");
        var first = await lead.GetStringAsync($"/Interventions/{id}/Edit");
        var second = await lead.GetStringAsync($"/Interventions/{id}/Edit");
        await PostAsync($"/Interventions/{id}/Edit", HttpStatusCode.Redirect,
            ("name", "Samverkansresurs Sydost"), ("kind", "IndividualFocused"), ("measurementMethod", "PersonalData"), ("revision", Revision(first)));

        var stale = await PostAsync($"/Interventions/{id}/Edit", HttpStatusCode.BadRequest,
            ("name", "Samverkansresurs Ystad"), ("kind", "IndividualFocused"), ("measurementMethod", "PersonalData"), ("revision", Revision(second)));
        Assert.Contains("Insatsen har ändrats av någon annan sedan du öppnade den.", stale);
        Assert.Contains("value=\"Samverkansresurs Ystad\"", stale);
        Assert.Equal("Samverkansresurs Sydost", await app.WithDbAsync(db => db.Interventions.Where(i => i.Id == id).Select(i => i.Name).SingleAsync()));
    }

    [Fact]
    public async Task Typed_amounts_are_read_the_Swedish_way_and_errors_name_the_row()
    {
        var id = await CreateAsync("Möjligheternas hus");
        var refused = await PostAsync($"/Interventions/{id}/Budget/2020", HttpStatusCode.BadRequest,
            ("plannedParticipants", "fyrtio"), ("lines[0].kind", "InterventionCost"), ("lines[0].budget", "1 250 000"),
            ("lines[1].kind", "Other"), ("lines[1].label", "Regionen"), ("lines[1].budget", "12 kronor"));
        Assert.Contains("Planerat antal deltagare: \"fyrtio\" är inget heltal.", refused);
        Assert.Contains("Rad 2, budget: \"12 kronor\" är inget tal.", refused);
        Assert.Contains("href=\"#lines-1-budget\"", refused);
        Assert.Contains("id=\"lines-1-budget\"", refused);
        Assert.Contains("value=\"12 kronor\"", refused);

        var unlabelled = await PostAsync($"/Interventions/{id}/Budget/2020", HttpStatusCode.BadRequest,
            ("lines[0].kind", "InterventionCost"), ("lines[0].budget", "1 250 000"), ("lines[1].kind", "Other"), ("lines[1].budget", "300 000 kr"));
        Assert.Contains("Rad 2: ange vad raden Övrigt avser", unlabelled);

        await PostAsync($"/Interventions/{id}/Budget/2020", HttpStatusCode.Redirect,
            ("lines[0].kind", "InterventionCost"), ("lines[0].budget", "1 250 000"), ("lines[0].outcome", "99 500,50"));
        var line = await app.WithDbAsync(db => db.InterventionBudgetLines.SingleAsync());
        Assert.Equal((1_250_000m, 99_500.50m), (line.Budget, line.Outcome!.Value));
        Assert.Contains("value=\"99 500,5\"", WebUtility.HtmlDecode(await lead.GetStringAsync($"/Interventions/{id}/Budget/2020")).Replace("\u00a0", " "));

        var unconfirmed = await PostAsync($"/Interventions/{id}/Budget/2020?handler=Delete", HttpStatusCode.BadRequest);
        Assert.Contains("Kryssa i rutan för att bekräfta att budgetåret 2020 ska tas bort.", unconfirmed);
        Assert.Contains("value=\"1 250 000\"", unconfirmed.Replace("\u00a0", " "));
        await PostAsync($"/Interventions/{id}/Budget/2020?handler=Delete", HttpStatusCode.Redirect, ("confirm", "true"));
        Assert.False(await app.WithDbAsync(db => db.InterventionBudgetYears.AnyAsync()));
    }

    [Fact]
    public async Task The_theory_of_change_is_saved_in_versions_and_shows_what_was_not_delivered()
    {
        var id = await CreateAsync("Maria Skåne Sydost");
        var wrongOutcome = await PostAsync($"/Interventions/{id}/TheoryOfChange/Edit", HttpStatusCode.BadRequest,
            ("problem", "Unga med missbruk får inte samordnat stöd."), ("outcomes[0].text", "Fler i behandling"), ("outcomes[0].term", "Short"),
            ("outcomes[0].level", "Participant"), ("indicators[0].text", "Andel i arbete"), ("indicators[0].outcomeCode", "E9"), ("indicators[0].source", "Manual"));
        Assert.Contains("Indikator 1: effekten \"E9\" finns inte. Välj en av E1.", wrongOutcome);

        (string, string)[] version1 =
        [
            ("problem", "Unga med missbruk får inte samordnat stöd."), ("resources[0]", "Två behandlare"), ("resources[1]", ""), ("resources[2]", "Lokal i Ystad"),
            ("activities[0].text", "Gemensam mottagning"), ("activities[0].delivery", "Delivered"),
            ("activities[1].text", "Föräldragrupper"), ("activities[1].delivery", "NotDelivered"), ("activities[1].note", "Ingen gruppledare"),
            ("outcomes[0].text", "Fler unga i behandling"), ("outcomes[0].term", "Short"), ("outcomes[0].level", "Participant"),
            ("outcomes[1].text", "Parterna delar ansvar"), ("outcomes[1].term", "Long"), ("outcomes[1].level", "Collaboration"),
            ("mechanisms[0]", "En väg in sänker tröskeln"),
            ("indicators[0].text", "Andel i arbete eller studier"), ("indicators[0].outcomeCode", "E1"), ("indicators[0].source", "ParticipantOutcome"),
            ("indicators[0].reference", "work-or-studies-at-exit"), ("indicators[0].target", "30"),
            ("reviewDates[0]", "2020-06-01"),
        ];
        await PostAsync($"/Interventions/{id}/TheoryOfChange/Edit", HttpStatusCode.Redirect, [.. version1, ("basedOn", "0")]);
        await PostAsync($"/Interventions/{id}/TheoryOfChange/Edit", HttpStatusCode.Redirect,
            [.. version1.Where(f => f.Item1 != "problem"), ("problem", "Unga med missbruk och psykisk ohälsa får inte samordnat stöd."), ("basedOn", "1")]);
        var stale = await PostAsync($"/Interventions/{id}/TheoryOfChange/Edit", HttpStatusCode.BadRequest, [.. version1, ("basedOn", "1")]);
        Assert.Contains("Någon annan sparade version 2 av förändringsteorin efter att du öppnade formuläret.", stale);
        Assert.Contains("name=\"basedOn\" value=\"2\"", await lead.GetStringAsync($"/Interventions/{id}/TheoryOfChange/Edit"));

        var latest = await PageTextAsync($"/Interventions/{id}/TheoryOfChange");
        Assert.Contains("Version 2 av 2", latest);
        Assert.Contains("och psykisk ohälsa", latest);
        Assert.Contains("⚠ Inte genomförd", latest);
        Assert.Contains("Föräldragrupper – Inte genomförd, inte levererad (Ingen gruppledare)", latest);
        Assert.Contains("E1 Fler unga i behandling (nivå: Deltagare)", latest);
        Assert.Contains("Mäts med: Andel i arbete eller studier (Deltagarutfall: Andel i arbete eller studier vid avslut, målvärde 30)", latest);
        Assert.Contains("Lokal i Ystad", latest);

        var first = await PageTextAsync($"/Interventions/{id}/TheoryOfChange?version=1");
        Assert.Contains("Version 1 av 2", first);
        Assert.Contains("Det här är inte den senaste versionen.", first);
        Assert.DoesNotContain("och psykisk ohälsa", first);

        var overview = await PageTextAsync($"/Interventions/{id}");
        Assert.Contains("Inte genomförd: Föräldragrupper (Ingen gruppledare)", overview);
    }

    [Fact]
    public async Task The_portfolio_filters_shows_the_association_budget_and_exports_XLSX()
    {
        var arena = await CreateAsync("Arena för arbete", "IndividualFocused", "PersonalData", ("ownerParty", "Gävle kommun"), ("municipalityCodes", "2180"));
        await CreateAsync("Samverkansforum", "Structural", "None", ("ownerParty", "Försäkringskassan"), ("municipalityCodes", "2181"));
        await PostAsync($"/Interventions/{arena}/Budget/2019", HttpStatusCode.Redirect,
            ("lines[0].kind", "InterventionCost"), ("lines[0].budget", "1 250 000"), ("lines[0].outcome", "1 000 000"), ("actualParticipants", "40"));

        var all = await PageTextAsync($"/Associations/{association}/Interventions?year=2019");
        Assert.Contains("Insatser, budgetår 2019 (2 st)", all);
        Assert.Contains("Ny insats", all);
        Assert.Contains("25 000 kr", all); // cost per participant: 1 000 000 / 40
        var structural = await PageTextAsync($"/Associations/{association}/Interventions?kind=Structural&year=2019");
        Assert.Contains("Samverkansforum", structural);
        Assert.DoesNotContain("Arena för arbete", structural);
        var inGavle = await PageTextAsync($"/Associations/{association}/Interventions?municipality=2180");
        Assert.Contains("Arena för arbete", inGavle);
        Assert.DoesNotContain("Samverkansforum", inGavle);
        var byParty = await PageTextAsync($"/Associations/{association}/Interventions?party=F%C3%B6rs%C3%A4kringskassan");
        Assert.Contains("Samverkansforum", byParty);
        Assert.DoesNotContain("Arena för arbete", byParty);
        var wrong = await lead.Http.GetAsync($"/Associations/{association}/Interventions?status=Klar");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("Okänd status.", await wrong.Content.ReadAsStringAsync());

        // The administrator sets the office's budget; the association's budget is the interventions' own money plus it.
        await app.CreateUserAsync("admin@test.se", Role.AssociationAdministrator, association);
        var admin = app.Session();
        await admin.LoginAsync("admin@test.se");
        var response = await admin.PostFormAsync($"/Associations/{association}/Budget/2019/Administration", [new("administrationBudget", "1 500 000"), new("administrationOutcome", "")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var summary = await PageTextAsync($"/Associations/{association}/Interventions?year=2019", admin);
        Assert.Contains("Totalt 2 750 000 kr", summary);
        Assert.Contains("Medlemsbidrag 5 000 000 kr", summary);
        Assert.Contains("Ej fördelat 2 250 000 kr", summary);
        Assert.Contains("Administrationens budget (kr)", await admin.GetStringAsync($"/Associations/{association}/Budget/2019/Administration"));
        Assert.DoesNotContain("Ange administrationens budget", all); // the lead does not manage the association

        var xlsx = await lead.Http.GetAsync($"/Associations/{association}/Interventions?handler=Xlsx&kind=IndividualFocused&year=2019");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false);
        // Cells by column letter: empty cells are left out of the sheet.
        var rows = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().ToDictionary(c => c.CellReference!.Value!.TrimEnd("0123456789".ToCharArray()), c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? ""))
            .ToList();
        Assert.Equal(2, rows.Count);
        var budgetColumn = rows[0].Single(c => c.Value == "Budget 2019").Key;
        Assert.Equal("Arena för arbete", rows[1]["A"]);
        Assert.Equal("1250000", rows[1][budgetColumn]);
    }

    [Fact]
    public async Task Viewers_see_the_intervention_but_not_the_forms()
    {
        var id = await CreateAsync("Samverkansresurs");
        await app.CreateUserAsync("board@test.se", Role.BoardMember, association);
        var board = app.Session();
        await board.LoginAsync("board@test.se");
        var page = await board.GetStringAsync($"/Interventions/{id}");
        Assert.Contains("Samverkansresurs", page);
        Assert.DoesNotContain("Registrera beslut", page);
        Assert.DoesNotContain("Ny insats", await board.GetStringAsync($"/Associations/{association}/Interventions"));
        Assert.Contains("Registrera beslut", await lead.GetStringAsync($"/Interventions/{id}"));
        Assert.Contains($"/Associations/{association}/Interventions", await board.GetStringAsync("/Interventions"));
    }

    private async Task<int> CreateAsync(string name, string kind = "IndividualFocused", string method = "PersonalData", params (string, string)[] more)
    {
        var response = await lead.PostFormAsync($"/Associations/{association}/Interventions/New", Form([("name", name), ("kind", kind), ("measurementMethod", method), .. more]));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, ErrorsIn(await response.Content.ReadAsStringAsync()));
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
    }

    /// <summary>Posts the form of the page (its path without the handler) and returns the answer's HTML with entities decoded.</summary>
    private async Task<string> PostAsync(string path, HttpStatusCode expected, params (string, string)[] fields)
    {
        var response = await lead.PostFormAsync(path.Split('?')[0], Form(fields), path);
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(expected == response.StatusCode, $"{path}: {response.StatusCode}. {ErrorsIn(body)}");
        return body;
    }

    /// <summary>The page as text: tags' entities decoded and Swedish number spaces made plain.</summary>
    private async Task<string> PageTextAsync(string path, WebSession? session = null)
    {
        var response = await (session ?? lead).Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var text = WebUtility.HtmlDecode(Tags().Replace(html, " ")).Replace('\u00a0', ' ').Replace('\u202f', ' ');
        return Spaces().Replace(text, " ");
    }

    private static string Revision(string editPage) => RevisionField().Match(editPage).Groups[1].Value;

    private static string ErrorsIn(string html) => ErrorSummary().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(Tags().Replace(m.Value, " ")) : "";

    private static List<KeyValuePair<string, string>> Form(IEnumerable<(string Key, string Value)> fields) =>
        fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).ToList();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex("name=\"revision\" value=\"(\\d+)\"")]
    private static partial Regex RevisionField();

    [GeneratedRegex("<div class=\"error-summary\".*?</div>", RegexOptions.Singleline)]
    private static partial Regex ErrorSummary();
}

using Microsoft.EntityFrameworkCore;
using Samordna.Core.Associations;
using Samordna.Core.Interventions;
using Samordna.Web.Data;
using Samordna.Web.Features.Associations;
using Samordna.Web.Features.Interventions;

namespace Samordna.Web.Features.Demo;

/// <summary>
/// The second demo association, from seed 002 (learning evaluation of four interventions, Sydöstra Skåne 2018–2020):
/// Samverkansresurs, Arena för arbete, Möjligheternas hus and Maria Skåne Sydost with the owners, parties, staffing,
/// periods, theories of change, anchoring, findings and endings the report describes, entered through the same
/// handlers as a user would. The report gives no money, participant numbers, numeric targets, FTE for most posts or
/// minutes references: those are invented for the demo (round figures) and said so in docs/decisions.md.
/// </summary>
public sealed class DemoInterventions(SamordnaDb db, CreateAssociation create, SetFunding setFunding, SaveIntervention save,
    RecordDecision decide, SaveBudgetYear budget, InterventionLists lists, TheoryOfChangeStore theories)
{
    public const string Name = "Samordningsförbundet Sydöstra Skåne (demo)";
    private const string Ystad = "Ystads kommun", Tomelilla = "Tomelilla kommun", Simrishamn = "Simrishamns kommun", Sjobo = "Sjöbo kommun";
    private static readonly string[] Municipalities = ["1286", "1291", "1270", "1265"];

    public async Task<int> LoadAsync()
    {
        var existing = await db.Associations.Where(a => a.IsDemo && a.Name == Name).Select(a => (int?)a.Id).FirstOrDefaultAsync();
        if (existing is { } id) return id;

        var created = await create.HandleAsync(new CreateAssociationRequest(Name, OrganisationNumber(), "2009-01-01", ["12"], Municipalities.ToList<string?>()), isDemo: true);
        var associationId = created.Value!.Id;
        foreach (var (year, total, administration) in new[] { (2017, 5_500_000L, 850_000m), (2018, 6_000_000L, 900_000m), (2019, 6_500_000L, 900_000m), (2020, 6_500_000L, 950_000m), (2021, 6_500_000L, 950_000m) })
        {
            await setFunding.HandleAsync(associationId, year, new SetFundingRequest(total, "equal", null, null));
            var fundingYear = await db.FundingYears.SingleAsync(f => f.AssociationId == associationId && f.Year == year);
            (fundingYear.AdministrationBudget, fundingYear.AdministrationOutcome) = (administration, administration - 30_000);
        }
        await db.SaveChangesAsync();

        await SamverkansresursAsync(associationId);
        await ArenaAsync(associationId);
        await MojligheternasHusAsync(associationId);
        await MariaAsync(associationId);
        return associationId;
    }

    private static string OrganisationNumber()
    {
        const string body = "222000888";
        return $"{body[..6]}-{body[6..]}{Luhn.CheckDigit(body)}";
    }

    private async Task SamverkansresursAsync(int associationId)
    {
        var id = await CreateAsync(associationId, new InterventionInput("Samverkansresurs", "Structural", "None",
            Orientation: "En samordnande funktion på Arbetsförmedlingen Skåne Syd: en tillgänglig kontaktväg in till AF för vårdens aktörer, informationsspridning, kompetensutveckling, relationsbyggande och stöd till lokala samverkansgrupper.",
            TargetResidence: "Östra och södra Skåne: Simrishamn, Ystad, Tomelilla, Sjöbo, Trelleborg, Skurup, Svedala och Vellinge",
            TargetCriteria: "Slutmålgrupp: personer som står långt ifrån arbetsmarknaden och har kontakt med flera myndigheter i sin rehabilitering. Direkt målgrupp: primärvård, rehabkoordinatorer, psykiatri och arbetsförmedlare.",
            OwnerParty: "Arbetsförmedlingen", ParticipatingParties: ["Arbetsförmedlingen", "Försäkringskassan", "Region Skåne"], MunicipalityCodes: Municipalities,
            ProjectLead: "Samverkansresursen (AF Skåne Syd)", StartDate: new(2017, 9, 1), PlannedEndDate: new(2019, 9, 30), FundingSources: ["Samordningsförbundet"],
            EvaluationPlan: "Lärande utvärdering (ASKing) 2018–2020 med förändringsteori, uppstartsrapport september 2018 och PM maj 2019."));
        Must(await lists.SetGoalsAsync(id, [new("Nya lokala samverkansgrupper mellan vården, AF och FK", 4, "Count", "AtLeast", new(2019, 9, 30), 1, new(2019, 9, 30))]), "lists.SetGoalsAsync");
        Must(await lists.SetStaffAsync(id, [new("Samverkansresurs (samordnande funktion)", "Arbetsförmedlingen", 100, "Hired", false)]), "lists.SetStaffAsync");
        await YearAsync(id, 2017, 300_000, 280_000);
        await YearAsync(id, 2018, 900_000, 870_000);
        await YearAsync(id, 2019, 650_000, 600_000);
        await DecideAsync(id, "Application", new(2017, 4, 20), "Arbetsförmedlingen Skåne Syd");
        await DecideAsync(id, "Decided", new(2017, 6, 8), "Styrelsen", "Styrelsen 2017-06-08 § 9");
        await DecideAsync(id, "Running", new(2017, 9, 1), "Arbetsförmedlingen Skåne Syd");
        await DecideAsync(id, "Ended", new(2019, 9, 30), "Arbetsförmedlingen Skåne Syd", null, "Förbundets finansiering upphörde. Inget beslut om permanent funktion på AF; ett år senare återstår bara medverkan i utbildning för AT/ST-läkare och rehabkoordinatorer.");
        Must(await theories.SaveAsync(id, new TheoryOfChange(
            "Vårdens aktörer har svårt att få tag i rätt handläggare i samverkansärenden; personer med kontakt med flera myndigheter blir kvar länge i utanförskap.",
            ["Finansiering från samordningsförbundet", "En samverkansresurs på AF Skåne Syd"],
            [new("Tillgänglig kontaktväg in till AF för vårdaktörer", ActivityDelivery.Delivered), new("Information om AF:s regelverk och processer", ActivityDelivery.Delivered),
             new("Intern utbildning av arbetsförmedlare", ActivityDelivery.Delivered), new("Stöd till nya lokala samverkansgrupper i utvalda kommuner", ActivityDelivery.PartlyDelivered, "En ny grupp (Skurup); FK drog sig ur samverkansmöten utan individen.")],
            [new("", "Ökad kunskap om hur samverkan fungerar på operativ och strategisk nivå", OutcomeTerm.Short, OutcomeLevel.Collaboration),
             new("", "Arbetet genomsyras av kunskap och förståelse för varandras uppdrag; rutiner och former för samverkan är kända", OutcomeTerm.Medium, OutcomeLevel.Collaboration),
             new("", "Samverkansresursen har implementerats som funktion på AF Skåne Syd", OutcomeTerm.Long, OutcomeLevel.Collaboration),
             new("", "Kortare tid i utanförskap för slutmålgruppen", OutcomeTerm.Long, OutcomeLevel.Participant)],
            ["Kunskap och förståelse ger tydliga kontaktvägar och rutiner, som ger etablerade forum för dialog och ärendehantering",
             "Lokala former och rutiner mellan AF, FK och vården förkortar tiden i utanförskap"],
            [new("Antal nya lokala samverkansgrupper", "E2", IndicatorSource.Manual, null, 4)],
            [new(2018, 9, 1), new(2019, 5, 1)])), "theories.SaveAsync");
        Must(await lists.SetFindingsAsync(id,
        [
            new("Bidraget till nya lokala samverkansgrupper blev begränsat: en ny grupp i Skurup. FK drog sig ur, uppdrag och strategi var otydliga och resurserna begränsade.",
                "Säkerställ att kontaktvägar, information och lokala grupper faktiskt ger resultat för slutmålgruppen.", "Arbetsförmedlingen", "Open", null),
            new("Inget underlag för att bedöma effektmålet kortare tid i utanförskap; effekterna för individerna är okända.",
                "Följ upp effekter för individer, inte bara för systemet.", "Samordningsförbundet", "Open", null),
            new("Svagt ägarskap: ingen styrgrupp och inget internt ägarskap inom AF; ett år efter avslut finns inga beslut om implementering.",
                "Insatser ska ha styrgrupp och implementeringsplan med roller och ansvar från start.", "Ansvariga parter i styrgrupperna", "NotPursued", null),
        ]), "lists.SetFindingsAsync");
    }

    private async Task ArenaAsync(int associationId)
    {
        var id = await CreateAsync(associationId, new InterventionInput("Arena för arbete", "IndividualFocused", "PersonalData",
            Orientation: "Kommunala koordinatorer samordnar planer, insatser och åtgärder mellan kommunerna och Arbetsförmedlingen utifrån individens mål och behov: processorienterad och individfokuserad kartläggning, vägledning och tät uppföljning. Samverkan mellan kommunerna och med AF skulle stärkas mot en gemensam arbetsmarknadsregion.",
            TargetResidence: "Ystad, Simrishamn, Tomelilla och Sjöbo",
            TargetCriteria: "Nyanlända. Ursprungligen nyanlända, långtidsarbetslösa och ungdomar; styrgruppen smalnade av till nyanlända eftersom metoder redan fanns för de andra grupperna.",
            OwnerParty: Ystad, CoOwners: [Simrishamn, Tomelilla, Sjobo], ParticipatingParties: ["Arbetsförmedlingen"], MunicipalityCodes: Municipalities,
            ProjectLead: "Processledare, Ystads kommun", StartDate: new(2018, 2, 1), PlannedEndDate: new(2020, 12, 31), FundingSources: ["Samordningsförbundet"],
            EvaluationPlan: "Lärande utvärdering (ASKing): PM februari 2019, delrapport augusti 2019, resultatsammanfattning december 2019.",
            Perspectives: [new("Målgruppen", "Nyanlända, långtidsarbetslösa och unga behöver samordnade insatser för att etablera sig på arbetsmarknaden."),
                           new("Verksamheterna", "Kommunerna är för små för egna insatser för varje grupp; samverkan mellan kommunerna och med AF är svag.")]));
        Must(await lists.SetGoalsAsync(id, [new("Deltagare i arbete eller studier vid avslut", 30, "Percent", "AtLeast", new(2020, 12, 31), null, null)]), "lists.SetGoalsAsync");
        List<StaffInput> staff = [new("Processledare", Ystad, 100, "Hired", false), new("Studie- och yrkesvägledare (SYV)", Ystad, 50, "Hired", false)];
        string[] coordinatorEmployers = [Ystad, Ystad, Simrishamn, Simrishamn, Tomelilla, Tomelilla, Sjobo, Sjobo];
        staff.AddRange(coordinatorEmployers.Select((employer, i) => new StaffInput("Koordinator (projektanställd)", employer, 100, "Hired", i == 0)));
        Must(await lists.SetStaffAsync(id, staff), "lists.SetStaffAsync");
        await YearAsync(id, 2018, 3_200_000, 2_900_000);
        await YearAsync(id, 2019, 3_400_000, 3_100_000);
        await DecideAsync(id, "Application", new(2017, 10, 2), Ystad);
        await DecideAsync(id, "Decided", new(2017, 12, 7), "Styrelsen", "Styrelsen 2017-12-07 § 14");
        await DecideAsync(id, "Running", new(2018, 2, 1), "Styrgruppen");
        await DecideAsync(id, null, new(2019, 5, 16), "Styrgruppen", null, "Styrgruppen söker inte medel för 2020: en förlängning bedöms inte ge tillräckligt mer kunskap eller stärkt samverkan. Implementeringsfasen inleds direkt.");
        await DecideAsync(id, "Ended", new(2019, 12, 31), "Styrgruppen", endReason: "Styrgruppen beslutade i maj 2019 att inte söka medel för 2020; insatsen avslutades ett år i förtid.");
        await DecideAsync(id, null, new(2020, 2, 1), Ystad, null, "Språkpraktik införs i Ystads ordinarie verksamhet. Övriga kommuner tar till sig lärdomarna i olika grad.");
        foreach (var (date, audience) in new[] { (new DateOnly(2019, 3, 14), "Konferens med nyckelaktörer i de fyra kommunerna och AF"), (new DateOnly(2019, 9, 26), "Konferens med nyckelaktörer: lärdomar och implementering"), (new DateOnly(2019, 11, 28), "Konferens med nyckelaktörer: avslut och överlämning") })
            Must(await lists.AddAnchoringAsync(id, new(date, audience, "Ystads kommun", "Processledaren och koordinatorer förankrade lärdomar inför implementering.")), "lists.AddAnchoringAsync");
        Must(await theories.SaveAsync(id, new TheoryOfChange(
            "Nyanlända, långtidsarbetslösa och unga står länge utanför arbetsmarknaden; kommunerna och AF samordnar inte sina insatser kring individen.",
            ["Finansiering från samordningsförbundet", "Processledare och åtta koordinatorer", "Styrgrupp och projektgrupp"],
            [new("Individfokuserad kartläggning, vägledning och tät uppföljning", ActivityDelivery.Delivered), new("Samlokalisering med AF en dag i veckan", ActivityDelivery.Delivered),
             new("Nya kommunala insatser för målgruppen, t.ex. språkpraktik", ActivityDelivery.Delivered), new("Operativ samverkansgrupp med personal från alla parter", ActivityDelivery.NotDelivered, "Ingen operativ grupp bildades; ansvaret låg på koordinatorerna."),
             new("Flerpartssamtal kring deltagare", ActivityDelivery.NotDelivered)],
            [new("", "Etablerade formella vägar för kommunikation", OutcomeTerm.Short, OutcomeLevel.Collaboration), new("", "Bättre matchning och planering för deltagarna", OutcomeTerm.Short, OutcomeLevel.Participant),
             new("", "Förbättrad och mer proaktiv samverkan kring arbetslösas etablering", OutcomeTerm.Medium, OutcomeLevel.Collaboration),
             new("", "En metod för att få arbetslösa i arbete är implementerad i kommunerna och AF", OutcomeTerm.Long, OutcomeLevel.Collaboration),
             new("", "Fler kommer närmare arbete eller studier", OutcomeTerm.Long, OutcomeLevel.Participant)],
            ["Koordinatorfunktionen flyttar individen närmare arbetsmarknaden", "Kommunerna ser sig som en samlad arbetsmarknadsregion med gemensamma mål och funktioner"],
            [new("Andel i arbete eller studier vid avslut", "E5", IndicatorSource.ParticipantOutcome, "work-or-studies-at-exit", 30)],
            [new(2019, 2, 1), new(2019, 8, 1)])), "theories.SaveAsync");
        Must(await lists.SetFindingsAsync(id,
        [
            new("All operativ samverkan låg på koordinatorerna som spindlar i nätet; samverkanskompetensen försvann när de projektanställda slutade.",
                "Rekrytera projektpersonal från ordinarie verksamhet och bygg lärandearenor så att kompetensen stannar.", "Parterna i insatserna", "Open", null),
            new("Inga tecken på en gemensam arbetsmarknadsregion; kommunerna bevakade sina gränser.",
                "Utveckla kommunövergripande samverkan i arbetsmarknadsfrågor med medvetet planerade strategiska aktiviteter.", "Kommunerna inom SÖS", "Open", null),
        ]), "lists.SetFindingsAsync");
    }

    private async Task MojligheternasHusAsync(int associationId)
    {
        var id = await CreateAsync(associationId, new InterventionInput("Möjligheternas hus", "IndividualFocused", "PersonalData",
            Orientation: "Samlokaliserad förrehabilitering: kommunala coacher med arbetsförmedlare och FK-handläggare, en flexibel arbetsprocess med samverkansmöten, MI, gruppsamtal, KBT, hälsocoachning och vägledning, mot en regional samverkansmetod.",
            TargetAgeFrom: 18, TargetAgeTo: 64, TargetResidence: "Folkbokförda i Ystad, Simrishamn, Tomelilla eller Sjöbo",
            TargetCriteria: "Med eller utan anställning, med omfattande behov av samordnat stöd och motivation.",
            OwnerParty: Tomelilla, CoOwners: [Simrishamn, Ystad, Sjobo], ParticipatingParties: ["Arbetsförmedlingen", "Försäkringskassan", "Region Skåne"], MunicipalityCodes: Municipalities,
            ProjectLead: "Projektledare, Tomelilla kommun", StartDate: new(2018, 8, 1), PlannedEndDate: new(2020, 12, 31),
            SuccessorNote: "Verksamheten omformas och ingår i ESF-projektet IRIS (beviljat våren 2020).", FundingSources: ["Samordningsförbundet", "ESF (genom IRIS från 2021)"],
            Perspectives: [new("Verksamheterna", "Ingen part har förrehabilitering i sitt uppdrag; samverkansuppdraget är otydligt i tjänstebeskrivningar och individer faller mellan stolarna."),
                           new("Målgruppen", "Myndigheternas bemötande tar ifrån individen ansvar och skapar beroende av stöd och hjälp.")]));
        Must(await lists.SetGoalsAsync(id, [new("Deltagare med stegförflyttning mot egenförsörjning eller rätt ersättning", 60, "Percent", "AtLeast", new(2020, 12, 31), null, null)]), "lists.SetGoalsAsync");
        Must(await lists.SetStaffAsync(id,
        [
            new("Projektledare", Tomelilla, 100, "Hired", true), new("Coach", Tomelilla, 100, "Hired", true), new("Coach", Tomelilla, 100, "Hired", true),
            new("Arbetsförmedlare", "Arbetsförmedlingen", 25, "Seconded", true), new("Handläggare", "Försäkringskassan", 25, "Seconded", true),
        ]), "lists.SetStaffAsync");
        await YearAsync(id, 2018, 1_000_000, 800_000);
        await YearAsync(id, 2019, 2_400_000, 2_200_000);
        await YearAsync(id, 2020, 2_400_000, 2_100_000);
        await DecideAsync(id, "PreStudy", new(2017, 9, 14), "Styrelsen", "Styrelsen 2017-09-14 § 6");
        await DecideAsync(id, "Application", new(2018, 3, 1), Tomelilla);
        await DecideAsync(id, "Decided", new(2018, 5, 24), "Styrelsen", "Styrelsen 2018-05-24 § 11");
        await DecideAsync(id, "Running", new(2018, 8, 1), "Styrgruppen");
        await DecideAsync(id, "Ended", new(2020, 12, 31), "Styrgruppen");
        await DecideAsync(id, "Rewritten", new(2021, 1, 15), "Styrelsen", "Styrelsen 2021-01-15 § 3", "Ingen kommun ville ha en permanent enhet; verksamheten ingår i ESF-projektet IRIS.");
        Must(await lists.AddAnchoringAsync(id, new(new(2019, 4, 9), "Ordinarie personal på ärendegenomgångar och APT", "Styrgruppens ledamöter", null)), "lists.AddAnchoringAsync");
        Must(await lists.AddAnchoringAsync(id, new(new(2019, 10, 3), "Referensgrupp med ordinarie personal från kommunerna och vården", Tomelilla, "Bildades hösten 2019.")), "lists.AddAnchoringAsync");
        Must(await theories.SaveAsync(id, new TheoryOfChange(
            "Personer med omfattande behov av samordnat stöd faller mellan myndigheterna; ingen part har förrehabilitering i sitt uppdrag.",
            ["Finansiering från samordningsförbundet", "Projektledare och två coacher (Tomelilla)", "Arbetsförmedlare 25 % och FK-handläggare 25 %", "Styrgrupp och operativ samverkansgrupp"],
            [new("Samlokaliserad coachning med MI", ActivityDelivery.Delivered), new("Flerpartsmöten vid inskrivning och uppföljning", ActivityDelivery.Delivered),
             new("Gruppsamtal", ActivityDelivery.NotDelivered), new("KBT", ActivityDelivery.NotDelivered), new("Hälsocoachning", ActivityDelivery.NotDelivered),
             new("Överlämning till ordinarie verksamhet vid utskrivning", ActivityDelivery.PartlyDelivered, "Remittenterna tog inte över tillräckligt snabbt.")],
            [new("", "En delvis utvecklad arbetsprocess", OutcomeTerm.Short, OutcomeLevel.Collaboration),
             new("", "Den flexibla processen är delvis implementerad och känd av chefer och medarbetare", OutcomeTerm.Medium, OutcomeLevel.Collaboration),
             new("", "Samverkan är tydligt uttryckt i medarbetares uppdrag", OutcomeTerm.Long, OutcomeLevel.Collaboration),
             new("", "Stegförflyttning mot egenförsörjning och rätt ersättning", OutcomeTerm.Long, OutcomeLevel.Participant)],
            ["Kunskap, samsyn om målgruppen, tillit och öppen dialog", "Förankring hos medarbetare, chefer och politiker ger ett gemensamt horisontellt ansvar"],
            [new("Andel med egen försörjning vid avslut", "E4", IndicatorSource.ParticipantOutcome, "self-support-at-exit", null)],
            [new(2019, 8, 1), new(2020, 6, 1)])), "theories.SaveAsync");
        Must(await lists.SetFindingsAsync(id,
        [
            new("Glapp vid utskrivning: remittenterna tog inte över tillräckligt snabbt och saknade insatser som social praktik och arbetsförmågebedömning.",
                "Styrgruppen ska lyfta brister under insatsen, inte först vid slutet.", "Styrgruppen", "Done", null),
            new("Problemanalysen blev inaktuell: ordinarie personal samverkar redan i hög grad och förstår inte vad Möjligheternas hus gör som de inte kan göra.",
                "Uppdatera problemanalysen löpande under insatsen.", "Samordningsförbundet", "InProgress", new(2021, 6, 30)),
            new("Ingen implementeringsplan; ESF-ansökan stoppade diskussionen om implementering.",
                "Gör implementeringsplan med roller, ansvar, aktiviteter och mål från start.", "Ansvariga parter i styrgrupperna", "Open", new(2021, 6, 30)),
        ]), "lists.SetFindingsAsync");
    }

    private async Task MariaAsync(int associationId)
    {
        var id = await CreateAsync(associationId, new InterventionInput("Maria Skåne Sydost", "IndividualFocused", "PersonalData",
            FormerNames: ["Uppstart och implementering av en Mariamottagning inom SÖSK"],
            Orientation: "Integrerad öppenvårdsmottagning (bedömning, utredning, behandling och rådgivning) för unga med missbruk och psykisk ohälsa, enligt Region Skånes koncept för Mariamottagningar, i Ystad med planerade satellitmottagningar i övriga kommuner.",
            TargetAgeFrom: 0, TargetAgeTo: 25, TargetResidence: "SÖSK-kommunerna",
            TargetCriteria: "Barn och unga vuxna som upplever bekymmer med droger och samtidigt har psykisk ohälsa, samt deras närstående.",
            OwnerParty: Ystad, ParticipatingParties: [Simrishamn, Sjobo, Tomelilla, "Region Skåne (vuxenpsykiatrin, BUP)"], MunicipalityCodes: Municipalities,
            ProjectLead: "Samordnare, Ystads kommun", StartDate: new(2019, 5, 1), PlannedEndDate: new(2021, 12, 31), FundingSources: ["Samordningsförbundet"]));
        Must(await lists.SetGoalsAsync(id, [new("Nya besökare per år som kommer via skola och ungdomsmottagning", 40, "Percent", "AtLeast", new(2021, 12, 31), null, null)]), "lists.SetGoalsAsync");
        Must(await lists.SetStaffAsync(id,
        [
            new("Samordnare/socionom", Ystad, 100, "Hired", true), new("Ungdoms- och familjebehandlare", Ystad, 100, "Hired", true),
            new("Sjuksköterska", "Region Skåne", 100, "Seconded", true), new("Specialistläkare", "Region Skåne", 10, "Seconded", true),
            new("Medicinsk sekreterare", "Region Skåne", 20, "Seconded", true),
        ]), "lists.SetStaffAsync");
        await YearAsync(id, 2019, 1_200_000, 1_000_000);
        await YearAsync(id, 2020, 1_800_000, 1_750_000);
        await YearAsync(id, 2021, 1_800_000, 1_700_000);
        await DecideAsync(id, "Application", new(2019, 1, 15), Ystad);
        await DecideAsync(id, "Decided", new(2019, 3, 21), "Styrelsen", "Styrelsen 2019-03-21 § 7");
        await DecideAsync(id, "Running", new(2019, 5, 1), "Operativ ledningsgrupp");
        Must(await theories.SaveAsync(id, new TheoryOfChange(
            "Unga med samtidigt missbruk och psykisk ohälsa möter två huvudmän var för sig och får inte samtidiga insatser.",
            ["Finansiering från samordningsförbundet", "Team från Ystads kommun och Region Skåne", "Styrgrupp och operativ ledningsgrupp"],
            [new("Bygga en integrerad mottagning enligt regionens koncept", ActivityDelivery.Delivered), new("Uppsökande information till skolor och ungdomsmottagningar", ActivityDelivery.PartlyDelivered, "Ännu inte systematiskt."),
             new("Satellitmottagningar i övriga kommuner", ActivityDelivery.Planned)],
            [new("", "Ökad tillgänglighet genom flexibilitet och smidiga rutiner", OutcomeTerm.Short, OutcomeLevel.Collaboration), new("", "Ökat inflöde och mer positiv attityd", OutcomeTerm.Short, OutcomeLevel.Participant),
             new("", "Effektivare arbetssätt med rutiner utifrån individen", OutcomeTerm.Medium, OutcomeLevel.Collaboration),
             new("", "Samverkan är en naturlig del i det förebyggande och behandlande arbetet", OutcomeTerm.Long, OutcomeLevel.Collaboration)],
            ["Gemensam värdegrund och kunskapsöverföring till remittenter ger samsyn", "Rutiner för dokumentation och kommunikation följer individen mellan huvudmännen"],
            [new("Andel nya besökare via skola och ungdomsmottagning", "E2", IndicatorSource.Manual, null, 40)],
            [new(2020, 9, 1), new(2021, 6, 1)])), "theories.SaveAsync");
        Must(await lists.SetFindingsAsync(id,
        [
            new("Teamet har utvecklat samsyn och arbetar väl integrerat inom mottagningen.", null, null, "Done", null),
            new("Överlämningar till socialtjänsten fungerar inte väl i flera kommuner.", "Utveckla rutiner, t.ex. flerpartsmöten, för överlämning.", "Operativ ledningsgrupp", "InProgress", new(2021, 6, 30)),
            new("Långsiktig finansiering är inte säkrad; mottagningen riskerar att fungera väl utanför ordinarie verksamhet på projektpengar.",
                "Diskutera långsiktig finansiering för insatser i gränslandet mellan myndigheterna.", "Samordningsförbundet och dess parter", "Open", new(2021, 9, 30)),
        ]), "lists.SetFindingsAsync");
    }

    private async Task<int> CreateAsync(int associationId, InterventionInput input)
    {
        var result = await save.CreateAsync(associationId, input);
        return Must(result, input.Name!).Id;
    }

    private async Task YearAsync(int interventionId, int year, decimal budgetAmount, decimal outcome) =>
        Must(await budget.HandleAsync(interventionId, year, new BudgetYearRequest(null, null, [new("InterventionCost", null, budgetAmount, outcome)])), $"budget {year}");

    private async Task DecideAsync(int interventionId, string? to, DateOnly on, string by, string? minutes = null, string? note = null, string? endReason = null) =>
        Must(await decide.HandleAsync(interventionId, new DecisionRequest(to, on, by, minutes, note, EndReason: endReason)), $"beslut {to}");

    /// <summary>The demo is entered through the real rules; if they refuse it, the demo is wrong and must fail loudly.</summary>
    internal static T Must<T>(Samordna.Core.Common.Result<T>? result, string what) =>
        result is { IsValid: true } ? result.Value! : throw new InvalidOperationException($"Demodata ({what}): {string.Join("; ", result?.Errors.Select(e => $"{e.Field}: {e.Message}") ?? ["saknas"])}");
}

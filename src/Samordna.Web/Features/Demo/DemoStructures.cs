using Microsoft.EntityFrameworkCore;
using Samordna.Core.Associations;
using Samordna.Core.Structures;
using Samordna.Web.Data;
using Samordna.Web.Features.Associations;

namespace Samordna.Web.Features.Demo;

/// <summary>
/// Collaboration structures for the demo. Gävleborg (seed 004): the board quorate only with every principal,
/// substitutes linked to members, Mysam groups meeting four times a year, a year of meetings in Mysam Gävle with
/// one change of representative. Höglandet (seed 001) as a second demo association: its five municipal areas with
/// their management and working groups, coordinators with the posts and periods of the report's table, the 2019
/// meetings of Samverk Nässjö as reported (March cancelled for absence, June with four of eight), local agreements,
/// Vetlanda's action plan with its development areas reported for January–June 2019, "vägen in" and deviations.
/// Person names, actual costs and the deviation texts are invented.
/// </summary>
public sealed class DemoStructures(SamordnaDb db, CreateAssociation create, TimeProvider clock, DemoStructureDocuments documents)
{
    public const string HoglandetName = "Höglandets samordningsförbund (demo)";

    public async Task GavleborgAsync(int associationId)
    {
        var groups = await db.CollaborationGroups.Include(g => g.Members).Where(g => g.AssociationId == associationId).ToListAsync();
        var board = groups.Single(g => g.Kind == GroupKind.Board);
        (board.QuorumRule, board.PlannedMeetingsPerYear, board.ConveningRule, board.ConveningParty) = (QuorumRule.EveryParty, 6, ConveningRule.FixedParty, "Region Gävleborg");
        board.StandingAgendaItems = "Mötets öppnande\nVal av justerare\nFörbundschefens rapport\nEkonomisk uppföljning";
        foreach (var m in board.Members) (m.FromDate, m.HasDecisionMandate) = (new DateOnly(2015, 1, 1), m.Role is not MemberRole.Adjunct);
        var ordinary = board.Members.Where(m => m.Role is MemberRole.Chair or MemberRole.ViceChair or MemberRole.Member).ToList();
        var substitutes = board.Members.Where(m => m.Role == MemberRole.Substitute).ToList();
        await db.SaveChangesAsync();
        for (var i = 0; i < substitutes.Count; i++) substitutes[i].SubstituteForId = ordinary[i].Id;

        foreach (var mysam in groups.Where(g => g.Kind == GroupKind.LocalManagementGroup))
        {
            (mysam.PlannedMeetingsPerYear, mysam.QuorumRule, mysam.ConveningRule) = (4, QuorumRule.MajorityOfSeats, ConveningRule.Rotating);
            mysam.Mandate = "Forum för myndigheter i samverkan (Mysam) på chefsnivå i kommunen: initiera, driva och besluta i strukturella samverkansfrågor.";
            mysam.StandingAgendaItems = "Nytt från parterna\nHandlingsplanen\nMålgruppen";
            foreach (var m in mysam.Members) (m.FromDate, m.HasDecisionMandate) = (new DateOnly(2016, 1, 1), true);
        }
        await db.SaveChangesAsync();

        // Mysam Gävle's 2017: four meetings; the AF representative changes job in May and is succeeded.
        var gavle = groups.Single(g => g.Name == "Mysam Gävle");
        var leaving = gavle.Members.First(m => m.Party == "Arbetsförmedlingen");
        leaving.ToDate = new DateOnly(2017, 5, 31);
        var successor = new GroupMember { GroupId = gavle.Id, PersonName = "Hanna Lindgren", Party = leaving.Party, Role = leaving.Role, HasDecisionMandate = true, FromDate = new DateOnly(2017, 6, 1), PredecessorId = leaving.Id };
        db.GroupMembers.Add(successor);
        await db.SaveChangesAsync();
        await MeetingsAsync(gavle, [(new DateTime(2017, 2, 14, 9, 0, 0), 11), (new DateTime(2017, 5, 9, 9, 0, 0), 6), (new DateTime(2017, 9, 12, 9, 0, 0), 12)], null);
        await MeetingsAsync(gavle, [(new DateTime(2017, 11, 21, 9, 0, 0), 0)], "För få anmälda för att gruppen skulle vara beslutsför");
        await MeetingsAsync(board, [(new DateTime(2017, 3, 3, 13, 0, 0), 7), (new DateTime(2017, 6, 9, 13, 0, 0), 5)], null);

        db.DirectoryEntries.AddRange(
            Entry(associationId, "Försäkringskassan", "Lokalt försäkringscenter Gävle", "Sjukskrivning och rehabilitering", "Samverkansansvarig", "Ulla Strand", true),
            Entry(associationId, "Arbetsförmedlingen", "Gävle", "Arbetsinriktad rehabilitering", "Samverkansansvarig", "Hanna Lindgren", true),
            Entry(associationId, "Gävle kommun", "Arbetsmarknad och vuxenutbildning", "Ekonomiskt bistånd", "Enhetschef", "Per Wallin", false),
            Entry(associationId, "Region Gävleborg", "Primärvården", "Rehabkoordinatorer", "Samordnande rehabkoordinator", "Sofia Engström", true));
        await db.SaveChangesAsync();
    }

    public async Task<int> HoglandetAsync()
    {
        var existing = await db.Associations.Where(a => a.IsDemo && a.Name == HoglandetName).Select(a => (int?)a.Id).FirstOrDefaultAsync();
        if (existing is { } id) return id;
        string[] municipalities = ["0604", "0686", "0682", "0684", "0687", "0685"]; // Aneby, Eksjö, Nässjö, Sävsjö, Tranås, Vetlanda
        var associationId = (await create.HandleAsync(new CreateAssociationRequest(HoglandetName, OrganisationNumber(), "2005-01-01", ["06"], municipalities.ToList<string?>()), isDemo: true)).Value!.Id;

        var areas = new (string Town, string Code, string Management, GroupKind Kind, ConveningRule Convening, int Planned)[]
        {
            ("Aneby", "0604", "LSG Aneby", GroupKind.LocalManagementGroup, ConveningRule.Coordinator, 2),
            ("Nässjö", "0682", "Styrgrupp Samverk Nässjö", GroupKind.LocalManagementGroup, ConveningRule.Rotating, 4),
            ("Sävsjö", "0684", "Styrgrupp Samverk Sävsjö", GroupKind.LocalManagementGroup, ConveningRule.Coordinator, 2),
            ("Tranås", "0687", "LSG Tranås", GroupKind.LocalManagementGroup, ConveningRule.Coordinator, 4),
            ("Vetlanda", "0685", "Styrgrupp för Samverk Vetlanda", GroupKind.LocalManagementGroup, ConveningRule.Coordinator, 4),
        };
        string[] parties = ["Försäkringskassan", "Arbetsförmedlingen", "Region Jönköpings län (vårdcentral)", "Region Jönköpings län (psykiatri)", "Kommunen (socialtjänst)", "Kommunen (arbetsmarknad)"];
        var names = new Names(41);
        var groups = new Dictionary<string, CollaborationGroup>();
        foreach (var (town, code, management, kind, convening, planned) in areas)
        {
            var lsg = new CollaborationGroup
            {
                AssociationId = associationId, Kind = kind, Name = management, AreaName = $"{town} kommunområde", MunicipalityCodes = code,
                ConveningRule = convening, PlannedMeetingsPerYear = planned, QuorumRule = QuorumRule.MajorityOfSeats,
                Mandate = "Utveckla och besluta om strukturell samverkan mellan kommunen, vården, Försäkringskassan och Arbetsförmedlingen i kommunområdet.",
                StandingAgendaItems = "Nytt från parterna\nRapport från arbetsgruppen\nMålgruppen\nHandlingsplanen",
            };
            // Samverk Nässjö's styrgrupp: one representative per principal and one from the working group, eight in all.
            var seats = town == "Nässjö" ? parties.Append("Arbetsgruppen").Append("Region Jönköpings län (habilitering)").ToArray() : parties;
            foreach (var party in seats)
                lsg.Members.Add(new GroupMember { PersonName = names.Next(), Party = party, Role = lsg.Members.Count == 0 ? MemberRole.Chair : MemberRole.Member, HasDecisionMandate = party != "Arbetsgruppen", FromDate = new DateOnly(2017, 1, 1) });
            lsg.Members.Add(new GroupMember { PersonName = names.Next(), Party = "Samverkanskoordinator", Role = MemberRole.Adjunct, FromDate = new DateOnly(2017, 1, 1) });
            var working = new CollaborationGroup
            {
                AssociationId = associationId, Kind = GroupKind.WorkingGroup, Name = $"Arbetsgrupp Samverk {town}", AreaName = $"{town} kommunområde", MunicipalityCodes = code,
                ConveningRule = ConveningRule.Coordinator, PlannedMeetingsPerYear = 6,
                Mandate = "Handläggare hos de fyra aktörerna: utveckla, underlätta och effektivisera samverkan på individnivå, med avidentifierade frågor.",
            };
            foreach (var party in parties.Where(p => !(town == "Aneby" && p.Contains("vårdcentral")))) // Aneby vårdcentral declined (seed 001)
                working.Members.Add(new GroupMember { PersonName = names.Next(), Party = party, Role = MemberRole.Member, FromDate = new DateOnly(2017, 1, 1) });
            db.CollaborationGroups.AddRange(lsg, working);
            groups[town] = lsg;
            groups[town + "-ag"] = working;
        }
        db.CollaborationGroups.Add(new CollaborationGroup
        {
            AssociationId = associationId, Kind = GroupKind.Network, Name = "Nätverket för samverkanskoordinatorer", ConveningRule = ConveningRule.FixedParty,
            ConveningParty = "Förbundschefen", PlannedMeetingsPerYear = 11, Mandate = "Erfarenhetsutbyte och stöd mellan koordinatorerna, en gång i månaden.",
        });
        await db.SaveChangesAsync();

        // Samverk Nässjö 2019 as the coordinator reported it: 22 March cancelled for absence; 13 June held with four of eight.
        await MeetingsAsync(groups["Nässjö"], [(new DateTime(2019, 3, 22, 9, 0, 0), 0)], "Avbokat på grund av stort bortfall");
        await MeetingsAsync(groups["Nässjö"], [(new DateTime(2019, 6, 13, 9, 0, 0), 4)], null, decisions: ["Överenskommelsen reviderad: målgruppen 16–65 år.", "Ansvaret att sammankalla roterar mellan huvudmännen."]);
        await MeetingsAsync(groups["Nässjö-ag"], [(new DateTime(2019, 1, 24, 13, 0, 0), 5), (new DateTime(2019, 3, 7, 13, 0, 0), 6), (new DateTime(2019, 5, 16, 13, 0, 0), 4)], null);
        await MeetingsAsync(groups["Vetlanda"], [(new DateTime(2019, 2, 5, 9, 0, 0), 6), (new DateTime(2019, 5, 7, 9, 0, 0), 5)], null, decisions: ["Ny överenskommelse för Samverk Vetlanda 2019–2022 undertecknad."]);
        await MeetingsAsync(groups["Sävsjö"], [(new DateTime(2019, 1, 17, 10, 0, 0), 6)], null);
        await MeetingsAsync(groups["Tranås-ag"], [(new DateTime(2019, 2, 12, 13, 0, 0), 5), (new DateTime(2019, 5, 21, 13, 0, 0), 6)], null);
        await MeetingsAsync(groups["Aneby"], [(new DateTime(2019, 3, 19, 9, 0, 0), 5)], null, decisions: ["Lokal överenskommelse gällande samverkan om rehabilitering – Samverk Aneby antagen."]);
        await MeetingsAsync(groups["Aneby"], [(new DateTime(2019, 9, 17, 9, 0, 0), -1)], null);

        Coordinators(associationId);
        Agreements(associationId, groups);
        VetlandaPlan(associationId, groups["Vetlanda"].Id);
        db.DirectoryEntries.AddRange(
            Entry(associationId, "Vetlanda kommun", "Arbetsmarknadsenheten", "Samverkan och vägen in till kommunen", "Samverkanskoordinator", "Karin Nyström", true),
            Entry(associationId, "Nässjö kommun", "Socialförvaltningen", "Ekonomiskt bistånd", "Enhetschef försörjningsstöd", "Lars Hedlund", true),
            Entry(associationId, "Försäkringskassan", "Lokalt försäkringscenter Höglandet", "Sjukpenning och rehabilitering", "Samverkansansvarig", "Maria Sjöberg", true),
            Entry(associationId, "Arbetsförmedlingen", "Höglandet", "Arbetsinriktad rehabilitering", "Samverkansansvarig", "Jonas Berg", true),
            Entry(associationId, "Region Jönköpings län", "Psykiatriska kliniken Eksjö", "Psykiatri, vuxna", "Samordnare", "Elin Forsberg", false));
        db.CollaborationDeviations.AddRange(
            Deviation(associationId, new(2019, 4, 2), DeviationCategory.Handover, "En remiss om arbetsförmågebedömning kom inte fram; ingen kvittens fanns på mottagarsidan.", ["Arbetsförmedlingen", "Kommunen"], "Samverkanskoordinator Nässjö", DeviationStatus.Closed, "Rutin för kvittens av remisser införd i arbetsgruppen."),
            Deviation(associationId, new(2019, 5, 14), DeviationCategory.Rules, "Olika läkarintyg krävs av olika parter för samma sjukskrivning.", ["Försäkringskassan", "Region Jönköpings län"], "Styrgrupp Samverk Nässjö", DeviationStatus.InProgress, null),
            Deviation(associationId, new(2019, 6, 3), DeviationCategory.ContactPaths, "Handläggare hittade inte rätt kontakt för målgruppen utan SGI.", ["Försäkringskassan"], "Samverkanskoordinator Vetlanda", DeviationStatus.New, null));
        await db.SaveChangesAsync();
        await documents.AddAsync(associationId);
        return associationId;
    }

    private void Coordinators(int associationId)
    {
        // Seed 001, table "Tjänster": posts, shares and periods per municipality; Eksjö took no part.
        (string Code, string Person, decimal Fte, DateOnly From, DateOnly To)[] posts =
        [
            ("0604", "Koordinator 1 Aneby", 50, new(2016, 8, 1), new(2017, 7, 31)), ("0604", "Koordinator 2 Aneby", 50, new(2018, 8, 1), new(2018, 12, 31)),
            ("0604", "Koordinator 3 Aneby", 25, new(2019, 1, 1), new(2019, 7, 31)), ("0682", "Koordinator Nässjö", 50, new(2016, 8, 1), new(2019, 7, 31)),
            ("0684", "Koordinator 1 Sävsjö", 50, new(2016, 8, 1), new(2017, 5, 11)), ("0684", "Koordinator 2 Sävsjö", 50, new(2017, 5, 12), new(2019, 7, 31)),
            ("0687", "Koordinator Tranås", 25, new(2017, 1, 1), new(2017, 5, 31)), ("0687", "Koordinator Tranås", 37.5m, new(2017, 6, 1), new(2017, 7, 31)),
            ("0687", "Koordinator Tranås", 50, new(2017, 8, 1), new(2019, 7, 31)), ("0685", "Koordinator Vetlanda", 50, new(2016, 8, 1), new(2019, 7, 31)),
        ];
        foreach (var p in posts)
            db.CoordinatorAssignments.Add(new CoordinatorAssignment { AssociationId = associationId, MunicipalityCode = p.Code, PersonName = p.Person, FtePercent = p.Fte, FromDate = p.From, ToDate = p.To });
        // The association paid at most 300,000 kr a year per municipality (seed 001); the actual costs are invented.
        foreach (var (code, cost) in new[] { ("0604", 121_000L), ("0682", 298_500L), ("0684", 301_200L), ("0687", 296_000L), ("0685", 287_400L) })
            db.CoordinatorFundings.Add(new CoordinatorFunding { AssociationId = associationId, MunicipalityCode = code, Year = 2018, Cap = 300_000, ActualCost = cost });
    }

    private void Agreements(int associationId, Dictionary<string, CollaborationGroup> groups)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var parties = "Kommunen, Region Jönköpings län, Försäkringskassan, Arbetsförmedlingen";
        db.LocalAgreements.Add(new LocalAgreement
        {
            AssociationId = associationId, GroupId = groups["Aneby"].Id, Title = "Lokal överenskommelse gällande samverkan om rehabilitering – Samverk Aneby",
            Versions = [new() { Version = 1, Parties = parties, TargetAgeFrom = 16, TargetAgeTo = 64, Purpose = "Samordnad rehabilitering för personer i arbetsför ålder.", Forums = "LSG, arbetsgrupp", ValidFrom = new(2019, 3, 19), ValidTo = new(2020, 4, 1) }],
        });
        db.LocalAgreements.Add(new LocalAgreement
        {
            AssociationId = associationId, GroupId = groups["Nässjö"].Id, Title = "Överenskommelse Samverk Nässjö",
            Versions =
            [
                new() { Version = 1, Parties = parties, TargetAgeFrom = 18, TargetAgeTo = 65, Purpose = "Samverkan kring personer i behov av samordnad rehabilitering.", Forums = "Styrgrupp, arbetsgrupp", ValidFrom = new(2017, 1, 1), ValidTo = new(2019, 6, 12) },
                new() { Version = 2, Parties = parties, TargetAgeFrom = 16, TargetAgeTo = 65, Purpose = "Samverkan kring personer i behov av samordnad rehabilitering, och att vidmakthålla samverkansstrukturerna.", Forums = "Styrgrupp (sammankallande roterar), arbetsgrupp", ValidFrom = new(2019, 6, 13), ValidTo = null },
            ],
        });
        // Vetlanda's agreement 2019–2022, renewed; the current version ends two months from today so the demo shows a reminder.
        db.LocalAgreements.Add(new LocalAgreement
        {
            AssociationId = associationId, GroupId = groups["Vetlanda"].Id, Title = "Överenskommelse Samverk Vetlanda",
            Versions =
            [
                new() { Version = 1, Parties = parties, TargetAgeFrom = 16, TargetAgeTo = 64, Purpose = "Samverk Vetlanda: samverkan på individ- och strukturnivå.", Forums = "Styrgrupp, arbetsgrupp, samverkansträffar", ValidFrom = new(2019, 1, 1), ValidTo = new(2022, 12, 31), Signatories = "Styrgruppen för Samverk Vetlanda" },
                new() { Version = 2, Parties = parties, TargetAgeFrom = 16, TargetAgeTo = 64, Purpose = "Samverk Vetlanda: samverkan på individ- och strukturnivå; ansvaret ligger på arbetsgruppen och Vetlanda kommun.", Forums = "Styrgrupp, arbetsgrupp, samverkansträffar", ValidFrom = new(2023, 1, 1), ValidTo = today.AddDays(60), Signatories = "Styrgruppen för Samverk Vetlanda" },
            ],
        });
        db.LocalAgreements.Add(new LocalAgreement
        {
            AssociationId = associationId, GroupId = groups["Sävsjö"].Id, Title = "Avtal Samverk Sävsjö",
            Versions = [new() { Version = 1, Parties = "Arbetsförmedlingen, Försäkringskassan, vuxenpsykiatrin i Vetlanda, primärvården, Sävsjö kommun", TargetAgeFrom = 16, TargetAgeTo = 64, Purpose = "Personer i arbetsför ålder 16–64 år med rehabiliteringsbehov.", ValidFrom = new(2019, 2, 1), ValidTo = null }],
        });
    }

    private void VetlandaPlan(int associationId, int groupId)
    {
        // "Möjliga utvecklingsområden" from the 2016 interim report, as Vetlanda's January–June 2019 report lists them (seed 001).
        (string Title, ActivityStatus Status, string Comment)[] areas =
        [
            ("Utveckla forum för formell samverkan för medarbetare på individnivå mellan de fyra aktörerna", ActivityStatus.Ongoing, "Arbetsgruppen har setts kontinuerligt under våren.\nSamverkansdokumenten för individnivå sprids och implementeras."),
            ("Utveckla forum för samverkan på chefs- och strukturell nivå mellan de fyra parterna", ActivityStatus.Done, "Styrgruppen har arbetat fram och signerat ny överenskommelse för Samverk Vetlanda 2019–2022.\nStyrgruppen träffas enligt plan i överenskommelsen."),
            ("Utveckla gemensam handlingsplan i samband med samverksmöte för samtliga fyra aktörer på individnivå", ActivityStatus.Done, "Mall för handlingsplan finns på gemensam plattform."),
            ("Definiera, beskriva och kartlägga målgruppen för de fyra aktörerna att samverka kring", ActivityStatus.Ongoing, "Målgruppen tas ofta upp som punkt på styrgrupps- och arbetsgruppsmötena."),
            ("Kartlägga möjliga insatser för målgruppen hos de fyra parterna", ActivityStatus.Done, "Arbetsgruppen har sammanställt vilka samverkansformer som finns hos parterna."),
            ("Förbättra formella kontaktvägar mellan de fyra aktörerna", ActivityStatus.Ongoing, "Arbetsgruppen sammanställer ett dokument med \"vägen in\" för individer och samarbetspartners."),
            ("Öka kunskapen om varandras verksamheter, verktygslådor, kompetens, ansvarsområden och regelverk", ActivityStatus.Ongoing, "Samverkansträff 11 januari 2019 med tema \"nätverkande – med individen i fokus\"."),
            ("Utveckla mötesform för avslut och överlämning av ärenden", ActivityStatus.Done, "Inarbetat i lokala rutiner hos socialförvaltningen."),
        ];
        var plan = new ActionPlan
        {
            AssociationId = associationId, GroupId = groupId, Title = "Handlingsplan Samverk Vetlanda", AreaName = "Vetlanda kommunområde",
            Vision = "Rätt insats i rätt tid av rätt aktör för personer som behöver samordnat stöd.",
            Goals = "Samarbetet mellan myndigheterna och vården ska utökas efter behov; samverkanssystem på olika nivåer.",
        };
        for (var i = 0; i < areas.Length; i++)
        {
            var activity = new ActionPlanActivity { Number = i + 1, Title = areas[i].Title, Year = 2019 };
            activity.Reports.Add(new ActivityStatusReport { Period = "2019H1", Status = areas[i].Status, Comment = areas[i].Comment });
            plan.Activities.Add(activity);
        }
        plan.PeriodNotes.Add(new ActionPlanPeriodNote
        {
            Period = "2019H1",
            Other = "Deltagit på samverkanskoordinatorsträffar med övriga Höglandskommuner.\nDeltagit på uppföljningsmöte om \"Rätt stöd – rätt försörjning\".",
            PlansAhead = "Arbeta fram ny handlingsplan för Samverk Vetlanda 2020 under hösten 2019.\nArrangera samverkansträff i form av frukostmöte 2019-09-12.\nFortsätta med styrgrupp och arbetsgruppsträffar.",
        });
        db.ActionPlans.Add(plan);
    }

    /// <summary>Meetings held with the first n current members present (n = 0 and a reason: cancelled; n &lt; 0: planned).</summary>
    private async Task MeetingsAsync(CollaborationGroup group, (DateTime At, int Present)[] meetings, string? cancelled, string[]? decisions = null)
    {
        var members = await db.GroupMembers.Where(m => m.GroupId == group.Id).OrderBy(m => m.Id).ToListAsync();
        foreach (var (at, present) in meetings)
        {
            var day = DateOnly.FromDateTime(at);
            var seated = members.Where(m => Tenure.IsCurrent(m.FromDate, m.ToDate, day)).ToList();
            var meeting = new Meeting
            {
                GroupId = group.Id, StartsAt = SwedishTime.ToUtc(at), DurationMinutes = 120, Location = group.AreaName ?? "Förbundets kansli",
                Status = cancelled is not null ? MeetingStatus.Cancelled : present < 0 ? MeetingStatus.Planned : MeetingStatus.Held,
                CancellationReason = cancelled, CancelledForLackOfQuorum = cancelled is not null,
                Agenda = group.StandingAgendaItems,
            };
            if (meeting.Status == MeetingStatus.Held)
            {
                meeting.Attendances.AddRange(seated.Select((m, i) => new MeetingAttendance { MemberId = m.Id, Attendance = i < present ? Attendance.Present : Attendance.Absent }));
                meeting.Minutes = "Minnesanteckningar: parterna informerade om aktuella förändringar i sina verksamheter.";
                meeting.Decisions.AddRange((decisions ?? []).Select((d, i) => new MeetingDecision { Number = i + 1, Text = d }));
                meeting.ActionItems.Add(new ActionItem { Text = "Skicka ut minnesanteckningarna", Owner = "Samverkanskoordinatorn", DueOn = day.AddDays(7), DoneOn = day.AddDays(5) });
                meeting.ActionItems.Add(new ActionItem { Text = "Ta fram förslag till nästa möte om målgruppen", Owner = seated.FirstOrDefault()?.PersonName ?? "Ordföranden", DueOn = day.AddDays(60) });
            }
            db.Meetings.Add(meeting);
        }
        await db.SaveChangesAsync();
    }

    private static DirectoryEntry Entry(int associationId, string organisation, string unit, string topic, string role, string holder, bool isPublic)
    {
        var mailbox = organisation.ToLowerInvariant().Replace(" ", "").Replace("ä", "a").Replace("å", "a").Replace("ö", "o");
        return new DirectoryEntry
        {
            AssociationId = associationId, Organisation = organisation, Unit = unit, Topic = topic, RoleTitle = role, IsPublic = isPublic,
            RoleEmail = $"samverkan@{mailbox}.example", Phone = "010-000 00 00",
            Holders = [new() { PersonName = holder, PersonalEmail = $"{holder.Split(' ')[0].ToLowerInvariant()}@{mailbox}.example", FromDate = new DateOnly(2018, 1, 1) }],
        };
    }

    private static CollaborationDeviation Deviation(int associationId, DateOnly on, DeviationCategory category, string text, string[] actors, string recipient, DeviationStatus status, string? action) => new()
    {
        AssociationId = associationId, ReportedOn = on, Category = category, Description = text, Recipient = recipient, Status = status, ActionTaken = action,
        ClosedOn = status == DeviationStatus.Closed ? on.AddDays(30) : null, Actors = actors.Select(a => new CollaborationDeviationActor { Actor = a }).ToList(),
    };

    /// <summary>A made-up but valid organisation number for the second demo association.</summary>
    private static string OrganisationNumber()
    {
        const string body = "222000998";
        return $"{body[..6]}-{body[6..]}{Luhn.CheckDigit(body)}";
    }

    private sealed class Names(int seed)
    {
        private static readonly string[] First = ["Karin", "Lars", "Maria", "Jonas", "Elin", "Per", "Anna", "Mikael", "Lena", "Olle", "Sara", "Ahmed", "Ingrid", "Erik", "Fatima"];
        private static readonly string[] Last = ["Nyström", "Hedlund", "Sjöberg", "Berg", "Forsberg", "Wallin", "Holm", "Lund", "Strand", "Eriksson", "Öberg", "Hassan", "Lindqvist"];
        private int n = seed;

        public string Next()
        {
            n++;
            return $"{First[n * 7 % First.Length]} {Last[n * 11 % Last.Length]}";
        }
    }
}

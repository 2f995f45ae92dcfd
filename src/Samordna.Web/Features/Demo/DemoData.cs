using Microsoft.EntityFrameworkCore;
using Samordna.Core.Associations;
using Samordna.Core.Funding;
using Samordna.Core.Structures;
using Samordna.Web.Data;
using Samordna.Web.Features.Associations;

namespace Samordna.Web.Features.Demo;

/// <summary>
/// The demo association, built from seed 004 (Gävleborg's baseline measurement 2016–2017): its ten
/// municipalities, Region Gävleborg, FK and AF, a 2017 budget of 9 MSEK split by population, its board of
/// seven members and seven substitutes (with adjunct representatives for Ockelbo and Söderhamn) and its nine
/// Mysam groups with the seat counts of the report's table 1. Person names are invented; the association is
/// marked as demo everywhere it is shown.
/// </summary>
public sealed class DemoData(SamordnaDb db, CreateAssociation create, SetFunding setFunding, DemoSurveys surveys, DemoStructures structures, DemoInterventions interventions, DemoParticipants participants)
{
    public const string Name = "Samordningsförbund Gävleborg (demo)";

    // Approximate populations at 31 Dec 2016 (rounded), enough for a realistic split; not an official source.
    public static readonly IReadOnlyDictionary<string, long> Population2016 = new Dictionary<string, long>
    {
        ["2101"] = 5_900, ["2104"] = 9_600, ["2121"] = 11_500, ["2132"] = 9_500, ["2161"] = 19_200,
        ["2180"] = 100_600, ["2181"] = 39_200, ["2182"] = 25_600, ["2183"] = 26_400, ["2184"] = 37_400,
    };

    /// <summary>Loads the demo associations once (Gävleborg, then Höglandet); returns Gävleborg's id (the existing one if already loaded).</summary>
    public async Task<int> LoadAsync()
    {
        var existing = await db.Associations.Where(a => a.IsDemo && a.Name == Name).Select(a => (int?)a.Id).FirstOrDefaultAsync();
        var id = existing ?? await LoadGavleborgAsync();
        await structures.HoglandetAsync();
        await interventions.LoadAsync();
        await participants.LoadAsync();
        await OptInAsync();
        return id;
    }

    /// <summary>Every demo association takes part in the comparison of associations, so the page has something to show.</summary>
    private async Task OptInAsync()
    {
        var demo = await db.Associations.Where(a => a.IsDemo && !db.ComparisonOptIns.Any(o => o.AssociationId == a.Id)).Select(a => a.Id).ToListAsync();
        foreach (var id in demo) db.ComparisonOptIns.Add(new ComparisonOptIn { AssociationId = id, OptedInAt = DateTime.UtcNow, OptedInBy = "demo" });
        await db.SaveChangesAsync();
    }

    private async Task<int> LoadGavleborgAsync()
    {
        var created = await create.HandleAsync(new CreateAssociationRequest(
            Name, DemoOrganisationNumber(), "2016-01-01", ["21"], Population2016.Keys.ToList<string?>()), isDemo: true);
        var associationId = created.Value!.Id;
        await setFunding.HandleAsync(associationId, 2017, new SetFundingRequest(9_000_000, "population", Population2016.ToDictionary(), null));
        await setFunding.HandleAsync(associationId, 2018, new SetFundingRequest(9_400_000, "population", Population2016.ToDictionary(), null));

        // The same rounded populations for the funding-per-inhabitant report (installation-wide reference data).
        foreach (var year in new[] { 2017, 2018 })
            foreach (var (code, population) in Population2016)
                if (!await db.PopulationFigures.AnyAsync(p => p.MunicipalityCode == code && p.Year == year))
                    db.PopulationFigures.Add(new PopulationFigure { MunicipalityCode = code, Year = year, Population = population });
        db.CollaborationGroups.Add(Board(associationId));
        db.CollaborationGroups.AddRange(MysamGroups(associationId));
        await db.SaveChangesAsync();
        await surveys.LoadAsync(associationId);
        await structures.GavleborgAsync(associationId);
        return associationId;
    }

    /// <summary>A made-up but valid organisation number (Luhn check digit), in the 222 series of joint bodies.</summary>
    public static string DemoOrganisationNumber()
    {
        const string body = "222000999";
        return $"{body[..6]}-{body[6..]}{Luhn.CheckDigit(body)}";
    }

    private static CollaborationGroup Board(int associationId)
    {
        var board = new CollaborationGroup { AssociationId = associationId, Kind = GroupKind.Board, Name = "Förbundsstyrelsen" };
        string[] ordinaryParties = ["Region Gävleborg", FundingSplit.Fk, FundingSplit.Af, "Gävle kommun", "Sandvikens kommun", "Hudiksvalls kommun", "Bollnäs kommun"];
        string[] substituteParties = ["Region Gävleborg", FundingSplit.Fk, FundingSplit.Af, "Hofors kommun", "Ovanåkers kommun", "Ljusdals kommun", "Nordanstigs kommun"];
        var names = new NameSource(17);
        for (var i = 0; i < 7; i++)
            board.Members.Add(new GroupMember { PersonName = names.Next(), Party = ordinaryParties[i], Role = i == 0 ? MemberRole.Chair : i == 1 ? MemberRole.ViceChair : MemberRole.Member });
        foreach (var party in substituteParties)
            board.Members.Add(new GroupMember { PersonName = names.Next(), Party = party, Role = MemberRole.Substitute });
        foreach (var party in new[] { "Ockelbo kommun", "Söderhamns kommun" })
            board.Members.Add(new GroupMember { PersonName = names.Next(), Party = party, Role = MemberRole.Adjunct });
        return board;
    }

    private static IEnumerable<CollaborationGroup> MysamGroups(int associationId)
    {
        // Seats per group from seed 004, table 1; Ovanåker's group was formed after the count, so it is given six.
        (string Name, string Codes, int Seats)[] groups =
        [
            ("Mysam Hudiksvall/Nordanstig", "2184,2132", 17), ("Mysam Ljusdal", "2161", 14), ("Mysam Bollnäs", "2183", 15),
            ("Mysam Söderhamn", "2182", 14), ("Mysam Ockelbo", "2101", 7), ("Mysam Hofors", "2104", 9),
            ("Mysam Sandviken", "2181", 8), ("Mysam Gävle", "2180", 13), ("Mysam Ovanåker", "2121", 6),
        ];
        string[] parties = [FundingSplit.Fk, FundingSplit.Af, "Region Gävleborg (primärvård)", "Region Gävleborg (psykiatri)", "Kommunen (socialtjänst)", "Kommunen (arbetsmarknad)"];
        var names = new NameSource(3);
        foreach (var (name, codes, seats) in groups)
        {
            var group = new CollaborationGroup { AssociationId = associationId, Kind = GroupKind.LocalManagementGroup, Name = name, MunicipalityCodes = codes };
            for (var i = 0; i < seats; i++)
                group.Members.Add(new GroupMember { PersonName = names.Next(), Party = parties[i % parties.Length], Role = i == 0 ? MemberRole.Chair : MemberRole.Member });
            yield return group;
        }
    }

    /// <summary>Invented names, deterministic so the demo looks the same every time.</summary>
    private sealed class NameSource(int seed)
    {
        private static readonly string[] First = ["Anna", "Erik", "Maria", "Lars", "Karin", "Johan", "Eva", "Per", "Sara", "Mikael", "Lena", "Anders", "Elin", "Jonas", "Ingrid", "Ahmed", "Fatima", "Olle", "Sofia", "Nils"];
        private static readonly string[] Last = ["Andersson", "Berg", "Lindqvist", "Nyström", "Hedlund", "Sjöberg", "Eriksson", "Holm", "Forsberg", "Wallin", "Hassan", "Öberg", "Lund", "Strand", "Engström"];
        private int n = seed;

        public string Next()
        {
            n++;
            return $"{First[n * 7 % First.Length]} {Last[n * 11 % Last.Length]}";
        }
    }
}

using System.Text;
using Samordna.Web.Features.Measurement;

namespace Samordna.Web.Features.Demo;

/// <summary>
/// Demo survey rounds for Gävleborg: a 2016 staff baseline whose STRUKTUR answers per county part are those of
/// seed 004's table 4 (761 person-municipality records from 659 persons), a 2019 re-measurement, and a Spindeln
/// round. All other answers are generated (seeded, so always the same) and are not real data.
/// </summary>
public sealed class DemoSurveys(CreateRound createRound, ImportAnswers import, UnitGroupings groupings)
{
    private static readonly (string Part, string[] Municipalities, int Yes, int No)[] CountyParts =
    [
        ("Norra Hälsingland", ["Hudiksvall", "Nordanstig", "Ljusdal"], 66, 96),
        ("Södra Hälsingland", ["Bollnäs", "Söderhamn", "Ovanåker"], 69, 96),
        ("Västra Gästrikland", ["Sandviken", "Hofors", "Ockelbo"], 81, 138),
        ("Gävle", ["Gävle"], 66, 149),
    ];

    public async Task LoadAsync(int associationId)
    {
        // Gävleborg's four county parts (länsdelar), as seed 004 groups the municipalities.
        await groupings.SetAsync(associationId, "county_part", new UnitGroupingRequest("municipality",
            CountyParts.ToDictionary(p => p.Part, p => p.Municipalities.ToList())));
        var baseline = (await createRound.HandleAsync(associationId, new("gavleborg-2016-staff", "Baslinjemätning 2016 – operativ personal", null))).Value!;
        await import.HandleAsync(baseline.Id, "demo-baslinje-2016.csv", Staff(seed: 2016, lift: 0));
        var remeasurement = (await createRound.HandleAsync(associationId, new("gavleborg-2016-staff", "Ommätning 2019 – operativ personal", baseline.Id))).Value!;
        await import.HandleAsync(remeasurement.Id, "demo-ommatning-2019.csv", Staff(seed: 2019, lift: 0.6));
        var spindeln = (await createRound.HandleAsync(associationId, new("spindeln", "Spindeln 2018 – Mysamgrupperna", null))).Value!;
        await import.HandleAsync(spindeln.Id, "demo-spindeln-2018.csv", Spindeln(seed: 2018));
    }

    private static byte[] Staff(int seed, double lift)
    {
        var random = new Random(seed);
        var csv = new StringBuilder("record_id;respondent_id;unit:county_part;unit:municipality;KONTAKT;STRUKTUR;P1;P2;P3;P4;P5;P6;P7;P8;P9\n");
        var record = 0;
        foreach (var (part, municipalities, yes, no) in CountyParts)
        {
            for (var i = 0; i < yes + no; i++, record++)
            {
                csv.Append($"{record};{record % 659};{part};{municipalities[i % municipalities.Length]};Ja;{(i < yes ? "Ja" : "Nej")}");
                for (var item = 0; item < 9; item++) csv.Append(';').Append(Step(random, lift));
                csv.Append('\n');
            }
        }
        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    private static byte[] Spindeln(int seed)
    {
        var random = new Random(seed);
        string[] groups = ["Mysam Gävle", "Mysam Sandviken", "Mysam Bollnäs", "Mysam Hudiksvall/Nordanstig"];
        var csv = new StringBuilder("record_id;unit:group;S1;S2;S3;S4;S5;S6;S7;S8;S9\n");
        for (var r = 0; r < 48; r++)
        {
            csv.Append($"{r};{groups[r % groups.Length]}");
            for (var item = 0; item < 9; item++) csv.Append(';').Append(Math.Clamp((int)Math.Round(2.3 + Normal(random) * 0.9 + (item == 0 ? -0.8 : 0)), 0, 4));
            csv.Append('\n');
        }
        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    /// <summary>A six-step answer around "ofta", a little higher with lift; now and then "vet ej" or blank.</summary>
    private static string Step(Random random, double lift)
    {
        var roll = random.NextDouble();
        if (roll < 0.03) return "";
        if (roll < 0.07) return "Vet ej";
        return Math.Clamp((int)Math.Round(3.6 + lift + Normal(random) * 1.1), 1, 6).ToString();
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}

namespace Samordna.Core.Measurement;

/// <summary>
/// The scales of the instruments in the seed reports, with their exact Swedish labels (GUIDE §3).
/// Codes are stable; labels are never changed in place.
/// </summary>
public static class Scales
{
    private static readonly ScaleStep[] DontKnow = [new("vet-ej", "Vet ej")];

    /// <summary>Seed 004: six steps; "för det mesta" ranks above "ofta".</summary>
    public static readonly Scale Frequency6 = new("frequency6", "Hur ofta (sex steg)",
        [new("1", "Aldrig", 1), new("2", "Sällan", 2), new("3", "Ibland", 3), new("4", "Ofta", 4), new("5", "För det mesta", 5), new("6", "Alltid", 6)],
        DontKnow);

    public static readonly Scale Extent6 = new("extent6", "I vilken utsträckning (sex steg)",
        [new("1", "Inte alls", 1), new("2", "Till liten del", 2), new("3", "Delvis", 3), new("4", "Till stor del", 4), new("5", "Till mycket stor del", 5), new("6", "Helt och hållet", 6)],
        DontKnow);

    public static readonly Scale Importance5 = new("importance5", "Hur viktigt (fem steg)",
        [new("1", "Helt oviktigt", 1), new("2", "Ganska oviktigt", 2), new("3", "Varken viktigt eller oviktigt", 3), new("4", "Ganska viktigt", 4), new("5", "Mycket viktigt", 5)],
        []);

    /// <summary>Höglandet's "Spindeln" (seed 001): mycket dåligt 0 … mycket bra 4; the mean per item is drawn as a radar.</summary>
    public static readonly Scale Spindeln = new("spindeln5", "Spindeln (0–4)",
        [new("0", "Mycket dåligt", 0), new("1", "Dåligt", 1), new("2", "Varken bra eller dåligt", 2), new("3", "Bra", 3), new("4", "Mycket bra", 4)],
        [new("kan-ej-bedoma", "Kan ej bedöma")]);

    public static readonly Scale YesNo = new("yesno", "Ja eller nej", [new("nej", "Nej", 0), new("ja", "Ja", 1)], []);

    /// <summary>Höglandet's partner matrix (seed 001, fig. 12), reported collapsed in three.</summary>
    public static readonly Scale PartnerFrequency = new("partner-frequency5", "Hur ofta (partnermatris)",
        [new("1", "Aldrig", 1), new("2", "Sällan", 2), new("3", "Ibland", 3), new("4", "Ofta", 4), new("5", "Mycket ofta", 5)],
        [new("kan-ej-bedoma", "Kan ej bedöma")],
        [new("Mycket ofta/Ofta", ["5", "4"]), new("Ibland", ["3"]), new("Sällan/Aldrig", ["2", "1"])]);

    public static readonly Scale Satisfaction5 = new("satisfaction5", "Hur nöjd (partnermatris)",
        [new("1", "Mycket missnöjd", 1), new("2", "Ganska missnöjd", 2), new("3", "Varken nöjd eller missnöjd", 3), new("4", "Ganska nöjd", 4), new("5", "Mycket nöjd", 5)],
        [new("kan-ej-bedoma", "Kan ej bedöma")],
        [new("Nöjd", ["5", "4"]), new("Varken eller", ["3"]), new("Missnöjd", ["2", "1"])]);

    /// <summary>Which part of the welfare system a respondent works in (background question; no order).</summary>
    public static readonly Scale Operations = new("operations", "Verksamhetsområde",
        [new("fk", "Försäkringskassan"), new("af", "Arbetsförmedlingen"), new("primarvard", "Primärvård"), new("psykiatri", "Psykiatri"),
         new("socialtjanst", "Socialtjänst"), new("arbetsmarknad", "Kommunal arbetsmarknadsverksamhet"), new("ovrig-kommun", "Annan kommunal verksamhet"), new("ovrigt", "Övrigt")],
        []);

    public static IReadOnlyList<Scale> All { get; } = [Frequency6, Extent6, Importance5, Spindeln, YesNo, PartnerFrequency, Satisfaction5, Operations];

    public static Scale? Find(string code) => All.FirstOrDefault(s => s.Code == code);
}

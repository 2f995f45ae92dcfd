namespace Samordna.Web.Features.Measurement;

/// <summary>Swedish names of the usual unit attributes; others are shown as they were named in the import.</summary>
public static class UnitNames
{
    public static string Swedish(string attribute) => attribute switch
    {
        "municipality" => "Kommun",
        "county_part" => "Länsdel",
        "party" => "Part",
        "group" => "Grupp",
        "profession" => "Yrke",
        "respondent_kind" => "Svarandetyp",
        _ => attribute,
    };
}

namespace Samordna.Web.Data;

/// <summary>A municipality's population on 31 December of a year (SCB). Public data, shared by the whole installation.</summary>
public sealed class PopulationFigure
{
    public int Id { get; set; }
    public string MunicipalityCode { get; set; } = "";
    public int Year { get; set; }
    public long Population { get; set; }
}

namespace Samordna.Web.Data;

/// <summary>A municipality's population on 31 December of a year (SCB). Public data, shared by the whole installation.</summary>
public sealed class PopulationFigure
{
    public int Id { get; set; }
    public string MunicipalityCode { get; set; } = "";
    public int Year { get; set; }
    public long Population { get; set; }
}

/// <summary>
/// An association's consent to be compared with the others on this installation (aggregates only, with suppression).
/// The row exists while the association takes part; its administrator adds or removes it, and the audit trail keeps who and when.
/// </summary>
public sealed class ComparisonOptIn
{
    public int AssociationId { get; set; }
    public DateTime OptedInAt { get; set; }
    public string OptedInBy { get; set; } = "";
}

using Microsoft.EntityFrameworkCore;

namespace Samordna.Web.Data;

public sealed partial class SamordnaDb
{
    public DbSet<PopulationFigure> PopulationFigures => Set<PopulationFigure>();

    partial void ConfigureReports(ModelBuilder builder)
    {
        builder.Entity<PopulationFigure>(e =>
        {
            e.Property(p => p.MunicipalityCode).HasMaxLength(4);
            e.HasIndex(p => new { p.MunicipalityCode, p.Year }).IsUnique();
        });
    }
}

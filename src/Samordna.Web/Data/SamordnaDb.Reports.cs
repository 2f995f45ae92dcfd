using Microsoft.EntityFrameworkCore;

namespace Samordna.Web.Data;

public sealed partial class SamordnaDb
{
    public DbSet<PopulationFigure> PopulationFigures => Set<PopulationFigure>();
    public DbSet<ComparisonOptIn> ComparisonOptIns => Set<ComparisonOptIn>();

    partial void ConfigureReports(ModelBuilder builder)
    {
        builder.Entity<PopulationFigure>(e =>
        {
            e.Property(p => p.MunicipalityCode).HasMaxLength(4);
            e.HasIndex(p => new { p.MunicipalityCode, p.Year }).IsUnique();
        });
        builder.Entity<ComparisonOptIn>(e =>
        {
            e.HasKey(o => o.AssociationId);
            e.Property(o => o.AssociationId).ValueGeneratedNever();
            e.Property(o => o.OptedInBy).HasMaxLength(256);
            e.HasOne<Association>().WithOne().HasForeignKey<ComparisonOptIn>(o => o.AssociationId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}

using Microsoft.EntityFrameworkCore;

namespace Samordna.Web.Data;

public sealed partial class SamordnaDb
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    partial void ConfigureHardening(ModelBuilder builder)
    {
        // A new key is a security event worth a line in the installation's audit log; its material never is.
        builder.Entity<DataProtectionKey>(e =>
        {
            e.Property(k => k.FriendlyName).HasMaxLength(100);
            e.Property(k => k.Xml).HasAnnotation(AuditTrail.SecretAnnotation, true);
        });
    }
}

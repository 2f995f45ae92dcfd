using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Samordna.Web.Data;

namespace Samordna.Web.Hosting;

/// <summary>
/// Keeps the data-protection keys (which sign sign-in cookies, antiforgery tokens and two-factor state) in the
/// database, so every instance on the same database accepts what another issued. There is no package for this
/// in the mirror (Microsoft.AspNetCore.DataProtection.EntityFrameworkCore), and the interface is two methods.
/// </summary>
public sealed class DatabaseKeyRepository(IServiceProvider services, string legacyDirectory) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SamordnaDb>();
        var stored = db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList();
        if (stored.Count == 0 && ImportLegacyKeys(db) is { Count: > 0 } imported) stored = imported;
        return stored.Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SamordnaDb>();
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = Truncate(friendlyName), Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }

    /// <summary>
    /// Earlier releases kept the keys in data/keys. Copying them once means nobody is signed out and no open form
    /// is refused by the upgrade; the files can be deleted afterwards.
    /// </summary>
    private List<string> ImportLegacyKeys(SamordnaDb db)
    {
        if (!Directory.Exists(legacyDirectory)) return [];
        var files = Directory.GetFiles(legacyDirectory, "key-*.xml").Order(StringComparer.Ordinal).ToList();
        foreach (var file in files)
            db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = Truncate(Path.GetFileNameWithoutExtension(file)), Xml = XElement.Load(file).ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
        return db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList();
    }

    private static string Truncate(string? name) => (name ?? "")[..Math.Min((name ?? "").Length, 100)];
}

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Samordna.Web.Data;

/// <summary>Migration, backup and restore: the operator's side of the database.</summary>
public sealed class DatabaseMaintenance(SamordnaDb db, DatabaseConfiguration configuration)
{
    /// <summary>Applies every pending migration; returns their ids.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync()
    {
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        await db.Database.MigrateAsync();
        if (configuration.Provider == DatabaseProvider.Sqlite)
        {
            // WAL: readers never block the writer, and a crash loses no committed transaction.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
        return pending;
    }

    /// <summary>A consistent copy of the live SQLite database, taken with SQLite's online backup API.</summary>
    public void Backup(string outFile)
    {
        RequireSqlite("backup");
        var target = Path.GetFullPath(outFile);
        if (File.Exists(target)) throw new MaintenanceProblem($"Filen {target} finns redan. Välj ett nytt filnamn så att ingen tidigare säkerhetskopia skrivs över.");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        using var source = new SqliteConnection(configuration.ConnectionString);
        using var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString());
        source.Open();
        destination.Open();
        source.BackupDatabase(destination);
    }

    /// <summary>
    /// Replaces the live database with a backup, after saving the current one beside it so nothing is lost,
    /// then migrates the restored data to this version's schema.
    /// </summary>
    public async Task<string> RestoreAsync(string fromFile)
    {
        RequireSqlite("restore");
        var source = Path.GetFullPath(fromFile);
        if (!File.Exists(source)) throw new MaintenanceProblem($"Säkerhetskopian {source} finns inte.");
        using (var check = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
        {
            try
            {
                check.Open();
                using var command = check.CreateCommand();
                command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='__EFMigrationsHistory'";
                if (Convert.ToInt64(command.ExecuteScalar()) != 1) throw new MaintenanceProblem($"{source} är ingen säkerhetskopia av Samordna (migreringshistorik saknas).");
            }
            catch (SqliteException)
            {
                throw new MaintenanceProblem($"{source} är ingen SQLite-databas och kan inte återställas.");
            }
        }

        var saved = Path.Combine(Path.GetDirectoryName(configuration.SqliteFile!)!, $"samordna-fore-aterstallning-{DateTime.UtcNow:yyyyMMddHHmmss}.db");
        Backup(saved);
        using (var from = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
        using (var live = new SqliteConnection(configuration.ConnectionString))
        {
            from.Open();
            live.Open();
            from.BackupDatabase(live);
        }
        await MigrateAsync();
        return saved;
    }

    private void RequireSqlite(string verb)
    {
        if (configuration.Provider != DatabaseProvider.Sqlite)
            throw new MaintenanceProblem($"'{verb}' gäller den inbyggda SQLite-databasen. För PostgreSQL: använd pg_dump -Fc respektive pg_restore --clean, se docs/operations.md.");
    }
}

/// <summary>A maintenance step that cannot be done; the message tells the operator why and what to do.</summary>
public sealed class MaintenanceProblem(string message) : Exception(message);

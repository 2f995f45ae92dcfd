namespace Samordna.Web.Tests.Infrastructure;

/// <summary>
/// What this machine offers the tests. PostgreSQL and Chromium tests skip with a loud reason when absent,
/// unless SAMORDNA_REQUIRE_POSTGRES / SAMORDNA_REQUIRE_BROWSER is 1 (as in CI): then they run and fail.
/// </summary>
public static class TestEnvironment
{
    /// <summary>An Npgsql connection string for a role that may CREATE DATABASE, e.g.
    /// Host=127.0.0.1;Username=samordna;Password=samordna;Database=postgres</summary>
    public static string? PostgresAdminConnection => Environment.GetEnvironmentVariable("SAMORDNA_TEST_POSTGRES");

    public static bool PostgresRequired => Environment.GetEnvironmentVariable("SAMORDNA_REQUIRE_POSTGRES") == "1";

    public static string ChromiumPath => Environment.GetEnvironmentVariable("SAMORDNA_CHROMIUM") ?? "/usr/bin/chromium";

    public static bool BrowserRequired => Environment.GetEnvironmentVariable("SAMORDNA_REQUIRE_BROWSER") == "1";

    public static string? PostgresSkipReason =>
        PostgresAdminConnection is null && !PostgresRequired
            ? "*** HOPPAS ÖVER: PostgreSQL saknas. Sätt SAMORDNA_TEST_POSTGRES till en anslutningssträng (se README). CI kräver dessa tester. ***"
            : null;

    /// <summary>The full path of a program found on PATH, or null.</summary>
    public static string? OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program)).FirstOrDefault(File.Exists);

    public static string? PostgresToolsSkipReason =>
        (OnPath("pg_dump") is null || OnPath("pg_restore") is null) && !PostgresRequired
            ? "*** HOPPAS ÖVER: pg_dump eller pg_restore saknas i PATH. Installera Debian-paketet postgresql-client (CI har postgresql). CI kräver dessa tester. ***"
            : null;

    public static string? BrowserSkipReason =>
        !File.Exists(ChromiumPath) && !BrowserRequired
            ? $"*** HOPPAS ÖVER: Chromium saknas ({ChromiumPath}). Installera Debian-paketet chromium (se README). CI kräver dessa tester. ***"
            : null;
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Samordna.Bench;

/// <summary>
/// A fresh database for one benchmark run: an SQLite file in a new temporary folder, or a new PostgreSQL database
/// created from an administrative connection; both removed on disposal. Holds the command-line configuration that
/// points the server and the in-process preparation at it.
/// </summary>
public sealed class ScratchDatabase : IAsyncDisposable
{
    private readonly string? postgresAdmin;

    private ScratchDatabase(DirectoryInfo directory, string? postgresAdmin, string? postgresName, List<string> configuration)
    {
        Directory = directory;
        this.postgresAdmin = postgresAdmin;
        PostgresName = postgresName;
        Configuration = configuration;
    }

    public DirectoryInfo Directory { get; }
    public string? PostgresName { get; }
    public List<string> Configuration { get; }
    public string Description => PostgresName is null ? "SQLite (WAL) in " + Directory.FullName : "PostgreSQL " + PostgresName;

    public static async Task<ScratchDatabase> CreateAsync(string prefix, string? postgresAdmin)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory($"samordna-{prefix}-");
        var configuration = new List<string> { $"--Samordna:DataDirectory={directory.FullName}" };
        if (postgresAdmin is null) return new ScratchDatabase(directory, null, null, configuration);
        var name = $"samordna_{prefix}_" + Guid.NewGuid().ToString("N")[..12];
        await AdminAsync(postgresAdmin, $"CREATE DATABASE {name}");
        configuration.Add("--Samordna:Database:Provider=Postgres");
        configuration.Add($"--ConnectionStrings:Samordna={new NpgsqlConnectionStringBuilder(postgresAdmin) { Database = name }}");
        return new ScratchDatabase(directory, postgresAdmin, name, configuration);
    }

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        if (PostgresName is not null) await AdminAsync(postgresAdmin!, $"DROP DATABASE IF EXISTS {PostgresName} WITH (FORCE)");
        try { Directory.Delete(recursive: true); } catch (IOException) { }
    }

    private static async Task AdminAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>
/// The server as a separate process (Samordna.Web.dll beside this one) on a loopback port, its output appended to a
/// log file, with the survey form's per-address rate limit lifted: every simulated respondent shares 127.0.0.1.
/// </summary>
public sealed class ChildServer : IDisposable
{
    private readonly Process process;

    private ChildServer(Process process) => this.process = process;

    public int ProcessId => process.Id;

    public static string FreeLoopbackAddress()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
    }

    public static ChildServer Start(IEnumerable<string> configuration, string address, string log)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Samordna.Web.dll"));
        foreach (var argument in configuration) info.ArgumentList.Add(argument);
        info.ArgumentList.Add($"--urls={address}");
        info.ArgumentList.Add("--Logging:LogLevel:Default=Warning");
        info.ArgumentList.Add("--Samordna:RateLimits:Survey:Limit=100000000");
        info.ArgumentList.Add("--Samordna:RateLimits:Api:Limit=100000000");
        var process = Process.Start(info)!;
        var writer = TextWriter.Synchronized(new StreamWriter(log, append: true) { AutoFlush = true });
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) writer.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) writer.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ChildServer(process);
    }

    public async Task WaitHealthyAsync(string address)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (process.HasExited) throw new InvalidOperationException($"Servern avslutades med kod {process.ExitCode}; se server.log.");
            try
            {
                if ((await client.GetAsync($"{address}/health")).IsSuccessStatusCode) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException("Servern svarade inte på /health inom 60 sekunder.");
    }

    /// <summary>Process.Kill sends SIGKILL on Linux.</summary>
    public void Kill()
    {
        if (process.HasExited) return;
        process.Kill();
        process.WaitForExit();
    }

    /// <summary>Never leaves the server running behind a benchmark that failed.</summary>
    public void Dispose()
    {
        Kill();
        process.Dispose();
    }
}

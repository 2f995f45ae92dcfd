namespace Samordna.Web.Hosting;

/// <summary>The "Samordna" configuration section (environment: Samordna__DataDirectory and so on).</summary>
public sealed class SamordnaOptions
{
    /// <summary>Where the SQLite file and the data-protection keys live.</summary>
    public string DataDirectory { get; set; } = "./data";

    public DatabaseOptions Database { get; set; } = new();

    /// <summary>Load the demo association on start (the --demo option sets this).</summary>
    public bool Demo { get; set; }
}

public sealed class DatabaseOptions
{
    /// <summary>"Sqlite" (default, embedded) or "Postgres" (with ConnectionStrings:Samordna).</summary>
    public string Provider { get; set; } = "Sqlite";
}

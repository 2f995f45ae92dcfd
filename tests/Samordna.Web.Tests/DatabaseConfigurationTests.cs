using Microsoft.Extensions.Configuration;
using Npgsql;
using Samordna.Web.Data;

namespace Samordna.Web.Tests;

/// <summary>How the configuration becomes a connection: PostgreSQL's pool stays below the server's connection limit.</summary>
public sealed class DatabaseConfigurationTests
{
    private static DatabaseConfiguration Postgres(string connectionString) => DatabaseConfiguration.From(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Samordna:Database:Provider"] = "Postgres", ["ConnectionStrings:Samordna"] = connectionString,
    }).Build());

    [Fact]
    public void Without_a_pool_size_one_instance_opens_at_most_thirty_postgres_connections()
    {
        var configured = new NpgsqlConnectionStringBuilder(Postgres("Host=db;Database=samordna;Username=s;Password=hemligt").ConnectionString);
        Assert.Equal(30, configured.MaxPoolSize);
        Assert.Equal("hemligt", configured.Password);
        Assert.Equal("samordna", configured.Database);
    }

    [Theory]
    [InlineData("Host=db;Database=samordna;Maximum Pool Size=80")]
    [InlineData("Host=db;Database=samordna;maximum pool size=80")]
    [InlineData("Host=db;Database=samordna;MaxPoolSize=80")]
    public void A_pool_size_in_the_connection_string_wins(string connectionString) =>
        Assert.Equal(80, new NpgsqlConnectionStringBuilder(Postgres(connectionString).ConnectionString).MaxPoolSize);

    [Theory]
    [InlineData("Host=db;Database=samordna", 50)]
    [InlineData("Host=db;Database=samordna;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;Database=samordna;maxautoprepare=7", 7)]
    public void Repeated_statements_are_prepared_unless_the_connection_string_says_otherwise(string connectionString, int expected) =>
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(Postgres(connectionString).ConnectionString).MaxAutoPrepare);
}

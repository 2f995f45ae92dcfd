using System.Data.Common;

namespace Samordna.Bench;

/// <summary>How the generators write their bulk SQL: long statements, with the generous timeout national-scale data needs.</summary>
public static class GeneratedData
{
    public static async Task Execute(DbConnection connection, DbTransaction? transaction, string sql)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync();
    }
}

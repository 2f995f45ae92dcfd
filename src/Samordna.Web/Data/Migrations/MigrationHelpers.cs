using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Samordna.Web.Data.Migrations;

/// <summary>
/// Hand-written migrations serve both providers: columns carry no store type (each provider maps the CLR type),
/// and generated keys carry both providers' annotations (each ignores the other's).
/// </summary>
internal static class MigrationHelpers
{
    public static OperationBuilder<AddColumnOperation> Identity<T>(this ColumnsBuilder table) =>
        table.Column<T>(nullable: false)
            .Annotation("Sqlite:Autoincrement", true)
            .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

    /// <summary>Existing rows need a value; the model has no default, so PostgreSQL drops it again (SQLite's schema ignores it).</summary>
    public static void AddRequired<T>(this MigrationBuilder m, string table, string column, T value, int? maxLength = null)
    {
        m.AddColumn<T>(name: column, table: table, maxLength: maxLength, nullable: false, defaultValue: value);
        if (m.IsNpgsql()) m.Sql($"ALTER TABLE \"{table}\" ALTER COLUMN \"{column}\" DROP DEFAULT");
    }
}

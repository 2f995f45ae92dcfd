using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Samordna.Core.Funding;
using Samordna.Web.Data;
using Samordna.Web.Data.Migrations;
using Samordna.Web.Features.Measurement;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Web.Tests;

/// <summary>The hand-written migrations: they build the model's schema exactly, and upgrades keep data.</summary>
public abstract class MigrationTests(DatabaseProvider provider)
{
    [EnvironmentFact]
    public async Task Migrations_build_exactly_the_schema_the_model_describes()
    {
        await using var migrated = await TestDatabase.CreateAsync(provider);
        await using var created = await TestDatabase.CreateAsync(provider);
        await using (var db = migrated.Context()) await db.Database.MigrateAsync();
        await using (var db = created.Context()) await db.Database.EnsureCreatedAsync();

        var fromMigrations = await SchemaAsync(migrated);
        var fromModel = await SchemaAsync(created);

        Assert.NotEmpty(fromModel);
        // Name the differing lines: a long sorted list hides them in the default message.
        Assert.True(fromModel.SequenceEqual(fromMigrations),
            "Bara i modellen:\n" + string.Join("\n", fromModel.Except(fromMigrations)) + "\nBara i migreringarna:\n" + string.Join("\n", fromMigrations.Except(fromModel)));
    }

    [EnvironmentFact]
    public async Task Upgrading_from_the_first_migration_to_the_newest_keeps_the_data()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.Context())
        {
            await db.GetService<IMigrator>().MigrateAsync(M0001_Foundation.Id);
            Assert.Equal([M0001_Foundation.Id], await db.Database.GetAppliedMigrationsAsync());
            // Data as the first release wrote it, in plain SQL so the test does not depend on today's model.
            var t = provider == DatabaseProvider.Postgres ? "TRUE" : "1";
            var f = provider == DatabaseProvider.Postgres ? "FALSE" : "0";
            var now = "'2025-01-15 10:00:00'";
            foreach (var sql in new[]
            {
                $"INSERT INTO \"AspNetUsers\" (\"Id\",\"DisplayName\",\"CreatedAt\",\"UserName\",\"NormalizedUserName\",\"Email\",\"NormalizedEmail\",\"EmailConfirmed\",\"PhoneNumberConfirmed\",\"TwoFactorEnabled\",\"LockoutEnabled\",\"AccessFailedCount\") VALUES ('u1','Anna',{now},'anna@test.se','ANNA@TEST.SE','anna@test.se','ANNA@TEST.SE',{t},{f},{f},{t},0)",
                $"INSERT INTO \"Associations\" (\"Name\",\"OrganisationNumber\",\"StartDate\",\"IsDemo\",\"CreatedAt\") VALUES ('Samordningsförbund Gävleborg','222000-9993','2016-01-01',{f},{now})",
                "INSERT INTO \"MemberParties\" (\"AssociationId\",\"Kind\",\"Name\",\"CountyCode\",\"MunicipalityCode\") VALUES (1,'Fk','Försäkringskassan',NULL,NULL)",
                "INSERT INTO \"MemberParties\" (\"AssociationId\",\"Kind\",\"Name\",\"CountyCode\",\"MunicipalityCode\") VALUES (1,'Region','Region Gävleborg','21',NULL)",
                "INSERT INTO \"MemberParties\" (\"AssociationId\",\"Kind\",\"Name\",\"CountyCode\",\"MunicipalityCode\") VALUES (1,'Municipality','Gävle kommun','21','2180')",
                $"INSERT INTO \"RoleAssignments\" (\"UserId\",\"AssociationId\",\"Role\",\"GrantedAt\") VALUES ('u1',1,'BoardMember',{now})",
                $"INSERT INTO \"AuditEntries\" (\"At\",\"Actor\",\"AssociationId\",\"Action\",\"Entity\",\"EntityKey\",\"Changes\") VALUES ({now},'system',1,'Skapad','Association','1','{{{{}}}}')",
            })
            {
                await db.Database.ExecuteSqlRawAsync(sql);
            }
        }

        await using (var db = database.Context())
        {
            await db.Database.MigrateAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());

            var association = await db.Associations.Include(a => a.Members).SingleAsync();
            Assert.Equal("Samordningsförbund Gävleborg", association.Name);
            Assert.Equal(new DateOnly(2016, 1, 1), association.StartDate);
            Assert.Equal(3, association.Members.Count);
            Assert.Equal(Core.Access.Role.BoardMember, (await db.RoleAssignments.SingleAsync()).Role);
            Assert.Equal("anna@test.se", (await db.Users.SingleAsync()).Email);
            Assert.Equal(1, await db.AuditEntries.CountAsync());

            // The tables the newer migration added work with the old rows.
            db.FundingYears.Add(new FundingYear { AssociationId = association.Id, Year = 2017, Total = 9_000_000, Key = FundingKeyKind.Equal });
            await db.SaveChangesAsync();
            Assert.Equal(9_000_000, (await db.FundingYears.SingleAsync()).Total);
        }
    }

    [EnvironmentFact]
    public async Task Upgrading_the_previous_release_with_a_survey_years_data_keeps_every_row_and_the_results()
    {
        // The previous release ended at M0007 (M0008 is the interventions release). Its database holds what an
        // association has after a baseline and a follow-up survey: rounds, register, drafts, records, answers,
        // comments, unit groupings, funding with its key, accounts, tokens and the audit log.
        await using var database = await TestDatabase.CreateAsync(provider);
        var data = new PreviousReleaseData(provider);
        await using (var db = database.Context())
        {
            await db.GetService<IMigrator>().MigrateAsync(M0007_RespondentKinds.Id);
            // Braces doubled: ExecuteSqlRaw reads {0} as a parameter, and the JSON columns are full of braces.
            foreach (var sql in data.Statements()) await db.Database.ExecuteSqlRawAsync(sql.Replace("{", "{{").Replace("}", "}}"));
        }
        List<string> before;
        Dictionary<string, List<string>> columns;
        await using (var db = database.Context())
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            columns = await ColumnsAsync(connection);
            before = await RowsAsync(connection, columns);
        }
        Assert.True(before.Count(r => r.StartsWith("SurveyAnswers:")) > 2_000);

        await using (var db = database.Context())
        {
            await db.Database.MigrateAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            // Every row and every column the previous release had is there with the same value.
            var after = await RowsAsync(connection, columns);
            Assert.True(before.SequenceEqual(after), "Bara före:\n" + string.Join("\n", before.Except(after).Take(20)) + "\nBara efter:\n" + string.Join("\n", after.Except(before).Take(20)));
        }

        // Today's code reads the old rows: the follow-up's results count every record, with answers by kind of answer.
        await using (var db = database.Context())
        {
            var results = await new MeasurementResults(db, new MeasurementOptions(), new UnitGroupings(db), TimeProvider.System).ResultsAsync(PreviousReleaseData.FollowUp, null);
            var p1 = Assert.Single(results!.Items.Single(i => i.Code == "P1").Groups);
            Assert.Equal(data.Records(PreviousReleaseData.FollowUp), p1.N);
            Assert.Equal(data.Substantive(PreviousReleaseData.FollowUp, "P1"), p1.ValidBase);
            Assert.Equal(data.Records(PreviousReleaseData.FollowUp), p1.ValidBase + p1.NonSubstantive + p1.Blank);
            var draft = await db.SurveyDrafts.SingleAsync(d => d.TokenHash == PreviousReleaseData.DraftTokenHash);
            Assert.Equal("ja", System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(draft.Answers)!["KONTAKT"]);
            Assert.Equal(9_500_000, (await db.FundingYears.SingleAsync()).Total);
        }
    }

    [EnvironmentFact]
    public async Task Structures_migration_turns_the_foundations_swedish_kinds_and_roles_into_codes()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.Context())
        {
            await db.GetService<IMigrator>().MigrateAsync(M0007_RespondentKinds.Id);
            var f = provider == DatabaseProvider.Postgres ? "FALSE" : "0";
            foreach (var sql in new[]
            {
                $"INSERT INTO \"Associations\" (\"Name\",\"OrganisationNumber\",\"StartDate\",\"IsDemo\",\"CreatedAt\") VALUES ('F','222000-9993','2016-01-01',{f},'2025-01-15 10:00:00')",
                "INSERT INTO \"CollaborationGroups\" (\"AssociationId\",\"Kind\",\"Name\",\"MunicipalityCodes\") VALUES (1,'Styrelse','Styrelsen',NULL)",
                "INSERT INTO \"CollaborationGroups\" (\"AssociationId\",\"Kind\",\"Name\",\"MunicipalityCodes\") VALUES (1,'Lokal ledningsgrupp','Mysam Gävle','2180')",
                "INSERT INTO \"CollaborationGroups\" (\"AssociationId\",\"Kind\",\"Name\",\"MunicipalityCodes\") VALUES (1,'Något annat','Fika',NULL)",
                "INSERT INTO \"GroupMembers\" (\"GroupId\",\"PersonName\",\"Party\",\"Role\") VALUES (1,'A','FK','Ordförande')",
                "INSERT INTO \"GroupMembers\" (\"GroupId\",\"PersonName\",\"Party\",\"Role\") VALUES (1,'B','AF','Ersättare')",
                "INSERT INTO \"GroupMembers\" (\"GroupId\",\"PersonName\",\"Party\",\"Role\") VALUES (2,'C','AF','Sammankallande')",
                "INSERT INTO \"GroupMembers\" (\"GroupId\",\"PersonName\",\"Party\",\"Role\") VALUES (2,'D','AF','Kassör')",
            })
                await db.Database.ExecuteSqlRawAsync(sql);
        }
        await using (var db = database.Context())
        {
            await db.Database.MigrateAsync();
            var groups = await db.CollaborationGroups.OrderBy(g => g.Id).ToListAsync();
            Assert.Equal([Core.Structures.GroupKind.Board, Core.Structures.GroupKind.LocalManagementGroup, Core.Structures.GroupKind.Network], groups.Select(g => g.Kind));
            Assert.All(groups, g => Assert.Equal(Core.Structures.QuorumRule.None, g.QuorumRule));
            var members = await db.GroupMembers.OrderBy(m => m.Id).ToListAsync();
            Assert.Equal([Core.Structures.MemberRole.Chair, Core.Structures.MemberRole.Substitute, Core.Structures.MemberRole.Chair, Core.Structures.MemberRole.Member], members.Select(m => m.Role));
            Assert.All(members, m => Assert.False(m.HasDecisionMandate));
        }
    }

    /// <summary>Every table's columns in order, leaving out the migrations' own bookkeeping.</summary>
    private static async Task<Dictionary<string, List<string>>> ColumnsAsync(DbConnection connection)
    {
        var rows = connection is Microsoft.Data.Sqlite.SqliteConnection
            ? await QueryAsync(connection, "SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT IN ('__EFMigrationsHistory','__EFMigrationsLock','sqlite_sequence') ORDER BY m.name, p.cid")
            : await QueryAsync(connection, "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name NOT IN ('__EFMigrationsHistory','__EFMigrationsLock') ORDER BY table_name, ordinal_position");
        return rows.GroupBy(r => r[0]).ToDictionary(g => g.Key, g => g.Select(r => r[1]).ToList());
    }

    /// <summary>The rows of the given tables and columns as text lines, in a stable order.</summary>
    private static async Task<List<string>> RowsAsync(DbConnection connection, Dictionary<string, List<string>> columns)
    {
        var lines = new List<string>();
        foreach (var (table, names) in columns.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var select = $"SELECT {string.Join(", ", names.Select(n => $"\"{n}\""))} FROM \"{table}\" ORDER BY {string.Join(", ", names.Select((_, i) => i + 1))}";
            lines.AddRange((await QueryAsync(connection, select, nullAs: "NULL")).Select(r => $"{table}: {string.Join(" | ", r)}"));
        }
        return lines;
    }

    /// <summary>Tables, columns with types and nullability, indexes and foreign keys, as sorted text lines.</summary>
    private static async Task<List<string>> SchemaAsync(TestDatabase database)
    {
        await using var db = database.Context();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var lines = database.Provider == DatabaseProvider.Sqlite ? await SqliteSchemaAsync(connection) : await PostgresSchemaAsync(connection);
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static async Task<List<string>> SqliteSchemaAsync(DbConnection connection)
    {
        var lines = new List<string>();
        var tables = await QueryAsync(connection, "SELECT name FROM sqlite_master WHERE type='table' AND name NOT IN ('__EFMigrationsHistory','__EFMigrationsLock','sqlite_sequence')");
        foreach (var table in tables.Select(r => r[0]))
        {
            lines.Add($"table {table}");
            foreach (var c in await QueryAsync(connection, $"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{table}')"))
                lines.Add($"column {table}.{c[0]} {c[1]} notnull={c[2]} pk={c[3]}");
            foreach (var i in await QueryAsync(connection, $"SELECT name, \"unique\" FROM pragma_index_list('{table}') WHERE origin = 'c'"))
            {
                var columns = await QueryAsync(connection, $"SELECT name FROM pragma_index_info('{i[0]}') ORDER BY seqno");
                lines.Add($"index {table}.{i[0]} unique={i[1]} ({string.Join(",", columns.Select(x => x[0]))})");
            }
            foreach (var fk in await QueryAsync(connection, $"SELECT \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('{table}')"))
                lines.Add($"fk {table}.{fk[1]} -> {fk[0]}.{fk[2]} {fk[3]}");
        }
        var autoincrement = await QueryAsync(connection, "SELECT name, sql LIKE '%AUTOINCREMENT%' FROM sqlite_master WHERE type='table' AND name NOT IN ('__EFMigrationsHistory','__EFMigrationsLock','sqlite_sequence')");
        lines.AddRange(autoincrement.Select(a => $"autoincrement {a[0]} {a[1]}"));
        return lines;
    }

    private static async Task<List<string>> PostgresSchemaAsync(DbConnection connection)
    {
        var lines = new List<string>();
        foreach (var c in await QueryAsync(connection, """
            SELECT table_name, column_name, data_type, coalesce(character_maximum_length::text, ''), is_nullable,
                   coalesce(numeric_precision::text, ''), coalesce(numeric_scale::text, ''), coalesce(is_identity, ''), coalesce(column_default, '')
            FROM information_schema.columns WHERE table_schema = 'public' AND table_name NOT IN ('__EFMigrationsHistory','__EFMigrationsLock')
            """))
            lines.Add($"column {c[0]}.{c[1]} {c[2]}({c[3]}) nullable={c[4]} numeric={c[5]},{c[6]} identity={c[7]} default={c[8]}");
        foreach (var i in await QueryAsync(connection, "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename NOT IN ('__EFMigrationsHistory','__EFMigrationsLock')"))
            lines.Add($"index {i[0]}.{i[1]} {i[2]}");
        foreach (var k in await QueryAsync(connection, """
            SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint
            WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text NOT IN ('"__EFMigrationsHistory"','"__EFMigrationsLock"')
            """))
            lines.Add($"constraint {k[0]}.{k[1]} {k[2]}");
        return lines;
    }

    private static async Task<List<string[]>> QueryAsync(DbConnection connection, string sql, string nullAs = "")
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? nullAs : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!).ToArray());
        return rows;
    }
}

public sealed class SqliteMigrationTests() : MigrationTests(DatabaseProvider.Sqlite);

public sealed class PostgresMigrationTests() : MigrationTests(DatabaseProvider.Postgres), INeedsPostgres;

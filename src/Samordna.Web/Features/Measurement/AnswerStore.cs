using System.Data.Common;
using System.Text;
using Samordna.Web.Data;

namespace Samordna.Web.Features.Measurement;

/// <summary>A personal link as the respondent's form needs it: the round and its revision, the person's kind and units, the draft.</summary>
public sealed record OpenLink(int RoundId, string? Kind, int RoundRevision, List<KeyValuePair<string, string>> Units, string? Draft);

/// <summary>
/// The respondent's reads and writes in plain SQL, the same on SQLite and PostgreSQL but for one row lock on PostgreSQL
/// (<see cref="SaveDraftAsync"/>). This path runs on every page of every respondent, and through EF its queries, change
/// tracking and one INSERT per answer were half of the server's time per submitted page (measured: docs/benchmarks.md, answer submissions; docs/decisions.md). The tables are
/// still EF's (the migrations create them); nothing here is audited row by row, as the model says of these tables.
/// </summary>
public sealed class AnswerStore(DatabaseConfiguration database, SqliteWriteGate writeGate)
{
    private const string FindLinkSql = """
        SELECT i."RoundId", i."Kind", r."Revision", d."Answers"
        FROM "SurveyInvitations" i
        JOIN "SurveyRounds" r ON r."Id" = i."RoundId"
        LEFT JOIN "SurveyDrafts" d ON d."TokenHash" = i."TokenHash"
        WHERE i."TokenHash" = @hash;
        SELECT u."Attribute", u."Value"
        FROM "SurveyInvitationUnits" u JOIN "SurveyInvitations" i ON i."Id" = u."InvitationId"
        WHERE i."TokenHash" = @hash;
        """;

    /// <summary>The link with this token hash, or null when there is none (never sent, or already used).</summary>
    public async Task<OpenLink?> FindLinkAsync(string hash)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var command = Command(connection, FindLinkSql, ("hash", hash));
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync()) return null;
        var link = new OpenLink(reader.GetInt32(0), Text(reader, 1), reader.GetInt32(2), [], Text(reader, 3));
        await reader.NextResultAsync();
        while (await reader.ReadAsync()) link.Units.Add(KeyValuePair.Create(reader.GetString(0), reader.GetString(1)));
        return link;
    }

    /// <summary>
    /// Writes the draft of the link, replacing the one before, only while the link is open: a step saved just after
    /// the same link was submitted or excluded (a double click, a second tab) must not leave answers behind in a draft.
    /// </summary>
    public async Task SaveDraftAsync(int roundId, string hash, string answers)
    {
        // PostgreSQL writes side by side, so the open link is locked while its draft is written: a submission claiming
        // it at that moment finishes first and the draft then finds it used. SQLite has one writer at a time anyway.
        var lockLink = database.Provider == DatabaseProvider.Postgres ? " FOR UPDATE" : "";
        using var turn = await writeGate.EnterAsync();
        await using var connection = await database.OpenConnectionAsync();
        await using var command = Command(connection, $"""
            INSERT INTO "SurveyDrafts" ("RoundId", "TokenHash", "Answers", "UpdatedAt")
            SELECT @round, @hash, @answers, @now
            WHERE EXISTS (SELECT 1 FROM "SurveyInvitations" WHERE "TokenHash" = @hash AND NOT "Answered" AND NOT "Excluded"{lockLink})
            ON CONFLICT ("TokenHash") DO UPDATE SET "Answers" = excluded."Answers", "UpdatedAt" = excluded."UpdatedAt";
            """, ("round", roundId), ("hash", hash), ("answers", answers), ("now", DateTime.UtcNow));
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Whether at least <paramref name="atLeast"/> invitations of the round share this unit value (or this respondent
    /// kind): it stops counting there, so the cost does not grow with the register.
    /// </summary>
    public async Task<bool> SharedByAsync(int roundId, string attribute, string value, int atLeast)
    {
        var sharing = attribute == Distribution.KindAttribute
            ? """SELECT 1 FROM "SurveyInvitations" i WHERE i."RoundId" = @round AND i."Kind" = @value"""
            : """
              SELECT 1 FROM "SurveyInvitations" i WHERE i."RoundId" = @round AND EXISTS (SELECT 1 FROM "SurveyInvitationUnits" u
                  WHERE u."InvitationId" = i."Id" AND u."Attribute" = @attribute AND u."Value" = @value)
              """;
        await using var connection = await database.OpenConnectionAsync();
        await using var command = Command(connection, $"SELECT COUNT(*) FROM ({sharing} LIMIT @atLeast) shared",
            ("round", roundId), ("attribute", attribute), ("value", value), ("atLeast", atLeast));
        return Convert.ToInt32(await command.ExecuteScalarAsync()) >= atLeast;
    }

    /// <summary>
    /// Claims the link and writes its records in one transaction, removing the draft; false when the link was
    /// claimed meanwhile (a double click), and then nothing is written.
    /// </summary>
    public async Task<bool> SubmitAsync(string hash, IReadOnlyList<SurveyRecord> records)
    {
        using var turn = await writeGate.EnterAsync();
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        // Of two simultaneous submissions only one changes the row.
        await using (var claim = Command(connection, """
            UPDATE "SurveyInvitations" SET "Answered" = TRUE, "TokenHash" = NULL, "Revision" = "Revision" + 1
            WHERE "TokenHash" = @hash AND NOT "Answered";
            """, ("hash", hash)))
        {
            claim.Transaction = transaction;
            if (await claim.ExecuteNonQueryAsync() != 1) return false;
        }
        // The draft goes with the first record's statement: one round trip fewer.
        var removeDraft = """DELETE FROM "SurveyDrafts" WHERE "TokenHash" = @hash;""";
        foreach (var record in records)
        {
            await using var insert = Command(connection, removeDraft + """
                INSERT INTO "SurveyRecords" ("RoundId", "RespondentKey", "SubmittedOn") VALUES (@round, @key, @day) RETURNING "Id";
                """, ("hash", hash), ("round", record.RoundId), ("key", record.RespondentKey), ("day", record.SubmittedOn));
            insert.Transaction = transaction;
            var id = Convert.ToInt64(await insert.ExecuteScalarAsync());
            removeDraft = "";
            await using var rows = RecordRows(connection, id, record);
            rows.Transaction = transaction;
            await rows.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
        return true;
    }

    /// <summary>A record's answers, units and comments as one multi-row INSERT each, in one command.</summary>
    private static DbCommand RecordRows(DbConnection connection, long recordId, SurveyRecord record)
    {
        var command = connection.CreateCommand();
        var sql = new StringBuilder();
        Add(command, "record", recordId);
        Values(command, sql, "a", "SurveyAnswers", "ItemCode", "Value", record.Answers.Select(a => (a.ItemCode, a.Value)).ToList());
        Values(command, sql, "u", "SurveyRecordUnits", "Attribute", "Value", record.Units.Select(u => (u.Attribute, (string?)u.Value)).ToList());
        Values(command, sql, "c", "SurveyComments", "ItemCode", "Text", record.Comments.Select(c => (c.ItemCode, (string?)c.Text)).ToList());
        command.CommandText = sql.ToString();
        return command;
    }

    /// <summary>Appends one INSERT of the rows; <paramref name="prefix"/> keeps the parameter names apart within the command.</summary>
    private static void Values(DbCommand command, StringBuilder sql, string prefix, string table, string first, string second, List<(string First, string? Second)> rows)
    {
        if (rows.Count == 0) return;
        sql.Append($"INSERT INTO \"{table}\" (\"RecordId\", \"{first}\", \"{second}\") VALUES ");
        for (var i = 0; i < rows.Count; i++)
        {
            sql.Append(i == 0 ? "" : ", ").Append($"(@record, @{prefix}{i}a, @{prefix}{i}b)");
            Add(command, $"{prefix}{i}a", rows[i].First);
            Add(command, $"{prefix}{i}b", rows[i].Second);
        }
        sql.Append(";\n");
    }

    private static DbCommand Command(DbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) Add(command, name, value);
        return command;
    }

    private static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    private static string? Text(DbDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);
}

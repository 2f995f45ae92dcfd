using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Import;
using Samordna.Core.Measurement;
using Samordna.Web.Data;

namespace Samordna.Web.Features.Measurement;

public sealed record ImportResult(int Imported, IReadOnlyList<ImportError> Errors);

/// <summary>
/// Imports an earlier round's raw answers, all or nothing. The file's record ids are not stored (they may lead
/// back to the other tool's respondents); a respondent id is replaced by a random key, enough to count persons.
/// </summary>
public sealed class ImportAnswers(SamordnaDb db, AuditActor actor)
{
    public async Task<ImportResult?> HandleAsync(int roundId, string fileName, byte[] content)
    {
        var round = await db.SurveyRounds.Include(r => r.Instrument).SingleOrDefaultAsync(r => r.Id == roundId);
        if (round is null) return null;
        var (table, fileErrors) = ImportTable.Read(fileName, content);
        if (table is null) return new ImportResult(0, fileErrors);
        var (records, errors) = AnswerImport.Read(InstrumentBank.Definition(round.Instrument!), table);
        if (errors.Count > 0) return new ImportResult(0, errors);

        // A random key per distinct respondent id, forgotten after the import: a hash of the id could be guessed back.
        var keys = records.Where(r => r.RespondentId is not null).Select(r => r.RespondentId!).Distinct()
            .ToDictionary(id => id, _ => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync();
        foreach (var chunk in records.Chunk(500))
        {
            foreach (var r in chunk)
            {
                db.SurveyRecords.Add(new SurveyRecord
                {
                    RoundId = roundId,
                    RespondentKey = r.RespondentId is null ? null : keys[r.RespondentId],
                    Units = r.Units.Where(u => u.Value.Length > 0).Select(u => new SurveyRecordUnit { Attribute = u.Key, Value = u.Value }).ToList(),
                    Answers = r.Answers.SelectMany(a => a.Value.Count == 0
                        ? [new SurveyAnswer { ItemCode = a.Key, Value = null }]
                        : a.Value.Select(v => new SurveyAnswer { ItemCode = a.Key, Value = v })).ToList(),
                });
            }
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        // One summary entry for the import; the answers themselves are not audited row by row (anonymity).
        db.AuditEntries.Add(new AuditEntry
        {
            At = DateTime.UtcNow, UserId = actor.UserId, Actor = actor.Name, AssociationId = round.AssociationId,
            Action = "Importerad", Entity = nameof(SurveyRound), EntityKey = roundId.ToString(),
            Changes = $"{{\"records\":{records.Count},\"file\":{System.Text.Json.JsonSerializer.Serialize(Path.GetFileName(fileName))}}}",
        });
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return new ImportResult(records.Count, []);
    }

}

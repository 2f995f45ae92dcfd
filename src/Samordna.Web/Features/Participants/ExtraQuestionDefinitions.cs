using Microsoft.EntityFrameworkCore;
using Samordna.Core.Common;
using Samordna.Core.Participants;
using Samordna.Web.Data;
using Samordna.Web.Features.Shared;

namespace Samordna.Web.Features.Participants;

/// <summary>A question as sent; the revision is the one read (required when changing, absent when creating).</summary>
public sealed record ExtraQuestionRequest(string? Code, string? Wording, string? Kind, IReadOnlyList<string>? Choices = null, int? MaxLength = null,
    decimal? Min = null, decimal? Max = null, bool Active = true, int? Revision = null)
{
    public ExtraQuestionInput ToInput() => new(Code, Wording, Kind, Choices, MaxLength, Min, Max, Active);
}

public sealed record ExtraQuestionDto(int Id, string Code, string Wording, ExtraQuestionKind Kind, IReadOnlyList<string> Choices, int? MaxLength,
    decimal? Min, decimal? Max, bool Active, int Revision)
{
    public static ExtraQuestionDto Of(ExtraQuestionDefinition q) => new(q.Id, q.Code, q.Wording, q.Kind, FormReader.Lines(q.Choices), q.MaxLength, q.Min, q.Max, q.Active, q.Revision);
    public ExtraQuestion ToCore() => new(Code, Wording, Kind, Choices, MaxLength, Min, Max, Active);
}

/// <summary>
/// The association's own questions. The code is fixed once created (the answers are stored under it); a question is
/// retired, never deleted, so earlier answers keep their meaning. Changes carry the revision read.
/// </summary>
public sealed class ExtraQuestionDefinitions(SamordnaDb db)
{
    public async Task<List<ExtraQuestionDto>> ListAsync(int associationId) =>
        (await db.ExtraQuestions.AsNoTracking().Where(q => q.AssociationId == associationId).OrderBy(q => q.SortOrder).ThenBy(q => q.Id).ToListAsync())
            .Select(ExtraQuestionDto.Of).ToList();

    /// <summary>The active questions as the measurement rules see them.</summary>
    public async Task<IReadOnlyList<ExtraQuestion>> ActiveAsync(int associationId) =>
        (await ListAsync(associationId)).Where(q => q.Active).Select(q => q.ToCore()).ToList();

    public async Task<Result<ExtraQuestionDto>?> CreateAsync(int associationId, ExtraQuestionRequest request)
    {
        if (!await db.Associations.AnyAsync(a => a.Id == associationId)) return null;
        var checkedQuestion = ExtraQuestionRules.CheckDefinition(request.ToInput());
        if (!checkedQuestion.IsValid) return Result<ExtraQuestionDto>.Fail(checkedQuestion.Errors);
        var q = checkedQuestion.Value!;
        if (await db.ExtraQuestions.AnyAsync(x => x.AssociationId == associationId && x.Code == q.Code))
            return Result<ExtraQuestionDto>.Fail("code", $"Förbundet har redan en fråga med koden \"{q.Code}\".");
        if (await db.ExtraQuestions.CountAsync(x => x.AssociationId == associationId && x.Active) >= ExtraQuestionRules.MaxQuestions && q.Active)
            return Result<ExtraQuestionDto>.Fail("code", $"Förbundet har redan {ExtraQuestionRules.MaxQuestions} aktiva frågor. Avaktivera en först.");
        var row = new ExtraQuestionDefinition { AssociationId = associationId, Code = q.Code, SortOrder = await db.ExtraQuestions.CountAsync(x => x.AssociationId == associationId) };
        Apply(row, q);
        db.ExtraQuestions.Add(row);
        await db.SaveChangesAsync();
        return Result<ExtraQuestionDto>.Ok(ExtraQuestionDto.Of(row));
    }

    public async Task<Result<ExtraQuestionDto>?> UpdateAsync(int associationId, int questionId, ExtraQuestionRequest request)
    {
        var row = await db.ExtraQuestions.SingleOrDefaultAsync(q => q.Id == questionId && q.AssociationId == associationId);
        if (row is null) return null;
        if (request.Revision is not { } revision)
            return Result<ExtraQuestionDto>.Fail(FollowUpSettings.RevisionField, "Skicka med revision, numret du läste, så att ingen annans ändring skrivs över.");
        if (revision != row.Revision) return Conflict();
        var checkedQuestion = ExtraQuestionRules.CheckDefinition(request.ToInput() with { Code = request.Code ?? row.Code });
        if (!checkedQuestion.IsValid) return Result<ExtraQuestionDto>.Fail(checkedQuestion.Errors);
        if (!string.Equals(checkedQuestion.Value!.Code, row.Code, StringComparison.Ordinal))
            return Result<ExtraQuestionDto>.Fail("code", $"Koden \"{row.Code}\" kan inte ändras: svaren är sparade under den. Avaktivera frågan och skapa en ny i stället.");
        Apply(row, checkedQuestion.Value);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return Conflict();
        }
        return Result<ExtraQuestionDto>.Ok(ExtraQuestionDto.Of(row));
    }

    private static void Apply(ExtraQuestionDefinition row, ExtraQuestion q)
    {
        row.Wording = q.Wording;
        row.Kind = q.Kind;
        row.Choices = q.Choices.Count == 0 ? null : string.Join("\n", q.Choices);
        (row.MaxLength, row.Min, row.Max, row.Active) = (q.MaxLength, q.Min, q.Max, q.Active);
        row.Revision++;
    }

    private static Result<ExtraQuestionDto> Conflict() => Result<ExtraQuestionDto>.Fail(FollowUpSettings.RevisionField, FollowUpSettings.ConflictText("frågan"));
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Core.Participants;
using Samordna.Web.Data;
using Samordna.Web.Features.Access;
using Samordna.Web.Features.Shared;

namespace Samordna.Web.Features.Participants;

/// <summary>
/// The association's participant settings, for those who manage interventions: the follow-up days and windows every
/// intervention uses unless it has its own, and the association's own questions. Each form carries the revision it
/// was opened on; a stale one keeps what was typed and says so.
/// </summary>
[RequiresPermission(Permission.ManageInterventions)]
public sealed class SettingsModel(SamordnaDb db, FollowUpSettings followUps, ExtraQuestionDefinitions definitions) : FormPageModel
{
    public Association Association { get; private set; } = null!;
    public FollowUpSettingDto Plan { get; private set; } = null!;
    public List<ExtraQuestionDto> Questions { get; private set; } = [];
    public List<(int Id, string Name, FollowUpSettingDto Plan)> Interventions { get; private set; } = [];
    /// <summary>The question being changed, or null when the form adds one.</summary>
    public ExtraQuestionDto? Editing { get; private set; }

    [BindProperty] public PlanForm PlanFields { get; set; } = new();
    [BindProperty] public QuestionForm Question { get; set; } = new();

    public static IReadOnlyList<Choice> Kinds { get; } = RegistrarPageModel.Choices<ExtraQuestionKind>(ExtraQuestionRules.Swedish);
    public static IReadOnlyList<Choice> ActiveChoices { get; } = [new("ja", "Ja, frågan ställs"), new("nej", "Nej, avaktiverad (svaren finns kvar)")];

    public async Task<IActionResult> OnGetAsync([FromRoute] int associationId, int? edit)
    {
        if (!await LoadAsync(associationId, edit)) return NotFound();
        PlanFields = PlanForm.From(Plan);
        Question = Editing is { } q ? QuestionForm.From(q) : new();
        return Page();
    }

    public async Task<IActionResult> OnPostPlanAsync([FromRoute] int associationId)
    {
        if (!await LoadAsync(associationId, null)) return NotFound();
        var read = new FormReader();
        var request = PlanFields.ToRequest(read, "planFields");
        if (read.Errors.Count > 0) return Refused(read.Errors);
        var result = await followUps.SaveAsync(associationId, null, request);
        if (result is null) return NotFound();
        return result.IsValid ? Redirect($"/Associations/{associationId}/ParticipantSettings?saved=plan") : Refused(result.Errors.Select(Prefixed("planFields")));
    }

    public async Task<IActionResult> OnPostQuestionAsync([FromRoute] int associationId, int? questionId)
    {
        if (!await LoadAsync(associationId, questionId)) return NotFound();
        var read = new FormReader();
        var request = Question.ToRequest(read, "question");
        if (read.Errors.Count > 0) return Refused(read.Errors);
        var result = questionId is { } id ? await definitions.UpdateAsync(associationId, id, request) : await definitions.CreateAsync(associationId, request);
        if (result is null) return NotFound();
        return result.IsValid ? Redirect($"/Associations/{associationId}/ParticipantSettings?saved=question") : Refused(result.Errors.Select(Prefixed("question")));
    }

    /// <summary>Field errors onto the page's prefixed fields; the revision stays itself, for the conflict notice.</summary>
    private static Func<Core.Common.FieldError, Core.Common.FieldError> Prefixed(string prefix) =>
        e => e.Field == EpisodeCommands.RevisionField ? e : e with { Field = $"{prefix}.{e.Field}" };

    private async Task<bool> LoadAsync(int associationId, int? edit)
    {
        var association = await db.Associations.AsNoTracking().SingleOrDefaultAsync(a => a.Id == associationId);
        if (association is null) return false;
        Association = association;
        Plan = (await followUps.ForAssociationAsync(associationId))!;
        Questions = await definitions.ListAsync(associationId);
        Editing = edit is { } id ? Questions.FirstOrDefault(q => q.Id == id) : null;
        var interventions = await db.Interventions.AsNoTracking()
            .Where(i => i.AssociationId == associationId && i.MeasurementMethod == Core.Interventions.MeasurementMethod.PersonalData)
            .OrderBy(i => i.Name).Select(i => new { i.Id, i.Name }).ToListAsync();
        Interventions = [];
        foreach (var i in interventions) Interventions.Add((i.Id, i.Name, (await followUps.InForceAsync(i.Id))!));
        return true;
    }

    public sealed class PlanForm
    {
        public string? FirstDays { get; set; }
        public string? FirstWindowDays { get; set; }
        public string? SecondDays { get; set; }
        public string? SecondWindowDays { get; set; }
        public int? Revision { get; set; }

        public static PlanForm From(FollowUpSettingDto p) => new()
        {
            FirstDays = p.FirstDays.ToString(), FirstWindowDays = p.FirstWindowDays.ToString(), SecondDays = p.SecondDays.ToString(),
            SecondWindowDays = p.SecondWindowDays.ToString(), Revision = p.Revision,
        };

        public FollowUpRequest ToRequest(FormReader read, string prefix) => new(
            read.Whole(FirstDays, $"{prefix}.firstDays", "Första uppföljningen, dagar"), read.Whole(FirstWindowDays, $"{prefix}.firstWindowDays", "Första uppföljningens fönster"),
            read.Whole(SecondDays, $"{prefix}.secondDays", "Andra uppföljningen, dagar"), read.Whole(SecondWindowDays, $"{prefix}.secondWindowDays", "Andra uppföljningens fönster"),
            Revision);
    }

    public sealed class QuestionForm
    {
        public string? Code { get; set; }
        public string? Wording { get; set; }
        public string? Kind { get; set; } = nameof(ExtraQuestionKind.YesNo);
        public string? Choices { get; set; }
        public string? MaxLength { get; set; }
        public string? Min { get; set; }
        public string? Max { get; set; }
        public string? Active { get; set; } = "ja";
        public int? Revision { get; set; }

        public static QuestionForm From(ExtraQuestionDto q) => new()
        {
            Code = q.Code, Wording = q.Wording, Kind = q.Kind.ToString(), Choices = string.Join("\n", q.Choices), MaxLength = q.MaxLength?.ToString(),
            Min = q.Min?.ToString("0.####"), Max = q.Max?.ToString("0.####"), Active = q.Active ? "ja" : "nej", Revision = q.Revision,
        };

        public ExtraQuestionRequest ToRequest(FormReader read, string prefix) => new(Code, Wording, Kind, FormReader.Lines(Choices),
            read.Whole(MaxLength, $"{prefix}.maxLength", "Längsta svar"), read.Number(Min, $"{prefix}.min", "Minsta värde"), read.Number(Max, $"{prefix}.max", "Största värde"),
            Active != "nej", Revision);
    }
}

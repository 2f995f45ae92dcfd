using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Participants;
using Samordna.Web.Data;
using Samordna.Web.Features.Shared;

namespace Samordna.Web.Features.Participants;

/// <summary>
/// A registrar's page about one intervention (/Interventions/{interventionId}/…): the permission is checked by the
/// attribute, the assignment to the intervention here; an unassigned person is refused before anything is read.
/// </summary>
public abstract class RegistrarPageModel(SamordnaDb db, RegistrarAccess access) : FormPageModel
{
    public Intervention Intervention { get; private set; } = null!;
    public Association Association { get; private set; } = null!;
    /// <summary>The association's active own questions, asked in the measurement forms.</summary>
    public IReadOnlyList<ExtraQuestionDto> Questions { get; private set; } = [];
    protected SamordnaDb Db => db;

    /// <summary>Null when the page may go on; otherwise the answer (not found, or refused).</summary>
    protected async Task<IActionResult?> LoadAsync(int interventionId)
    {
        var intervention = await db.Interventions.AsNoTracking().SingleOrDefaultAsync(i => i.Id == interventionId);
        if (intervention is null) return NotFound();
        if (!await access.MayRegisterAsync(User, interventionId)) return Forbid();
        Intervention = intervention;
        Association = await db.Associations.AsNoTracking().SingleAsync(a => a.Id == intervention.AssociationId);
        Questions = (await db.ExtraQuestions.AsNoTracking().Where(q => q.AssociationId == intervention.AssociationId && q.Active)
            .OrderBy(q => q.SortOrder).ThenBy(q => q.Id).ToListAsync()).Select(ExtraQuestionDto.Of).ToList();
        return null;
    }

    public static IReadOnlyList<Choice> Choices<T>(Func<T, string> swedish, string? blank = null) where T : struct, Enum =>
        (blank is null ? [] : new List<Choice> { new("", blank) }).Concat(Enum.GetValues<T>().Select(v => new Choice(v.ToString(), swedish(v)))).ToList();

    public static IReadOnlyList<Choice> HealthChoices { get; } =
        [new("", "Ingen uppgift"), new("1", "1 Mycket dålig"), new("2", "2 Dålig"), new("3", "3 Varken bra eller dålig"), new("4", "4 Bra"), new("5", "5 Mycket bra")];

    public static string Swedish(FollowUpState state) => state switch
    {
        FollowUpState.Upcoming => "Kommande",
        FollowUpState.Due => "Dags nu",
        FollowUpState.Missed => "Missad",
        _ => "Gjord",
    };
}

/// <summary>The measurement fields of a form, as typed; blank fields are left out of the request.</summary>
public sealed class MeasurementForm
{
    public string? Point { get; set; }
    public string? MeasuredOn { get; set; }
    public List<string> IncomeSources { get; set; } = [];
    public string? Occupation { get; set; }
    public string? Education { get; set; }
    public string? MonthsOnSupport { get; set; }
    public string? SelfRatedHealth { get; set; }
    public string? CorrectionNote { get; set; }
    /// <summary>Answers to the association's own questions by code (measurement.extraAnswers[code] in the form).</summary>
    public Dictionary<string, string?> ExtraAnswers { get; set; } = [];
    /// <summary>The episode's revision when the form was opened.</summary>
    public int? Revision { get; set; }

    public bool IsBlank => IncomeSources.Count == 0 && new[] { Occupation, Education, MonthsOnSupport, SelfRatedHealth }.All(string.IsNullOrWhiteSpace)
        && ExtraAnswers.Values.All(string.IsNullOrWhiteSpace);

    private Dictionary<string, string>? Answers() =>
        ExtraAnswers.Where(a => !string.IsNullOrWhiteSpace(a.Value)).ToDictionary(a => a.Key, a => a.Value!) is { Count: > 0 } given ? given : null;

    public MeasurementRequest ToRequest(FormReader read, string prefix, DateOnly? measuredOn = null) => new(Point,
        measuredOn ?? read.Date(MeasuredOn, $"{prefix}.measuredOn", "Mätdatum"), IncomeSources, Blank(Occupation), Blank(Education),
        read.Whole(MonthsOnSupport, $"{prefix}.monthsOnSupport", "Tid med offentlig försörjning"), null,
        read.Whole(SelfRatedHealth, $"{prefix}.selfRatedHealth", "Självskattad hälsa"), Answers(), CorrectionNote, Revision);

    public static MeasurementForm From(MeasurementDto m) => new()
    {
        Point = m.Point.ToString(), MeasuredOn = FormReader.Show(m.MeasuredOn), IncomeSources = m.IncomeSources.Select(s => s.ToString()).ToList(),
        Occupation = m.Occupation?.ToString(), Education = m.Education?.ToString(), MonthsOnSupport = m.MonthsOnSupport?.ToString(),
        SelfRatedHealth = m.SelfRatedHealth?.ToString(), ExtraAnswers = m.ExtraAnswers.ToDictionary(a => a.Key, a => (string?)a.Value),
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}

/// <summary>What the measurement partial needs: the page (for errors), the typed values, the field prefix, which parts to show.</summary>
public sealed record MeasurementFormView(FormPageModel Page, MeasurementForm Form, string Prefix, bool ShowPoint, bool ShowDate, bool ShowMonths, bool ShowNote)
{
    public IReadOnlyList<ExtraQuestionDto> Questions { get; init; } = [];
}

/// <summary>What the conflict notice needs: the page (for its errors) and where to reload the newest version.</summary>
public sealed record ConflictView(FormPageModel Page, string ReloadUrl);

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordna.Core.Measurement;

namespace Samordna.Web.Features.Measurement;

/// <summary>The respondent's form behind a single-use link: screening, the units they work in, then the questions.</summary>
[AllowAnonymous]
public sealed class AnswerModel(SurveyAnswering answering) : PageModel
{
    public const string ScreeningStep = "screening", UnitsStep = "units", QuestionsStep = "questions";

    public SurveySession? Session { get; private set; }
    public string? Problem { get; private set; }
    public string Step { get; private set; } = QuestionsStep;
    public bool Done { get; private set; }
    public int CommentProblems { get; private set; }
    public string Title => Session?.Instrument.Title ?? "Enkät";

    public async Task<IActionResult> OnGetAsync([FromRoute] string token)
    {
        if (!await OpenAsync(token)) return Page();
        Step = FirstOpenStep();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] string token, string? step, bool submit)
    {
        if (!await OpenAsync(token)) return Page();
        var posted = new Dictionary<string, string>();
        if (step == UnitsStep)
            posted[SurveySession.UnitsField] = string.Join('|', Request.Form["units"].Where(u => Session!.UnitChoices.Contains(u!)));
        foreach (var field in Fields(step))
        {
            posted[field] = string.Join('|', Request.Form[field].Where(v => !string.IsNullOrEmpty(v)));
            if (step == QuestionsStep) posted[SurveySession.CommentField(field)] = Request.Form[SurveySession.CommentField(field)].ToString();
        }
        if (step == QuestionsStep && submit)
        {
            foreach (var (field, value) in posted) Session!.Draft[field] = value;
            var problems = Session!.CommentProblems(SurveyForm.Questions(Session.Instrument, Session.ChosenUnits));
            if (problems.Count > 0)
            {
                // Saved although refused, so nothing typed is lost.
                await answering.SaveDraftAsync(Session, posted);
                foreach (var (field, problem) in problems) ViewData["CommentProblem:" + field] = problem;
                CommentProblems = problems.Count;
                Response.StatusCode = StatusCodes.Status400BadRequest;
                Step = QuestionsStep;
                return Page();
            }
            await answering.SubmitAsync(Session); // false only when a double click already sent the same answers
            Done = true;
            return Page();
        }
        await answering.SaveDraftAsync(Session!, posted);

        var screened = step == ScreeningStep && SurveyForm.EndsSurvey(Session!.Instrument,
            SurveyForm.Screening(Session.Instrument).ToDictionary(i => i.Code, i => Session.Draft.GetValueOrDefault(i.Code)));
        if (screened)
        {
            await answering.SubmitAsync(Session!);
            Done = true;
            return Page();
        }
        Step = step == ScreeningStep && SurveyForm.HasPerUnitBlock(Session!.Instrument) ? UnitsStep : QuestionsStep;
        return Page();
    }

    private async Task<bool> OpenAsync(string token)
    {
        (Session, Problem) = await answering.OpenAsync(token);
        if (Session is null) Response.StatusCode = StatusCodes.Status404NotFound;
        ViewData["Session"] = Session;
        return Session is not null;
    }

    private string FirstOpenStep()
    {
        var instrument = Session!.Instrument;
        if (SurveyForm.Screening(instrument).Any(i => !Session.Draft.ContainsKey(i.Code))) return ScreeningStep;
        if (SurveyForm.HasPerUnitBlock(instrument) && !Session.Draft.ContainsKey(SurveySession.UnitsField)) return UnitsStep;
        return QuestionsStep;
    }

    /// <summary>The form fields a step posts, so nothing outside the instrument is stored.</summary>
    private IEnumerable<string> Fields(string? step) => step switch
    {
        ScreeningStep => SurveyForm.Screening(Session!.Instrument).Select(i => i.Code),
        QuestionsStep => SurveyForm.Questions(Session!.Instrument, Session.ChosenUnits).Select(q => q.Field),
        _ => [],
    };
}

using Samordna.Core.Common;

namespace Samordna.Web.Features.Api;

/// <summary>RFC 9457 problem details in Swedish, with per-field errors.</summary>
public static class ApiProblems
{
    public static IResult Validation(IEnumerable<FieldError> errors, string title = "Uppgifterna kunde inte sparas") =>
        Results.ValidationProblem(
            errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            title: title,
            detail: "Rätta de fält som anges under errors och försök igen. Ingenting har ändrats.");

    /// <summary>409 with the conflict's Swedish message when someone saved first (a stale revision), else 400 per field.</summary>
    public static IResult ValidationOrConflict(IReadOnlyList<FieldError> errors, string title) =>
        errors.FirstOrDefault(e => e.Field == Shared.Revisions.Field) is { } conflict
            ? Results.Problem(title: "Konflikt", detail: conflict.Message, statusCode: StatusCodes.Status409Conflict)
            : Validation(errors, title);

    public static IResult NotFound(string what) =>
        Results.Problem(title: "Hittades inte", detail: $"{what} finns inte.", statusCode: StatusCodes.Status404NotFound);

    /// <summary>A body that is not JSON, or a value of the wrong type: name the field when JSON tells us which.</summary>
    public static IResult Unreadable(BadHttpRequestException exception)
    {
        if (exception.InnerException is System.Text.Json.JsonException { Path: { Length: > 2 } path })
        {
            var field = path.TrimStart('$', '.');
            return Validation([new FieldError(field, $"Värdet i fältet \"{field}\" har fel typ eller format. Kontrollera att tal skrivs utan citattecken och att texten är giltig JSON.")],
                "Begäran kunde inte tolkas");
        }
        return Results.Problem(title: SwedishTitle(exception.StatusCode), detail: exception.StatusCode == 400
            ? "Begäran kunde inte tolkas. Skicka en giltig JSON-kropp med Content-Type: application/json."
            : SwedishDetail(exception.StatusCode), statusCode: exception.StatusCode);
    }

    /// <summary>Swedish titles for the statuses the framework produces on its own (401, 403, 404, bad JSON …).</summary>
    public static string? SwedishTitle(int status) => status switch
    {
        400 => "Felaktig begäran",
        401 => "Inloggning krävs",
        403 => "Behörighet saknas",
        404 => "Hittades inte",
        405 => "Metoden stöds inte",
        409 => "Konflikt",
        415 => "Fel innehållstyp",
        429 => "För många förfrågningar",
        500 => "Ett oväntat fel inträffade",
        _ => null,
    };

    public static string? SwedishDetail(int status) => status switch
    {
        400 => "Begäran kunde inte tolkas. Kontrollera att kroppen är giltig JSON med rätt fälttyper.",
        401 => "Skicka en giltig API-nyckel i huvudet Authorization: Bearer <nyckel>.",
        403 => "Din roll ger inte tillgång till detta i det här förbundet.",
        404 => "Adressen eller posten finns inte.",
        415 => "Skicka kroppen som application/json.",
        429 => "För många förfrågningar på kort tid. Vänta så många sekunder som huvudet Retry-After anger och försök igen.",
        500 => "Felet har loggats. Försök igen eller kontakta systemadministratören.",
        _ => null,
    };
}

using Samordna.Web.Features.Measurement;

namespace Samordna.Web.Features.Api;

/// <summary>Every file import over the API answers the same way: {"imported","errors":[{"row","column","message"}]}, 422 when nothing was imported.</summary>
public static class ApiUploads
{
    /// <param name="target">what the import goes into, for the 404 when it does not exist ("Mätomgången").</param>
    public static async Task<IResult> ReceiveAsync(IFormFile? file, string target, Func<string, byte[], Task<ImportResult?>> import)
    {
        if (file is null || file.Length == 0)
            return ApiProblems.Validation([new("file", "Skicka filen i fältet file (multipart/form-data).")], "Ingen fil");
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer);
        var result = await import(file.FileName, buffer.ToArray());
        if (result is null) return ApiProblems.NotFound(target);
        var body = new { imported = result.Imported, errors = result.Errors.Select(e => new { row = e.Row, column = e.Column, message = e.Message }) };
        return result.Errors.Count == 0 ? Results.Ok(body) : Results.UnprocessableEntity(body);
    }
}

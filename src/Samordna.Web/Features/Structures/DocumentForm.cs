using Samordna.Core.Structures;

namespace Samordna.Web.Features.Structures;

/// <summary>Reads a document form (multipart/form-data) the same way for the API and the pages.</summary>
public static class DocumentForm
{
    public static DocumentRequest Request(IFormCollection form) => new(form["kind"], form["title"], form["description"], form["owner"], form["reviewOn"],
        form["isPublic"].ToString() is "true" or "on" or "True", Revision(form));

    public static int? Revision(IFormCollection form) => int.TryParse(form["revision"], out var r) ? r : null;

    public static async Task<DocumentContent> ContentAsync(IFormCollection form)
    {
        var file = form.Files["file"];
        byte[]? bytes = null;
        if (file is { Length: > 0 })
        {
            // Read at most one byte past the limit: enough for the rule to refuse it, without holding a huge upload.
            using var buffer = new MemoryStream();
            await using var stream = file.OpenReadStream();
            var chunk = new byte[81920];
            int read;
            while (buffer.Length <= DocumentRules.MaxBytes && (read = await stream.ReadAsync(chunk)) > 0) buffer.Write(chunk, 0, read);
            bytes = buffer.ToArray();
        }
        return new DocumentContent(file?.FileName is { Length: > 0 } name ? name : null, bytes, form["text"], form["note"]);
    }
}

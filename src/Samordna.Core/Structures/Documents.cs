using System.Text;
using Samordna.Core.Common;

namespace Samordna.Core.Structures;

/// <summary>What a document of the association is for (seed 001: invitations, action-plan templates, checklists, guides).</summary>
public enum DocumentKind { Invitation, ActionPlanTemplate, Checklist, Guide, Routine, Other }

public enum ReviewState { NoReviewDate, Current, DueSoon, Overdue }

/// <summary>
/// Documents are stored in the database, so only a few office formats are accepted, each recognised by its name
/// and by its first bytes (a renamed program is refused), and a size limit keeps backups and rows small.
/// </summary>
public static class DocumentRules
{
    public const int MaxBytes = 5 * 1024 * 1024;
    public const int ReviewSoonDays = 30;

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".odt"] = "application/vnd.oasis.opendocument.text",
        [".txt"] = "text/plain; charset=utf-8",
        [".md"] = "text/markdown; charset=utf-8",
    };

    public static string Allowed => "pdf, docx, xlsx, odt, txt eller md";

    public static string ContentTypeOf(string fileName) => ContentTypes.GetValueOrDefault(Path.GetExtension(fileName), "application/octet-stream");

    public static string Swedish(DocumentKind kind) => kind switch
    {
        DocumentKind.Invitation => "Inbjudan",
        DocumentKind.ActionPlanTemplate => "Mall för handlingsplan",
        DocumentKind.Checklist => "Checklista",
        DocumentKind.Guide => "Vägledning",
        DocumentKind.Routine => "Rutin",
        DocumentKind.Other => "Övrigt",
        _ => kind.ToString(),
    };

    /// <summary>Checks a file for the field that carried it: name, type, size and that its bytes are what the name says.</summary>
    public static IReadOnlyList<FieldError> CheckFile(string field, string? fileName, ReadOnlySpan<byte> content)
    {
        var name = Path.GetFileName(fileName ?? "").Trim();
        if (name.Length == 0) return [new(field, "Välj en fil att ladda upp, eller skriv texten i stället.")];
        if (name.Length > 200) return [new(field, $"Filnamnet får vara högst 200 tecken (nu {name.Length}).")];
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (!ContentTypes.ContainsKey(extension))
            return [new(field, $"Filen \"{name}\" har en filtyp som inte tas emot{(extension.Length > 0 ? $" ({extension.TrimStart('.')})" : "")}. Tillåtna filtyper: {Allowed}.")];
        if (content.Length == 0) return [new(field, $"Filen \"{name}\" är tom.")];
        if (content.Length > MaxBytes)
            return [new(field, $"Filen \"{name}\" är {Megabytes(content.Length)} MB; största tillåtna storlek är {Megabytes(MaxBytes)} MB.")];
        if (!LooksLike(extension, content))
            return [new(field, $"Filen \"{name}\" ser inte ut att vara en {extension.TrimStart('.')}-fil. Spara den i rätt format och försök igen.")];
        return [];
    }

    /// <summary>The first bytes of the formats: PDF starts with %PDF, the office formats are zip archives, text is UTF-8.</summary>
    private static bool LooksLike(string extension, ReadOnlySpan<byte> content) => extension switch
    {
        ".pdf" => content.StartsWith("%PDF"u8),
        ".docx" or ".xlsx" or ".odt" => content.StartsWith("PK\u0003\u0004"u8),
        _ => IsUtf8Text(content),
    };

    private static bool IsUtf8Text(ReadOnlySpan<byte> content)
    {
        if (content.Contains((byte)0)) return false;
        try
        {
            new UTF8Encoding(false, true).GetCharCount(content);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static string Megabytes(long bytes) => (bytes / 1024d / 1024d).ToString("0.#", System.Globalization.CultureInfo.GetCultureInfo("sv-SE"));

    public static ReviewState Review(DateOnly? reviewOn, DateOnly today) => reviewOn switch
    {
        null => ReviewState.NoReviewDate,
        { } d when d < today => ReviewState.Overdue,
        { } d when d.DayNumber - today.DayNumber <= ReviewSoonDays => ReviewState.DueSoon,
        _ => ReviewState.Current,
    };

    public static string Describe(ReviewState state, DateOnly? reviewOn) => state switch
    {
        ReviewState.NoReviewDate => "Inget granskningsdatum.",
        ReviewState.Current => $"Granskas senast {reviewOn:yyyy-MM-dd}.",
        ReviewState.DueSoon => $"Ska granskas senast {reviewOn:yyyy-MM-dd}.",
        ReviewState.Overdue => $"Granskning försenad: skulle ha granskats {reviewOn:yyyy-MM-dd}.",
        _ => "",
    };
}

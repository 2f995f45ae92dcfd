using System.Text;

namespace Samordna.Web.Features.Shared;

/// <summary>
/// The HTML id of a form field, made from the name its errors use ("lines[2].budget" becomes "lines-2-budget"),
/// so the error summary's links land on the field without brackets or dots in the address.
/// </summary>
public static class FieldIds
{
    public static string Of(string field)
    {
        var id = new StringBuilder(field.Length);
        foreach (var c in field)
        {
            if (char.IsLetterOrDigit(c) || c is '_' or '-') id.Append(c);
            else if (id.Length > 0 && id[^1] != '-') id.Append('-');
        }
        return id.ToString().TrimEnd('-');
    }
}

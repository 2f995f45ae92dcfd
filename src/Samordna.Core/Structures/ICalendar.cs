using System.Globalization;
using System.Text;

namespace Samordna.Core.Structures;

public sealed record CalendarEvent(string Uid, DateTime StartUtc, DateTime EndUtc, string Summary, string? Location, string? Description, bool Cancelled);

/// <summary>
/// iCalendar text (RFC 5545) for a group's meetings: CRLF line ends, text escaped, lines folded at 75 octets
/// without splitting a UTF-8 character, times in UTC so no time-zone block is needed.
/// </summary>
public static class ICalendar
{
    public static string Write(string calendarName, IEnumerable<CalendarEvent> events, DateTime stampUtc)
    {
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Samordna//Samverkansstrukturer//SV", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            "X-WR-CALNAME:" + Escape(calendarName),
        };
        foreach (var e in events)
        {
            lines.Add("BEGIN:VEVENT");
            lines.Add("UID:" + e.Uid);
            lines.Add("DTSTAMP:" + Utc(stampUtc));
            lines.Add("DTSTART:" + Utc(e.StartUtc));
            lines.Add("DTEND:" + Utc(e.EndUtc));
            lines.Add("SUMMARY:" + Escape(e.Summary));
            if (!string.IsNullOrWhiteSpace(e.Location)) lines.Add("LOCATION:" + Escape(e.Location));
            if (!string.IsNullOrWhiteSpace(e.Description)) lines.Add("DESCRIPTION:" + Escape(e.Description));
            lines.Add("STATUS:" + (e.Cancelled ? "CANCELLED" : "CONFIRMED"));
            lines.Add("END:VEVENT");
        }
        lines.Add("END:VCALENDAR");
        var text = new StringBuilder();
        foreach (var line in lines) text.Append(Fold(line)).Append("\r\n");
        return text.ToString();
    }

    public static string Escape(string text) =>
        text.Replace("\\", "\\\\").Replace(";", "\\;").Replace(",", "\\,").Replace("\r\n", "\\n").Replace("\n", "\\n").Replace("\r", "\\n");

    private static string Utc(DateTime t) =>
        DateTime.SpecifyKind(t, DateTimeKind.Utc).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Lines longer than 75 octets continue on the next line after CRLF and one space.</summary>
    public static string Fold(string line)
    {
        var result = new StringBuilder();
        var octets = 0;
        var limit = 75;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > limit)
            {
                result.Append("\r\n ");
                octets = 0;
                limit = 74; // the leading space counts
            }
            result.Append(rune.ToString());
            octets += size;
        }
        return result.ToString();
    }
}

/// <summary>Meetings are entered in Swedish wall-clock time; calendars get UTC.</summary>
public static class SwedishTime
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public static DateTime ToUtc(DateTime local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);

    public static DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>A time from a form or JSON: with an offset or Z it is exact; without one it is Swedish wall-clock time.</summary>
    public static DateTime InputToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => ToUtc(value),
    };
}

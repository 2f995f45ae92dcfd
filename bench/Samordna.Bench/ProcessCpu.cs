namespace Samordna.Bench;

/// <summary>CPU time a process has used so far, and the machine's load average, from /proc (Linux).</summary>
public static class ProcessCpu
{
    /// <summary>User plus system time in seconds; fields 14 and 15 of stat (after the parenthesised name), in clock ticks (100 per second).</summary>
    public static double Seconds(int processId)
    {
        var stat = File.ReadAllText($"/proc/{processId}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11]) + long.Parse(fields[12])) / 100.0;
    }

    /// <summary>The 1, 5 and 15 minute load averages: this run and anything else on the machine.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}

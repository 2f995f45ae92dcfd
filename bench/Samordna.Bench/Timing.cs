using System.Diagnostics;

namespace Samordna.Bench;

/// <summary>How every benchmark times a piece of work: after one warm-up run (query plans, JIT), the median of several.</summary>
public static class Timing
{
    public static async Task<TimeSpan> Median(Func<Task<int>> run, int runs = 7)
    {
        await run();
        var times = new List<TimeSpan>();
        for (var i = 0; i < runs; i++) times.Add(await TimeAsync(run));
        return times.Order().ElementAt(times.Count / 2);
    }

    /// <summary>Two pieces of work timed in turns, so load from elsewhere on the machine weighs on both alike.</summary>
    public static async Task<(TimeSpan First, TimeSpan Second)> Medians(Func<Task<int>> first, Func<Task<int>> second, int runs = 15)
    {
        await first();
        await second();
        var (a, b) = (new List<TimeSpan>(), new List<TimeSpan>());
        for (var i = 0; i < runs; i++)
        {
            a.Add(await TimeAsync(first));
            b.Add(await TimeAsync(second));
        }
        return (a.Order().ElementAt(runs / 2), b.Order().ElementAt(runs / 2));
    }

    private static async Task<TimeSpan> TimeAsync(Func<Task<int>> run)
    {
        var watch = Stopwatch.StartNew();
        await run();
        return watch.Elapsed;
    }
}

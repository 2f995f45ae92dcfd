using Samordna.Core.Measurement;
using Samordna.Core.Participants;

namespace Samordna.Core.Tests;

public sealed class OutcomeTableTests
{
    private static IEnumerable<(string, string)> People(string group, int yes, int no) =>
        Enumerable.Repeat((group, "Ja"), yes).Concat(Enumerable.Repeat((group, "Nej"), no));

    /// <summary>A hidden cell that the shown totals and the "Alla" row pin down, checked independently of how it was hidden.</summary>
    private static (int, int)? Recoverable(SuppressedTable table)
    {
        var rows = table.Rows.Append(table.All).ToList();
        var hidden = new bool[rows.Count, table.Categories.Count];
        for (var r = 0; r < rows.Count; r++)
            for (var c = 0; c < table.Categories.Count; c++)
                hidden[r, c] = rows[r].Cells[c].Count is null;
        var rowTotals = rows.Select(r => r.Total is not null).ToArray();
        var columnTotals = Enumerable.Range(0, table.Categories.Count).Select(c => table.All.Cells[c].Count is not null).ToArray();
        return CellSuppression.FindRecoverable(hidden, rowTotals, columnTotals);
    }

    [Fact]
    public void Large_groups_are_shown_in_full_with_percentages()
    {
        var table = OutcomeTable.Build(People("Kvinna", 14, 26).Concat(People("Man", 21, 39)), ["Ja", "Nej"]);
        Assert.Equal(35m, table.Rows[0].Cells[0].Percent);
        Assert.Equal(60, table.Rows[1].Total);
        Assert.Equal(35, table.All.Cells[0].Count);
        Assert.Equal(100, table.All.Total);
    }

    [Fact]
    public void A_small_count_is_hidden_with_a_complement_so_totals_do_not_reveal_it()
    {
        var table = OutcomeTable.Build(People("Kvinna", 3, 30).Concat(People("Man", 20, 25)), ["Ja", "Nej"]);
        Assert.Null(table.Rows[0].Cells[0].Count);
        Assert.Null(table.Rows[0].Cells[1].Count);          // else Ja = total − Nej
        Assert.Null(table.Rows[1].Cells[0].Count);          // else Kvinna's Ja = Alla's Ja − Man's Ja
        Assert.Null(Recoverable(table));
    }

    [Fact]
    public void A_group_below_the_threshold_shows_nothing_not_even_its_total()
    {
        var table = OutcomeTable.Build(People("Ockelbo", 2, 2).Concat(People("Gävle", 30, 30)).Concat(People("Sandviken", 20, 20)), ["Ja", "Nej"]);
        var ockelbo = table.Rows.Single(r => r.Group == "Ockelbo");
        Assert.Null(ockelbo.Total);
        Assert.All(ockelbo.Cells, c => Assert.Null(c.Count));
        Assert.Equal(104, table.All.Total);
        Assert.Null(Recoverable(table));
    }

    [Fact]
    public void A_tiny_whole_shows_nothing_at_all()
    {
        var table = OutcomeTable.Build(People("Kvinna", 1, 1).Concat(People("Man", 1, 0)), ["Ja", "Nej"]);
        Assert.Null(table.All.Total);
        Assert.All(table.Rows.Append(table.All).SelectMany(r => r.Cells), c => Assert.Null(c.Count));
    }
}


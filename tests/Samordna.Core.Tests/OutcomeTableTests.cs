using Samordna.Core.Measurement;
using Samordna.Core.Participants;

namespace Samordna.Core.Tests;

public sealed class OutcomeTableTests
{
    private static IEnumerable<(string, string)> People(string group, int yes, int no) =>
        Enumerable.Repeat((group, "Ja"), yes).Concat(Enumerable.Repeat((group, "Nej"), no));

    /// <summary>
    /// A hidden cell or hidden group total that what is shown pins down, checked independently of how it was hidden:
    /// the totals are one more column (they add up to the total of "Alla"), and every row's cells add up to its total.
    /// </summary>
    private static (int, int)? Recoverable(SuppressedTable table)
    {
        var rows = table.Rows.Append(table.All).ToList();
        int columns = table.Categories.Count;
        var hidden = new bool[rows.Count, columns + 1];
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < columns; c++) hidden[r, c] = rows[r].Cells[c].Count is null;
            hidden[r, columns] = rows[r].Total is null;
        }
        var rowEquations = rows.Select(_ => true).ToArray();
        var columnTotals = Enumerable.Range(0, columns).Select(c => table.All.Cells[c].Count is not null).Append(table.All.Total is not null).ToArray();
        return CellSuppression.FindRecoverable(hidden, rowEquations, columnTotals);
    }

    [Fact]
    public void One_small_group_does_not_leave_its_total_to_subtraction_from_Alla()
    {
        // Alla 104 − Gävle 60 − Sandviken 40 would give Ockelbo's 4: one more group's total has to go, and with it the group.
        var table = OutcomeTable.Build(People("Ockelbo", 2, 2).Concat(People("Gävle", 30, 30)).Concat(People("Sandviken", 20, 20)), ["Ja", "Nej"]);
        Assert.Equal(104, table.All.Total);
        Assert.Equal(2, table.Rows.Count(r => r.Total is null));
        Assert.Equal(60, table.Rows.Single(r => r.Group == "Gävle").Total);   // the smaller of the two goes
        Assert.All(table.Rows.Where(r => r.Total is null).SelectMany(r => r.Cells), c => Assert.Null(c.Count));
        Assert.Null(Recoverable(table));
    }

    [Fact]
    public void No_hidden_count_or_total_is_recoverable_in_random_tables()
    {
        var random = new Random(20261206);
        for (var run = 0; run < 400; run++)
        {
            var groups = random.Next(1, 7);
            var categories = new[] { "A", "B", "C", "D" }[..random.Next(2, 5)];
            var people = Enumerable.Range(0, groups).SelectMany(g => Enumerable.Range(0, random.Next(0, 4) == 0 ? random.Next(1, 5) : random.Next(5, 40))
                .Select(_ => ($"Grupp {g}", categories[random.Next(categories.Length)]))).ToList();
            var table = OutcomeTable.Build(people, categories);
            Assert.Null(Recoverable(table));
            // Whatever is shown is true.
            foreach (var row in table.Rows.Where(r => r.Total is not null))
                Assert.Equal(people.Count(p => p.Item1 == row.Group), row.Total);
        }
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


namespace Samordna.Web.Data;

/// <summary>
/// One writer at a time into the SQLite file, queued in the process without blocking a thread. SQLite allows a
/// single writer; a second one gets SQLITE_BUSY, on which Microsoft.Data.Sqlite sleeps a fixed 150 ms
/// (Thread.Sleep, holding a pool thread) and tries again, so under many simultaneous submissions most of the time
/// went to sleeping (measured: docs/benchmarks.md, answer submissions). Writers that take the gate wait their turn
/// asynchronously instead; a writer elsewhere that does not take it still meets SQLite's own lock as before.
/// On PostgreSQL, which locks rows, the gate lets everyone through.
/// </summary>
public sealed class SqliteWriteGate(DatabaseConfiguration database)
{
    private readonly SemaphoreSlim turn = new(1, 1);
    private readonly bool gated = database.Provider == DatabaseProvider.Sqlite;

    /// <summary>Waits for the turn to write; dispose the result when the write is committed or abandoned.</summary>
    public async ValueTask<Turn> EnterAsync(CancellationToken cancellationToken = default)
    {
        if (!gated) return default;
        await turn.WaitAsync(cancellationToken);
        return new Turn(turn);
    }

    public readonly struct Turn(SemaphoreSlim? held) : IDisposable
    {
        public void Dispose() => held?.Release();
    }
}

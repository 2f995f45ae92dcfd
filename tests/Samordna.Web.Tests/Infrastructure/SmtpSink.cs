using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Samordna.Web.Tests.Infrastructure;

/// <summary>
/// A minimal SMTP server on loopback that accepts every message and keeps it, so sending is tested over a real
/// socket with the framework's own SMTP client.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    public SmtpSink()
    {
        listener.Start();
        loop = Task.Run(AcceptAsync);
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;
    public List<(string To, string Data)> Messages { get; } = [];

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await listener.AcceptTcpClientAsync(stop.Token); }
            catch (OperationCanceledException) { return; }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        var reader = new StreamReader(stream, Encoding.ASCII);
        var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 sink");
        string? to = null;
        while (await reader.ReadLineAsync() is { } line)
        {
            var verb = line.Split(' ', ':')[0].ToUpperInvariant();
            if (verb is "EHLO" or "HELO") await writer.WriteLineAsync("250 sink");
            else if (verb == "RCPT") { to = line[(line.IndexOf('<') + 1)..line.IndexOf('>')]; await writer.WriteLineAsync("250 ok"); }
            else if (verb == "DATA")
            {
                await writer.WriteLineAsync("354 go on");
                var data = new StringBuilder();
                while (await reader.ReadLineAsync() is { } body && body != ".") data.AppendLine(body);
                lock (Messages) Messages.Add((to ?? "", data.ToString()));
                await writer.WriteLineAsync("250 queued");
            }
            else if (verb == "QUIT") { await writer.WriteLineAsync("221 bye"); return; }
            else await writer.WriteLineAsync("250 ok");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await loop;
    }
}

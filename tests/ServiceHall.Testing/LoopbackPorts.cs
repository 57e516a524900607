using System.Net;
using System.Net.Sockets;

namespace ServiceHall.Testing;

/// <summary>
/// Ports for processes the tests start (the hall's services, a throwaway PostgreSQL), chosen below the kernel's
/// ephemeral range. A port taken from the ephemeral range (bind to port 0, then release) can be handed again to any
/// other socket before our process binds it: CI runs every test project at once, each with servers on port 0 and
/// outgoing connections, and a hall once failed to start because another test's server got its port in between.
/// Below the range only our own picks compete, and each pick is kept for the life of the test process.
/// </summary>
public static class LoopbackPorts
{
    const int Lowest = 20000;
    static readonly HashSet<int> Given = [];
    static readonly int EphemeralStart = ReadEphemeralStart();

    /// <summary>A loopback port nobody listens on now, never given before in this test process.</summary>
    public static int Free()
    {
        lock (Given)
        {
            for (var attempt = 0; attempt < 1000; attempt++)
            {
                var port = Random.Shared.Next(Lowest, EphemeralStart);
                if (!Given.Contains(port) && CanBind(port))
                {
                    Given.Add(port);
                    return port;
                }
            }
        }
        throw new InvalidOperationException($"No free loopback port between {Lowest} and {EphemeralStart} after 1000 tries.");
    }

    static bool CanBind(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>The first port of Linux's ephemeral range; 32768 (its usual value) elsewhere.</summary>
    static int ReadEphemeralStart()
    {
        const string range = "/proc/sys/net/ipv4/ip_local_port_range";
        if (File.Exists(range)
            && int.TryParse(File.ReadAllText(range).Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0], out var start)
            && start > Lowest + 1000)
        {
            return start;
        }
        return 32768;
    }
}

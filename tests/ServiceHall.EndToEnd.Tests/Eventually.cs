namespace ServiceHall.EndToEnd.Tests;

/// <summary>
/// Waits for a state of the running hall that comes about on its own (an event delivered, a clock read again):
/// reads it until it is the one wanted or the time is up, and returns the last reading, so the assertion after it
/// shows what the hall really held.
/// </summary>
static class Eventually
{
    public static async Task<T> ReadUntilAsync<T>(Func<Task<T>> read, Func<T, bool> wanted, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var reading = await read();
        while (!wanted(reading) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            reading = await read();
        }
        return reading;
    }
}

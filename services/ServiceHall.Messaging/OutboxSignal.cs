using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using System.Runtime.CompilerServices;

namespace ServiceHall.Messaging;

/// <summary>Wakes the relay as soon as a transaction with new outbox rows commits, so events leave at once instead of at the next poll.</summary>
public sealed class OutboxSignal
{
    readonly SemaphoreSlim wake = new(0, 1);

    public void Notify()
    {
        try
        {
            wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled; the relay will see every pending row on its next pass.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => wake.WaitAsync(timeout, cancellationToken);
}

/// <summary>Notifies the relay after a save that added outbox rows (and only then, so the relay's own saves do not wake it).</summary>
sealed class OutboxSaveNotifier(OutboxSignal signal) : SaveChangesInterceptor
{
    readonly ConditionalWeakTable<DbContext, object> contextsWithNewEvents = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Remember(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Remember(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        NotifyIfRemembered(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        NotifyIfRemembered(eventData.Context);
        return ValueTask.FromResult(result);
    }

    void Remember(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added))
        {
            contextsWithNewEvents.AddOrUpdate(context, this);
        }
    }

    void NotifyIfRemembered(DbContext? context)
    {
        if (context is not null && contextsWithNewEvents.Remove(context))
        {
            signal.Notify();
        }
    }
}

using System.Runtime.ExceptionServices;

namespace ManifestLint.Engine.Analysis;

/// <summary>
/// Runs work items in parallel and hands their results to one consumer in item order, as soon as each is next: a
/// reorder buffer of at most <c>window</c> results, so a slow item holds back the others' results (and memory) only
/// that far. The consumer runs on the calling thread. The first exception (a worker's or the consumer's) stops the
/// rest and is rethrown.
/// </summary>
internal static class OrderedWork
{
    public static void Run<T>(int count, int workers, int window, Func<int, T> work, Action<T> consume, CancellationToken cancellation)
        where T : class
    {
        var slots = new T?[count];
        var gate = new object();
        var next = 0;
        var consumed = 0;
        ExceptionDispatchInfo? failure = null;

        void Worker()
        {
            while (true)
            {
                int i;
                lock (gate)
                {
                    while (failure is null && next < count && next >= consumed + window)
                    {
                        Monitor.Wait(gate);
                    }

                    if (failure is not null || next >= count)
                    {
                        return;
                    }

                    i = next++;
                }

                try
                {
                    cancellation.ThrowIfCancellationRequested();
                    var result = work(i);
                    lock (gate)
                    {
                        slots[i] = result;
                        Monitor.PulseAll(gate);
                    }
                }
                catch (Exception e)
                {
                    lock (gate)
                    {
                        failure ??= ExceptionDispatchInfo.Capture(e);
                        Monitor.PulseAll(gate);
                    }

                    return;
                }
            }
        }

        var threads = Enumerable.Range(0, Math.Clamp(workers, 1, Math.Max(1, count)))
            .Select(_ => Task.Factory.StartNew(Worker, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))
            .ToList();
        try
        {
            for (var k = 0; k < count; k++)
            {
                T result;
                lock (gate)
                {
                    while (failure is null && slots[k] is null)
                    {
                        Monitor.Wait(gate);
                    }

                    if (failure is not null)
                    {
                        break;
                    }

                    result = slots[k]!;
                    slots[k] = null;
                }

                consume(result);
                lock (gate)
                {
                    consumed = k + 1;
                    Monitor.PulseAll(gate);
                }
            }
        }
        catch (Exception e)
        {
            lock (gate)
            {
                failure ??= ExceptionDispatchInfo.Capture(e);
                Monitor.PulseAll(gate);
            }
        }

        Task.WaitAll(threads, CancellationToken.None);
        failure?.Throw();
    }
}

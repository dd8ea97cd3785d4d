using System.Runtime.ExceptionServices;

namespace ManifestLint.Engine.Analysis;

/// <summary>
/// Runs work items in parallel and hands their results to one consumer in item order, as soon as each is next: a
/// reorder buffer of at most <c>window</c> results, so a slow item holds back the others' results (and memory) only
/// that far. The consumer runs on the calling thread, which is also one of the <c>workers</c>: while the next result is
/// not ready it takes an item itself. With one worker nothing else runs, and no result is handed from one thread to
/// another (on one core those handoffs were a context switch or two per file). The first exception (a worker's or
/// the consumer's) stops the rest and is rethrown.
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

        // Runs item i and stores its result; false once the run has failed.
        bool Do(int i)
        {
            try
            {
                cancellation.ThrowIfCancellationRequested();
                var result = work(i);
                lock (gate)
                {
                    slots[i] = result;
                    Monitor.PulseAll(gate);
                }

                return true;
            }
            catch (Exception e)
            {
                lock (gate)
                {
                    failure ??= ExceptionDispatchInfo.Capture(e);
                    Monitor.PulseAll(gate);
                }

                return false;
            }
        }

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

                if (!Do(i))
                {
                    return;
                }
            }
        }

        var threads = Enumerable.Range(0, Math.Clamp(workers, 1, Math.Max(1, count)) - 1)
            .Select(_ => Task.Factory.StartNew(Worker, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))
            .ToList();
        try
        {
            for (var k = 0; k < count; k++)
            {
                T? result = null;
                while (result is null)
                {
                    var mine = -1;
                    lock (gate)
                    {
                        if (failure is not null)
                        {
                            break;
                        }

                        if (slots[k] is { } ready)
                        {
                            result = ready;
                            slots[k] = null;
                        }
                        else if (next < count && next < consumed + window)
                        {
                            mine = next++;
                        }
                        else
                        {
                            Monitor.Wait(gate);
                        }
                    }

                    if (mine >= 0 && !Do(mine))
                    {
                        break;
                    }
                }

                if (result is null)
                {
                    break;
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

namespace ManifestLint.Sarif;

/// <summary>
/// A set of 64-bit hashes in one array: open addressing, linear probing, at most three quarters full, 8 bytes a slot
/// (a <see cref="HashSet{T}"/> of <see cref="ulong"/> takes 20 a value, and leaves twice that behind as it grows).
/// It holds one value per finding of a run (<see cref="ResultFingerprints.Counter"/>), so its size is part of a lint's
/// peak memory. The values must already be uniformly distributed (hash bits): they are used as they are. Written by
/// hand: no library has such a set.
/// </summary>
internal sealed class UInt64Set
{
    private ulong[] slots = new ulong[1024];
    private int count;
    private bool hasZero;

    public int Count => count + (hasZero ? 1 : 0);

    /// <summary>Adds <paramref name="value"/>; false when it was there already.</summary>
    public bool Add(ulong value)
    {
        if (value == 0)
        {
            // 0 marks an empty slot, so it is kept aside.
            var added = !hasZero;
            hasZero = true;
            return added;
        }

        if (!Insert(slots, value))
        {
            return false;
        }

        if (++count * 4L > slots.Length * 3L)
        {
            var grown = new ulong[slots.Length * 2];
            foreach (var old in slots)
            {
                if (old != 0)
                {
                    Insert(grown, old);
                }
            }

            slots = grown;
        }

        return true;
    }

    private static bool Insert(ulong[] slots, ulong value)
    {
        var mask = slots.Length - 1;
        for (var i = (int)(value & (ulong)mask); ; i = (i + 1) & mask)
        {
            if (slots[i] == value)
            {
                return false;
            }

            if (slots[i] == 0)
            {
                slots[i] = value;
                return true;
            }
        }
    }
}

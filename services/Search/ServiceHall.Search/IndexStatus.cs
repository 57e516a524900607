using ServiceHall.Search.V1;

namespace ServiceHall.Search;

/// <summary>Whether the index is complete, still being rebuilt from the sources, or catching up after a restart; searches say so.</summary>
public sealed class IndexStatus
{
    volatile bool rebuilding;
    volatile bool catchingUp;

    public bool Rebuilding
    {
        get => rebuilding;
        set => rebuilding = value;
    }

    public bool CatchingUp
    {
        get => catchingUp;
        set => catchingUp = value;
    }

    public IndexState Describe() => rebuilding ? IndexState.Rebuilding : catchingUp ? IndexState.CatchingUp : IndexState.Ready;
}

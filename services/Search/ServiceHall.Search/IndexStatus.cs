namespace ServiceHall.Search;

/// <summary>Whether the index is complete or still being rebuilt from the sources; searches say so in their answer.</summary>
public sealed class IndexStatus
{
    volatile bool rebuilding;

    public bool Rebuilding
    {
        get => rebuilding;
        set => rebuilding = value;
    }

    public string Describe() => rebuilding ? "rebuilding" : "ready";
}

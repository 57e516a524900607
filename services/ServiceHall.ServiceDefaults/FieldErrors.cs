using Grpc.Core;

namespace ServiceHall.ServiceDefaults;

/// <summary>
/// Collects every problem with a request, each under its field path, and refuses the request with all of
/// them at once (InvalidArgument, HTTP 400 through transcoding) before anything is written.
/// </summary>
public sealed class FieldErrors
{
    readonly List<string> problems = [];

    public FieldErrors Add(string field, string problem)
    {
        problems.Add($"{field}: {problem}");
        return this;
    }

    public FieldErrors Required(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "is required");
        }
        return this;
    }

    public FieldErrors MaxLength(string field, string? value, int max)
    {
        if (value is not null && value.Length > max)
        {
            Add(field, $"is longer than {max} characters");
        }
        return this;
    }

    public bool Any => problems.Count > 0;

    public IReadOnlyList<string> Problems => problems;

    public void ThrowIfAny()
    {
        if (Any)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, string.Join("; ", problems)));
        }
    }
}

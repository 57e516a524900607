using Google.Protobuf.Reflection;
using Google.Rpc;
using Grpc.Core;

namespace ServiceHall.ServiceDefaults;

/// <summary>
/// Collects every problem with a request and refuses it with all of them at once (InvalidArgument, HTTP 400
/// through transcoding) before anything is written. A person reads each problem under the field's own label
/// ("申请人姓名：必填", labels from the proto); an API user also gets google.rpc.BadRequest with each field's path.
/// </summary>
/// <param name="request">
/// The message the field paths start from; null for checks no person meets (an event from another service), where
/// the path is the only name.
/// </param>
public sealed class FieldErrors(MessageDescriptor? request)
{
    readonly List<BadRequest.Types.FieldViolation> violations = [];

    /// <param name="field">The path from the request, e.g. <c>guide.materials[2].name</c>.</param>
    /// <param name="problem">What is wrong, in Chinese, without the field's name: "必填".</param>
    public FieldErrors Add(string field, string problem)
    {
        violations.Add(new BadRequest.Types.FieldViolation
        {
            Field = field,
            Description = $"{(request is null ? field : FieldLabels.Describe(request, field))}：{problem}",
        });
        return this;
    }

    /// <summary>A problem whose description already names the field (the catalog's guide checks write their own).</summary>
    public FieldErrors AddDescribed(string field, string description)
    {
        violations.Add(new BadRequest.Types.FieldViolation { Field = field, Description = description });
        return this;
    }

    public FieldErrors Required(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "必填");
        }
        return this;
    }

    public FieldErrors MaxLength(string field, string? value, int max)
    {
        if (value is not null && value.Length > max)
        {
            Add(field, $"不能超过{max}个字（现有{value.Length}个）");
        }
        return this;
    }

    public bool Any => violations.Count > 0;

    /// <summary>Each problem with its field path, for a caller that reports them elsewhere (an import file's row and column).</summary>
    public IReadOnlyList<BadRequest.Types.FieldViolation> Violations => violations;

    /// <summary>Each problem as a person reads it, label first.</summary>
    public IReadOnlyList<string> Problems => [.. violations.Select(v => v.Description)];

    public void ThrowIfAny()
    {
        if (Any)
        {
            throw Refusal();
        }
    }

    /// <summary>
    /// The refusal: the problems joined for people, the violations for programs. A field can be the reason for
    /// another refusal than InvalidArgument too (NotFound for an unknown tracking number, AlreadyExists for a code).
    /// </summary>
    /// <param name="lead">A sentence before the problems, saying what could not be done.</param>
    public RpcException Refusal(StatusCode code = StatusCode.InvalidArgument, string lead = "") => new Google.Rpc.Status
    {
        Code = (int)code,
        Message = lead + string.Join("；", Problems),
        Details = { Google.Protobuf.WellKnownTypes.Any.Pack(new BadRequest { FieldViolations = { violations } }) },
    }.ToRpcException();
}

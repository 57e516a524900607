using Google.Rpc;
using Grpc.Core;

namespace ServiceHall.Portal;

/// <summary>
/// What a service refused, as the page shows it: its message, and each problem under the field it names
/// (google.rpc.BadRequest: "applicant_phone" → "申请人手机号码：不是手机号码…"), so the reader corrects that field
/// and nothing they typed is lost. The service's words are shown as they are: it knows the rules, the portal does not.
/// </summary>
public sealed class ServiceRefusal
{
    readonly IReadOnlyList<BadRequest.Types.FieldViolation> violations;

    ServiceRefusal(StatusCode code, string message, IReadOnlyList<BadRequest.Types.FieldViolation> violations)
    {
        Code = code;
        Message = message;
        this.violations = violations;
    }

    public StatusCode Code { get; }

    /// <summary>Every problem under the field it names, as the service gave them.</summary>
    public IReadOnlyList<BadRequest.Types.FieldViolation> Violations => violations;

    /// <summary>
    /// The same refusal with a prefix taken off the field names (SaveDraft names application.applicant_phone where
    /// the form's field is applicant_phone).
    /// </summary>
    public ServiceRefusal Unprefixed(string prefix) => new(Code, Message, [.. violations.Select(v => v.Field.StartsWith(prefix, StringComparison.Ordinal)
        ? new BadRequest.Types.FieldViolation(v) { Field = v.Field[prefix.Length..] } : v)]);

    /// <summary>The whole refusal in the service's words (every problem joined).</summary>
    public string Message { get; }

    public static ServiceRefusal Of(RpcException e) =>
        new(e.StatusCode, e.Status.Detail, e.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations.ToList() ?? []);

    /// <summary>The problems with one field of the form (or an entry of a list field: items[1].problem under items).</summary>
    public IReadOnlyList<string> For(string field) =>
        [.. violations.Where(v => v.Field == field || v.Field.StartsWith(field + "[", StringComparison.Ordinal) || v.Field.StartsWith(field + ".", StringComparison.Ordinal))
            .Select(v => v.Description)];

    /// <summary>True when every problem names one of the form's fields, so each is shown beside its field.</summary>
    public bool AllPlaced(params string[] formFields) =>
        violations.Count > 0 && violations.All(v => formFields.Any(f => For(f).Contains(v.Description)));

    /// <summary>The HTTP status the page answers with when it shows this refusal again.</summary>
    public int HttpStatus => Code switch
    {
        StatusCode.InvalidArgument => StatusCodes.Status400BadRequest,
        StatusCode.PermissionDenied => StatusCodes.Status403Forbidden,
        StatusCode.Unauthenticated => StatusCodes.Status401Unauthorized,
        StatusCode.NotFound => StatusCodes.Status404NotFound,
        StatusCode.FailedPrecondition or StatusCode.Aborted or StatusCode.AlreadyExists => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status503ServiceUnavailable,
    };
}

/// <summary>One form field's problems, with what its input needs to point at them (aria-invalid, aria-describedby).</summary>
public sealed record FieldProblems(string Field, IReadOnlyList<string> Problems)
{
    /// <summary>The id of the paragraph that says the problems (the field's name and "-error").</summary>
    public string ErrorId => Field.Replace('_', '-') + "-error";

    public bool Any => Problems.Count > 0;

    public string? Invalid => Any ? "true" : null;

    /// <summary>The error paragraph first, then the field's own hint if it has one.</summary>
    public string? DescribedBy(string? hint = null) =>
        string.Join(' ', new[] { Any ? ErrorId : null, hint }.Where(s => s is not null)) is { Length: > 0 } ids ? ids : null;
}

public static class ServiceRefusals
{
    public static FieldProblems Field(this ServiceRefusal? refusal, string field) => new(field, refusal?.For(field) ?? []);
}

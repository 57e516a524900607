using Google.Protobuf.Reflection;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Credit.OpenApi;

/// <summary>
/// A webhook URL the credit service will POST to: absolute https, or plain http on loopback where the operator allows
/// it (a local hall). No credentials in it and no fragment.
/// </summary>
public static class WebhookUrls
{
    public static string Check(string? input, bool allowLoopbackHttp, MessageDescriptor request)
    {
        var text = (input ?? "").Trim();
        var errors = new FieldErrors(request).Required("url", text).MaxLength("url", text, OpenApiModel.MaxUrlLength);
        errors.ThrowIfAny();
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new FieldErrors(request).Add("url", "必须是以 https:// 开头的完整地址").Refusal();
        }
        if (uri.Scheme == Uri.UriSchemeHttp && !(allowLoopbackHttp && uri.IsLoopback))
        {
            throw new FieldErrors(request).Add("url", "必须使用 https，签名的变动通知不经明文传输").Refusal();
        }
        if (uri.UserInfo.Length > 0 || uri.Fragment.Length > 0)
        {
            throw new FieldErrors(request).Add("url", "不能包含用户名、密码或 # 片段").Refusal();
        }
        return uri.AbsoluteUri;
    }
}

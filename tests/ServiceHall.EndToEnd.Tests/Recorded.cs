using System.Collections.Concurrent;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace ServiceHall.EndToEnd.Tests;

/// <summary>
/// Every answer the hall gave the end-to-end tests (JSON bodies and gRPC messages), kept for the personal-number
/// scan. An explicit reveal (RevealApplicant) is marked: it is the one answer allowed to hold a full number.
/// </summary>
public static class Recorded
{
    public sealed record Answer(string Who, string What, string Text, bool Reveal);

    static readonly ConcurrentQueue<Answer> answers = new();

    public static IReadOnlyCollection<Answer> Answers => answers;

    public static void Add(string who, string what, string text) =>
        answers.Enqueue(new Answer(who, what, text, what.Contains("reveal", StringComparison.OrdinalIgnoreCase)));

    /// <summary>Keeps a copy of each JSON response body.</summary>
    public sealed class Responses(string who) : DelegatingHandler(new HttpClientHandler())
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            Add(who, $"{request.Method} {request.RequestUri}", await response.Content.ReadAsStringAsync(cancellationToken));
            return response;
        }
    }

    /// <summary>Keeps a copy of each gRPC response message.</summary>
    public sealed class Messages(string who) : Interceptor
    {
        public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context,
            AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
        {
            var call = continuation(request, context);
            return new AsyncUnaryCall<TResponse>(Keep(call.ResponseAsync, context.Method.FullName), call.ResponseHeadersAsync, call.GetStatus, call.GetTrailers, call.Dispose);
        }

        async Task<TResponse> Keep<TResponse>(Task<TResponse> response, string method)
        {
            var message = await response;
            Add(who, method, message switch
            {
                IMessage proto => JsonFormatter.Default.Format(proto),
                byte[] bytes => System.Text.Encoding.UTF8.GetString(bytes),
                _ => message?.ToString() ?? "",
            });
            return message;
        }
    }
}

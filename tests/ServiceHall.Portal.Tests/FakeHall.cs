using System.Collections.Concurrent;
using Grpc.Core;

namespace ServiceHall.Portal.Tests;

/// <summary>
/// The hall's services as the portal sees them, in process: a call invoker that answers each gRPC method (by name:
/// GetItem, Search, AskQuestion …) with what the test arranged, and remembers every call with its options.
/// A method nobody arranged answers Unimplemented, so a test never passes on a call it did not expect to succeed.
/// </summary>
public sealed class FakeHall : CallInvoker
{
    readonly ConcurrentDictionary<string, Func<object, CallOptions, Task<object>>> answers = new();

    public ConcurrentQueue<Call> Calls { get; } = new();

    public sealed record Call(string Method, object Request, CallOptions Options)
    {
        public string? Authorization => Options.Headers?.GetValue("authorization");
    }

    public FakeHall On<TRequest, TResponse>(string method, Func<TRequest, TResponse> answer)
        where TRequest : class where TResponse : class
    {
        answers[method] = (request, _) => Task.FromResult<object>(answer((TRequest)request));
        return this;
    }

    public FakeHall Fail(string method, StatusCode code)
    {
        answers[method] = (_, _) => Task.FromException<object>(new RpcException(new Status(code, $"{method} failed in the test ({code})")));
        return this;
    }

    /// <summary>A service that never answers: the call ends only at the deadline the portal set, as a real one would.</summary>
    public FakeHall Hang(string method)
    {
        answers[method] = async (_, options) =>
        {
            var deadline = options.Deadline ?? throw new InvalidOperationException($"{method} was called without a deadline");
            var wait = deadline - DateTime.UtcNow;
            if (wait > TimeSpan.FromSeconds(10))
            {
                throw new InvalidOperationException($"{method} was called with a deadline {wait} away; pages must not wait that long");
            }
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, options.CancellationToken);
            }
            throw new RpcException(new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded"));
        };
        return this;
    }

    public IEnumerable<Call> CallsTo(string method) => Calls.Where(c => c.Method == method);

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
    {
        Calls.Enqueue(new Call(method.Name, request, options));
        var response = answers.TryGetValue(method.Name, out var answer)
            ? Answer<TResponse>(answer, request, options)
            : Task.FromException<TResponse>(new RpcException(new Status(StatusCode.Unimplemented, $"the test arranged no answer for {method.FullName}")));
        return new AsyncUnaryCall<TResponse>(response, Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => [], () => { });
    }

    static async Task<TResponse> Answer<TResponse>(Func<object, CallOptions, Task<object>> answer, object request, CallOptions options) =>
        (TResponse)await answer(request, options);

    public override TResponse BlockingUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
        throw new NotSupportedException("The portal calls services asynchronously only");

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
        throw new NotSupportedException();

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) =>
        throw new NotSupportedException();

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) =>
        throw new NotSupportedException();
}

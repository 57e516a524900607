using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServiceHall.Domain;

namespace ServiceHall.ServiceDefaults;

/// <summary>
/// No log line holds a whole resident ID or mobile number (docs/domain.md §6), whoever wrote it: the hall's own code,
/// or a library repeating input, as gRPC does when it logs a refusal's detail ("事项：编号为 … 的服务事项不存在") and
/// the exception that carries it. Every logger the process creates masks the message, the structured values the
/// console and OpenTelemetry read, and the exception text, the same way the audit trail does.
/// </summary>
public static class MaskedLogging
{
    public static IServiceCollection AddMaskedLogging(this IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Singleton<ILoggerFactory, MaskingLoggerFactory>());
        return services;
    }

    /// <summary>The framework's factory (providers, filters, scopes) with every logger it makes wrapped.</summary>
    sealed class MaskingLoggerFactory(
        IEnumerable<ILoggerProvider> providers, IOptionsMonitor<LoggerFilterOptions> filters, IOptions<LoggerFactoryOptions> options)
        : ILoggerFactory
    {
        readonly LoggerFactory inner = new(providers, filters, options);

        public ILogger CreateLogger(string categoryName) => new MaskingLogger(inner.CreateLogger(categoryName));

        public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

        public void Dispose() => inner.Dispose();
    }

    sealed class MaskingLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!inner.IsEnabled(logLevel))
            {
                return;
            }
            var masked = exception is not null && PersonalNumbers.Found(exception.ToString()) ? new MaskedException(exception) : exception;
            if (state is IReadOnlyList<KeyValuePair<string, object?>> values)
            {
                // Structured state: the values are masked one by one (the template itself is the code's, not input).
                var maskedValues = values.Select(v => new KeyValuePair<string, object?>(v.Key, Mask(v.Value))).ToList();
                inner.Log(logLevel, eventId, maskedValues, masked, (_, _) => PersonalNumbers.MaskAll(formatter(state, exception)));
                return;
            }
            inner.Log(logLevel, eventId, state, masked, (s, e) => PersonalNumbers.MaskAll(formatter(s, exception)));
        }

        static object? Mask(object? value) => value switch
        {
            string text => PersonalNumbers.MaskAll(text),
            null or ValueType => value,
            // Anything else is logged through its text (a Status, a request message): mask that text.
            _ => value.ToString() is { } text && PersonalNumbers.Found(text) ? PersonalNumbers.MaskAll(text) : value,
        };
    }

    /// <summary>Stands in for an exception whose message or stack text holds a personal number: the same text, masked.</summary>
    sealed class MaskedException(Exception original) : Exception(PersonalNumbers.MaskAll(original.Message))
    {
        public override string? StackTrace => original.StackTrace;

        public override string ToString() => PersonalNumbers.MaskAll(original.ToString());
    }
}

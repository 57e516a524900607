using System.Diagnostics;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServiceHall.Applications.Case;
using ServiceHall.Applications.Data;
using ServiceHall.Applications.Supervision;
using ServiceHall.Applications.V1;
using ServiceHall.Catalog.V1;

namespace ServiceHall.Bench.Supervision;

/// <summary>
/// Seeds a SQLite database with open cases (100,000 by default; the first argument changes it), accepted over the six
/// weeks before a fixed day, every tenth waiting for 补正, and times the supervision sweep over them twice: the first
/// round gives the warnings due (each with its outbox event), the second finds nothing new, as most rounds will.
/// Run: dotnet run -c Release --project bench/ServiceHall.Bench.Supervision [cases]
/// </summary>
static class SweepBench
{
    static readonly DateTimeOffset Today = new(2026, 3, 20, 9, 0, 0, TimeSpan.FromHours(8));

    static async Task<int> Main(string[] args)
    {
        var cases = args.Length > 0 && int.TryParse(args[0], out var n) && n > 0 ? n : 100_000;
        var folder = Path.Combine(Path.GetTempPath(), "servicehall-bench-supervision-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            await using var services = Services(Path.Combine(folder, "applications.db"));
            await using (var scope = services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<ApplicationsDb>().Database.MigrateAsync();
            }
            var seeding = Stopwatch.StartNew();
            await SeedAsync(services, cases);
            Console.WriteLine($"seeded {cases:N0} open cases in {seeding.Elapsed.TotalSeconds:F1} s");

            var sweep = services.GetRequiredService<SupervisionSweep>();
            foreach (var round in new[] { "first round (gives the warnings due)", "second round (nothing new)" })
            {
                var timing = Stopwatch.StartNew();
                var recorded = await sweep.SweepAsync(CancellationToken.None);
                Console.WriteLine($"sweep, {round}: {recorded:N0} warnings recorded over {cases:N0} open cases in {timing.Elapsed.TotalSeconds:F2} s");
            }
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    static ServiceProvider Services(string file)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddConsole().SetMinimumLevel(LogLevel.Warning));
        services.AddDbContext<ApplicationsDb, ApplicationsDbSqlite>(o => o.UseSqlite($"Data Source={file}"));
        services.AddSingleton<TimeProvider>(new FixedClock(Today));
        services.AddSingleton<CalendarService.CalendarServiceClient>(new ShippedCalendar());
        services.AddSingleton<CaseCalendar>();
        services.AddSingleton(new SupervisionSettings(0.8m, TimeSpan.FromMinutes(15), 1000));
        services.AddSingleton<SupervisionSweep>();
        return services.BuildServiceProvider();
    }

    static async Task SeedAsync(IServiceProvider services, int cases)
    {
        var random = new Random(13);
        var firstDay = DateOnly.FromDateTime(Today.Date).AddDays(-42);
        const int chunk = 5_000;
        for (var start = 0; start < cases; start += chunk)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ApplicationsDb>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < Math.Min(cases, start + chunk); i++)
            {
                var accepted = firstDay.AddDays(random.Next(42));
                var submitted = accepted.ToDateTime(new TimeOnly(1, 0), DateTimeKind.Utc);
                db.Applications.Add(new ApplicationRecord
                {
                    TrackingNumber = ServiceHall.Applications.TrackingNumber.New(submitted),
                    OwnerSubject = "bench-applicant-" + (i % 5000),
                    IdempotencyKey = "bench-" + i,
                    ItemId = "item-" + (i % 200),
                    ItemName = "基准测试事项",
                    Department = "基准测试部门" + (i % 20),
                    DepartmentCode = "DEPT" + (i % 20),
                    ApplicantName = "申请人",
                    ApplicantKind = "person",
                    ApplicantIdNumber = "",
                    ApplicantPhone = "13800000000",
                    ApplicantCreditCode = "",
                    Note = "",
                    Status = i % 10 == 0 ? ApplicationStatus.MaterialsRequested : ApplicationStatus.UnderReview,
                    SubmittedAt = submitted,
                    LimitDays = 10 + i % 3 * 5,
                    LimitUnit = LimitUnit.WorkingDays,
                    StatutoryDays = 20,
                    AcceptedOn = accepted,
                    Pauses = i % 10 == 0 ? [new CasePause(accepted.AddDays(2), null)] : [],
                });
            }
            await db.SaveChangesAsync();
        }
    }

    sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }

    /// <summary>The calendar years shipped with the hall, as the catalog would give them.</summary>
    sealed class ShippedCalendar : CalendarService.CalendarServiceClient
    {
        public override AsyncUnaryCall<CalendarYear> GetCalendarYearAsync(GetCalendarYearRequest request, CallOptions options)
        {
            var year = WorkingCalendar.ShippedYears.FirstOrDefault(y => y.Year == request.Year);
            var answer = year is null
                ? Task.FromException<CalendarYear>(new RpcException(new Status(StatusCode.NotFound, "not set")))
                : Task.FromResult(new CalendarYear
                {
                    Year = year.Year,
                    Holidays = { year.Holidays.Select(WorkingCalendar.Format) },
                    AdjustedWorkdays = { year.AdjustedWorkdays.Select(WorkingCalendar.Format) },
                });
            return new(answer, Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => new Metadata(), () => { });
        }
    }
}

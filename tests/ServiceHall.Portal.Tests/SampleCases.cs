using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using ServiceHall.Applications.V1;

namespace ServiceHall.Portal.Tests;

/// <summary>Applications-service answers as the portal meets them: a case in a given state, its trail, a refusal with field violations.</summary>
public static class SampleCases
{
    public const string Number = "SH20261207K7M2Q9XB";

    public static Application Case(ApplicationStatus status = ApplicationStatus.Accepted) => new()
    {
        TrackingNumber = Number, ItemId = SampleHall.IdCardItem, ItemName = "居民身份证申领", Department = "县公安局",
        DepartmentCode = SampleHall.PoliceCode, ApplicantName = "张三", ApplicantKind = "person", Status = status,
        ApplicantIdNumber = "110***********002X", ApplicantPhone = "138****5678", Delivery = DeliveryChannel.Post,
        SubmittedAt = Timestamp.FromDateTime(new DateTime(2026, 12, 1, 2, 0, 0, DateTimeKind.Utc)),
        ReviewSteps = { "受理", "审查决定" },
        Clock = status == ApplicationStatus.MaterialsRequested
            ? new CaseClock
            {
                State = ClockState.Paused, LimitDays = 20, Unit = LimitUnit.WorkingDays, DaysUsed = 3, DaysLeft = 17, Deadline = "2026-12-29",
                AcceptedOn = "2026-12-01", PausedReason = "等待申请人补正材料",
            }
            : new CaseClock { State = ClockState.Running, LimitDays = 20, Unit = LimitUnit.WorkingDays, DaysUsed = 4, DaysLeft = 16, Deadline = "2026-12-29", AcceptedOn = "2026-12-01" },
        OpenCorrection = { status == ApplicationStatus.MaterialsRequested ? new[] { new CorrectionItem { Material = "近期免冠照片", Problem = "照片背景应为白色" } } : Array.Empty<CorrectionItem>() },
    };

    public static CaseTrail Trail(bool withNotes = false) => new()
    {
        TrackingNumber = Number,
        Steps =
        {
            new CaseStep { Sequence = 1, Action = CaseAction.Submitted, ActorName = "张三", ActorRole = "applicant", ToStatus = ApplicationStatus.Submitted, At = Timestamp.FromDateTime(new DateTime(2026, 12, 1, 2, 0, 0, DateTimeKind.Utc)) },
            new CaseStep
            {
                Sequence = 2, Action = CaseAction.Accepted, ActorName = "公安窗口", ActorRole = "officer", FromStatus = ApplicationStatus.Submitted,
                ToStatus = ApplicationStatus.Accepted, Opinion = "材料齐全，予以受理", InternalNote = withNotes ? "申请人来过电话" : "",
                At = Timestamp.FromDateTime(new DateTime(2026, 12, 1, 3, 0, 0, DateTimeKind.Utc)),
            },
        },
    };

    /// <summary>The applications service answering reads of this one case.</summary>
    public static FakeHall WithCase(this FakeHall hall, Application application, bool withNotes = false) => hall
        .On<GetApplicationRequest, Application>("GetApplication", r => r.TrackingNumber == application.TrackingNumber ? application
            : throw new RpcException(new Grpc.Core.Status(Grpc.Core.StatusCode.NotFound, "没有这个申请")))
        .On<GetCaseTrailRequest, CaseTrail>("GetCaseTrail", _ => Trail(withNotes))
        .On<ListCaseMaterialsRequest, ListCaseMaterialsResponse>("ListCaseMaterials", r => new() { TrackingNumber = r.TrackingNumber, Materials = { Files(application.Status) } });

    /// <summary>A case's files: the photo (replaced by a 补正 once answered), and the decision document once decided.</summary>
    public static IEnumerable<MaterialFile> Files(ApplicationStatus status)
    {
        if (status == ApplicationStatus.Submitted)
        {
            yield break;
        }
        var at = Timestamp.FromDateTime(new DateTime(2026, 12, 1, 2, 0, 0, DateTimeKind.Utc));
        yield return new MaterialFile
        {
            Id = "m-photo-1", FileName = "照片.jpg", Kind = MaterialKind.Jpeg, ContentType = "image/jpeg", Size = 2048, UploadedAt = at,
            Slot = "近期免冠照片", Purpose = MaterialPurpose.Application, Replaced = status is ApplicationStatus.Approved or ApplicationStatus.Completed,
        };
        if (status is ApplicationStatus.Approved or ApplicationStatus.Completed)
        {
            yield return new MaterialFile { Id = "m-photo-2", FileName = "白底照片.png", Kind = MaterialKind.Png, ContentType = "image/png", Size = 3 * 1024 * 1024, UploadedAt = at, Slot = "近期免冠照片", Purpose = MaterialPurpose.Application };
            yield return new MaterialFile { Id = "m-decision", FileName = "准予许可决定书.pdf", Kind = MaterialKind.Pdf, ContentType = "application/pdf", Size = 900, UploadedAt = at, Purpose = MaterialPurpose.DecisionDocument };
        }
    }

    /// <summary>A refusal as FieldErrors makes it: the problems joined, and each under its field's path.</summary>
    public static RpcException Refusal(Grpc.Core.StatusCode code, params (string Field, string Description)[] problems) => new Google.Rpc.Status
    {
        Code = (int)code,
        Message = string.Join("；", problems.Select(p => p.Description)),
        Details = { Any.Pack(new BadRequest { FieldViolations = { problems.Select(p => new BadRequest.Types.FieldViolation { Field = p.Field, Description = p.Description }) } }) },
    }.ToRpcException();
}

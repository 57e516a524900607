using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Catalog.Data;
using ServiceHall.Catalog.V1;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Catalog;

/// <summary>Departments and towns that implement items (实施主体).</summary>
public sealed partial class CatalogService
{
    [Authorize(Roles = HallRoles.Administrator)]
    public override async Task<Department> CreateDepartment(CreateDepartmentRequest request, ServerCallContext context)
    {
        var department = request.Department ?? throw new FieldErrors(CreateDepartmentRequest.Descriptor).Add("department", "必填").Refusal();
        department.Code = CreditCode.Normalize(department.Code);
        DepartmentProblems(department).ThrowIfAny();
        var record = DepartmentRecord.From(department);
        if (await db.Departments.AnyAsync(d => d.Code == record.Code || d.Name == record.Name, context.CancellationToken))
        {
            throw DepartmentTaken(record);
        }
        db.Departments.Add(record);
        await db.SaveOrRefuseAsync(DepartmentTaken(record), context.CancellationToken);
        return record.ToMessage();
    }

    public override async Task<Department> GetDepartment(GetDepartmentRequest request, ServerCallContext context)
    {
        new FieldErrors(GetDepartmentRequest.Descriptor).Required("code", request.Code).MaxLength("code", request.Code, 18).ThrowIfAny();
        return await FindDepartmentAsync(CreditCode.Normalize(request.Code), context.CancellationToken)
            ?? throw new FieldErrors(GetDepartmentRequest.Descriptor).Add("code", $"没有代码为 {request.Code} 的部门").Refusal(StatusCode.NotFound);
    }

    public override async Task<ListDepartmentsResponse> ListDepartments(ListDepartmentsRequest request, ServerCallContext context)
    {
        if (request.Kind.Length > 0 && !GuideVocabulary.DepartmentKinds.Contains(request.Kind))
        {
            throw new FieldErrors(ListDepartmentsRequest.Descriptor).Add("kind", $"“{request.Kind}”不是{string.Join("、", GuideVocabulary.DepartmentKinds)}之一").Refusal();
        }
        var query = db.Departments.AsNoTracking();
        if (request.Kind.Length > 0)
        {
            query = query.Where(d => d.Kind == request.Kind);
        }
        var response = new ListDepartmentsResponse();
        response.Departments.AddRange((await query.OrderBy(d => d.Code).ToListAsync(context.CancellationToken)).Select(d => d.ToMessage()));
        return response;
    }

    public static FieldErrors DepartmentProblems(Department d)
    {
        var errors = new FieldErrors(CreateDepartmentRequest.Descriptor);
        if (CreditCode.Problem(d.Code) is { } problem)
        {
            errors.Add("department.code", problem);
        }
        errors.Required("department.name", d.Name).MaxLength("department.name", d.Name, GuideChecks.MaxName)
            .MaxLength("department.address", d.Address, GuideChecks.MaxText)
            .MaxLength("department.hours", d.Hours, GuideChecks.MaxText);
        if (!GuideVocabulary.DepartmentKinds.Contains(d.Kind))
        {
            errors.Add("department.kind", $"“{d.Kind}”不是{string.Join("、", GuideVocabulary.DepartmentKinds)}之一");
        }
        if (d.Phone.Length > 0 && !GuideChecks.IsPhone(d.Phone))
        {
            errors.Add("department.phone", $"“{d.Phone}”不是电话号码");
        }
        return errors;
    }

    static RpcException DepartmentTaken(DepartmentRecord d) =>
        new FieldErrors(CreateDepartmentRequest.Descriptor).Add("department", $"已有代码为 {d.Code} 或名称为“{d.Name}”的部门").Refusal(StatusCode.AlreadyExists);
}

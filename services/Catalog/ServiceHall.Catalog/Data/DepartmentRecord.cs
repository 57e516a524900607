using ServiceHall.Catalog.V1;

namespace ServiceHall.Catalog.Data;

/// <summary>An implementing body (实施主体): a county department or a town (乡镇街道), keyed by its credit code.</summary>
public sealed class DepartmentRecord
{
    public required string Code { get; init; }
    public required string Name { get; set; }
    public required string Kind { get; set; }
    public string Address { get; set; } = "";
    public string Phone { get; set; } = "";
    public string Hours { get; set; } = "";

    public static DepartmentRecord From(Department d) => new()
    {
        Code = d.Code, Name = d.Name, Kind = d.Kind, Address = d.Address, Phone = d.Phone, Hours = d.Hours,
    };

    public Department ToMessage() => new() { Code = Code, Name = Name, Kind = Kind, Address = Address, Phone = Phone, Hours = Hours };
}
